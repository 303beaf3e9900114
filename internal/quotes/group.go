package quotes

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/nlp"
)

// quoteGroup is what makes one quote: the quoted stretches that share a cue
// and a speaker, the unattributed stretches that continue them, and the
// reported clause they stand in. A group with no quoted stretches is
// indirect speech.
type quoteGroup struct {
	members  []int // quoted indexes, in text order
	att      *attribution
	clause   *unitRange  // the reported clause, when a clause pattern found one
	floating *quoteGroup // for a quote with no attribution: the quote whose speaker it takes
	echo     bool        // floating because its words stand inside that quote

	speaker *Speaker // resolved
	how     string
}

// group gathers quoted stretches and reported clauses into quotes:
//   - attributed stretches with the same cue and speaker are one quote, which
//     takes the reported clause of its cue when a clause pattern found one;
//   - a clause with no quote of its own is indirect speech, and takes the
//     quoted stretches inside it that nothing else attributed;
//   - an unattributed direct stretch joins the attributed quote next to it in
//     its paragraph, or continues the quote left open at the end of the
//     paragraph before, or the one whose attribution ends that paragraph
//     (“…,” she said.¶“…”), or floats: it takes the speaker of the
//     attribution before it in its paragraph, or of the quote that ends the
//     paragraph before;
//   - unattributed partial quotes and titles are left out: they are not
//     anyone's words.
func group(s *seq, qs []quoted, atts []*attribution, frames map[int]attribution) []*quoteGroup {
	groups, of := attributed(s, atts, len(qs))
	groups = withFrames(s, groups, frames)
	groups = withoutNested(s, groups, frames)
	groups = placeUnattributed(s, qs, of, groups)
	groups = withEchoes(s, qs, of, groups)
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].start(s) < groups[b].start(s) })
	return groups
}

// withFrames gives each attributed group the reported clause that a clause
// pattern found at its cue, and adds a group of indirect speech for each
// such clause that no group took.
func withFrames(s *seq, groups []*quoteGroup, frames map[int]attribution) []*quoteGroup {
	used := map[int]bool{}
	for _, g := range groups {
		if g.att.cue == nil {
			continue
		}
		f, ok := frames[g.att.cue.first]
		switch {
		case ok && f.pattern.Compiled.Object:
			// what the cue takes holds the quote, which keeps the clause
			// its own pattern gave it; or it does not, and is a quote of its
			// own: in “…,” the mayor accused Ruiz of bias, Ruiz's bias is
			// not the quote
			used[g.att.cue.first] = clauseHoldsFirst(s, f.clause, g.members)
			g.clause = g.att.clause
		case ok:
			g.clause = f.clause
			used[g.att.cue.first] = true
		default:
			g.clause = g.att.clause
		}
	}
	for _, cue := range sortedKeys(frames) {
		if !used[cue] {
			f := frames[cue]
			groups = append(groups, &quoteGroup{att: &f, clause: f.clause})
		}
	}
	return groups
}

// withEchoes adds a group for each quoted stretch that no group holds and
// that echoes words quoted elsewhere in the document.
func withEchoes(s *seq, qs []quoted, of []*quoteGroup, groups []*quoteGroup) []*quoteGroup {
	echo := newEchoes(s, qs, of)
	for i, q := range qs {
		if of[i] == nil && !q.title && q.first < q.last {
			if g := echo.find(s, q); g != nil {
				of[i] = &quoteGroup{members: []int{i}, floating: g, echo: true}
				groups = append(groups, of[i])
			}
		}
	}
	return groups
}

// clauseHoldsFirst reports whether a reported clause holds the first of
// a group's quoted stretches (members); true when there is no clause.
func clauseHoldsFirst(s *seq, r *unitRange, members []int) bool {
	if r == nil || len(members) == 0 {
		return true
	}
	u := s.quoteAt[members[0]]
	return r.lo <= u && u <= r.hi
}

// withoutNested drops the reported speech that stands inside what another
// speaker is reported to have said: in "Song said Clinton had said the plan
// would fail", the writer reports Song's words, and Clinton's are part of
// them. A clause that stands before its cue is not nested: in "The mayor
// said the bridge was safe, her aide said", the aide's words hold the
// mayor's.
func withoutNested(s *seq, groups []*quoteGroup, frames map[int]attribution) []*quoteGroup {
	var framed []*quoteGroup
	for _, g := range groups {
		if g.att.cue != nil && g.clause != nil {
			if _, ok := frames[g.att.cue.first]; ok {
				framed = append(framed, g)
			}
		}
	}
	cover := clauseCover(s, framed)
	out := groups[:0]
	for _, g := range groups {
		if len(g.members) == 0 && g.att.cue != nil && (g.clause == nil || g.clause.lo > s.tokPos[g.att.cue.first]) {
			if o := cover[s.tokPos[g.att.cue.first]]; o != nil && o != g {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// echoes finds the quote whose direct words hold the words of an
// unattributed partial stretch: a headline's or a paraphrase's “pivotal
// week” echoes a full quote elsewhere.
type echoes struct {
	of    []*quoteGroup
	words [][]string          // the folded words of each direct stretch that can be echoed
	at    map[string][][2]int // a word -> the stretch and place of each of its occurrences, in text order
}

// newEchoes indexes the words of the direct stretches that are attributed
// or float.
func newEchoes(s *seq, qs []quoted, of []*quoteGroup) *echoes {
	e := &echoes{of: of, words: make([][]string, len(qs)), at: map[string][][2]int{}}
	for j, q := range qs {
		if of[j] == nil || !q.direct || of[j].att == nil && of[j].floating == nil {
			continue
		}
		e.words[j] = foldWords(s.doc.Text[q.start:q.end])
		for k, w := range e.words[j] {
			e.at[w] = append(e.at[w], [2]int{j, k})
		}
	}
	return e
}

// find returns the group of the first direct stretch that holds the
// words of stretch q (two at least), or nil. It looks at the occurrences of the
// stretch's rarest word only.
func (e *echoes) find(s *seq, q quoted) *quoteGroup {
	run := foldWords(s.doc.Text[q.start:q.end])
	if len(run) < 2 {
		return nil
	}
	r := 0
	for k, w := range run {
		if len(e.at[w]) < len(e.at[run[r]]) {
			r = k
		}
	}
	for _, o := range e.at[run[r]] {
		words, from := e.words[o[0]], o[1]-r
		if from >= 0 && from+len(run) <= len(words) && slices.Equal(words[from:from+len(run)], run) {
			return e.of[o[0]]
		}
	}
	return nil
}

// foldWords returns the lower-cased words of s, without punctuation.
func foldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// attributed makes a group for each cue and speaker of the attributed
// stretches, and says which group each stretch is in.
func attributed(s *seq, atts []*attribution, n int) ([]*quoteGroup, []*quoteGroup) {
	var groups []*quoteGroup
	of := make([]*quoteGroup, n)
	byKey := map[[2]int]*quoteGroup{}
	for i, a := range atts {
		if a == nil {
			continue
		}
		key := [2]int{-1, a.speaker.headFirst}
		if a.cue != nil {
			key[0] = a.cue.first
		}
		if g := byKey[key]; g != nil && s.qs[g.members[0]].direct && s.inWritersWords(i, *a) {
			continue // the writer's words after a direct quotation's cue: not the quotation's, nor a quote
		}
		g := byKey[key]
		if g == nil {
			g = &quoteGroup{att: a}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
		of[i] = g
	}
	return groups, of
}

// inWritersWords reports whether quoted stretch i stands in an adjunct
// of the writer's after its attribution: in “…,” Ruiz said after a brief
// “I’m sorry”, or “…,” he said, introducing Ruiz as a “builder”, the
// second stretch is quoted words of the writer's sentence, not more of the
// quotation before the cue. After "and", "but" or "that" the speaker's
// words go on.
func (s *seq) inWritersWords(i int, a attribution) bool {
	q := s.qs[i]
	if a.cue == nil || q.direct || s.tokPos[a.cue.first] > s.quoteAt[i] {
		return false
	}
	u := s.tokPos[max(a.cue.last, a.speaker.last)-1] + 1
	if t, ok := s.token(u); ok && t.Norm == "," {
		u++
	}
	t, ok := s.token(u)
	if !ok || u >= s.quoteAt[i] || !(t.Tag == "IN" && t.Norm != "that" || t.Tag == "VBG") {
		return false
	}
	for ; u < s.quoteAt[i]; u++ {
		if t, _ := s.token(u); t.Norm == "that" || t.Norm == "and" || t.Norm == "but" {
			return false // “…,” they wrote in a letter, that the agency “…”
		}
	}
	return true
}

// unattributed makes the group of a direct stretch that no pattern
// attributed and that continues no other: it floats or stands alone.
func unattributed(s *seq, of []*quoteGroup, before *lastBefore, i int) *quoteGroup {
	g := &quoteGroup{members: []int{i}}
	of[i] = g
	if s.followsQuotedParagraph(i) && of[i-1] != nil {
		g.floating = of[i-1]
	} else {
		g.floating = before.at(s.quoteAt[i])
	}
	return g
}

// join adds quoted stretch i to the group g, keeping its members in order.
func join(g *quoteGroup, i int, of []*quoteGroup) {
	at, _ := slices.BinarySearch(g.members, i)
	g.members = slices.Insert(g.members, at, i)
	of[i] = g
}

// joinable returns the quote that the unattributed direct stretch i
// continues, or nil: the quote left open at the end of the paragraph before
// (news style carries one quotation over several paragraphs); the quote
// before it in its paragraph when their attribution stands between them
// (“…,” Cole said. “…”) or before both (Cole said: “…” “…”); or the
// attributed quote next after it in its paragraph (“…” “…,” she said). A
// quoted paragraph after a closed quote is not joined: it floats.
func joinable(s *seq, qs []quoted, of []*quoteGroup, i int) *quoteGroup {
	if i > 0 && qs[i-1].para == qs[i].para-1 && qs[i-1].close < 0 && of[i-1] != nil {
		return of[i-1]
	}
	// Marcia “Cia” Price is the name of the speaker between the parts, and
	// a title or words quoted in no one's name are part of the attribution:
	// “…,” she told NBC’s “Today.” “…”; “…,” said Ruiz, one of the “big
	// four.” “…”
	j := i - 1
	for j >= 0 && (qs[j].nickname || (qs[j].title || !qs[j].direct) && of[j] == nil && qs[j].para == qs[i].para) {
		j--
	}
	if j >= 0 && qs[j].para == qs[i].para && of[j] != nil && of[j].att != nil && s.resumes(j, i) {
		if qs[j].direct || of[j].cueBetween(s, j, i) {
			return of[j]
		}
	}
	j = i + 1
	for j < len(qs) && qs[j].nickname {
		j++
	}
	if j < len(qs) && qs[j].para == qs[i].para && of[j] != nil && of[j].att != nil && qs[j].direct && s.onlyMarksBetween(i, j) {
		return of[j]
	}
	return nil
}

// resumes reports whether quoted stretch i, after stretch j in the same
// paragraph, can resume j's quotation: it follows j or a mark (“…,” she
// said, “…”), and opens a sentence of its own when a sentence ends between
// them (“…,” she said. “…”), so that “…” she said, as he went on about “…”
// and “…” She was upset: “…” are two quotations.
func (s *seq) resumes(j, i int) bool {
	at := s.quoteAt[i]
	if at == s.quoteAt[j]+1 {
		return true
	}
	prev, ok := s.token(at - 1)
	if !ok || s.startsSentence(at-1) {
		return true
	}
	switch prev.Norm {
	case ",", ":", ";", "—", "-", "--":
		return !s.sentenceEndsBetween(s.quoteAt[j], at-1)
	}
	return false
}

// onlyMarksBetween reports whether nothing but punctuation, or an aside
// between dashes, stands between quoted stretches i and j: “…” “…,” she
// said; “I don’t think the wisdom” -- that he is a liberal -- “will last”.
func (s *seq) onlyMarksBetween(i, j int) bool {
	a, b := s.quoteAt[i]+1, s.quoteAt[j]-1
	if b-a >= 2 && s.dashAt(a) && s.dashAt(b) {
		return true
	}
	for u := a; u <= b; u++ {
		if t, ok := s.token(u); !ok || wordLike(t.Text) {
			return false
		}
	}
	return true
}

// dashAt reports whether the unit at u is a dash or a hyphen standing alone.
func (s *seq) dashAt(u int) bool {
	t, ok := s.token(u)
	return ok && (dashes[t.Norm] || t.Norm == "-")
}

// sentenceEndsBetween reports whether a sentence ends after unit a and
// before unit b: at a period, or with a quotation that ends one.
func (s *seq) sentenceEndsBetween(a, b int) bool {
	for u := a; u < b; u++ {
		if s.boundary(u, -1) {
			return true
		}
	}
	return false
}

// carriedOver returns the quote that the unattributed direct stretch i
// carries on into a paragraph of its own, or nil: a direct quotation whose
// attribution ends the paragraph before (“…,” she said.¶“…”) goes on in
// the next paragraph that opens with a quotation, as it does within one
// paragraph (“…,” she said. “…”).
func carriedOver(s *seq, qs []quoted, of []*quoteGroup, i int) *quoteGroup {
	if !s.followsQuotedParagraph(i) {
		return nil
	}
	g := of[i-1]
	if g == nil || g.att == nil || g.att.cue == nil || len(g.members) != 1 || !qs[g.members[0]].direct {
		return nil
	}
	return g
}

// quotedParagraphBefore returns the quote that the unattributed direct
// stretch i goes on with when the paragraph before is that quote alone,
// with nothing of the writer's: “…”¶“…” is one speaker going on.
func quotedParagraphBefore(s *seq, qs []quoted, of []*quoteGroup, i int) *quoteGroup {
	if !s.followsQuotedParagraph(i) || of[i-1] == nil || !qs[i-1].direct || !s.opensParagraph(i-1) {
		return nil
	}
	for pos := s.quoteAt[i-1] + 1; pos < len(s.units) && s.units[pos].kind != uBreak; pos++ {
		if s.units[pos].kind == uToken {
			return nil
		}
	}
	return of[i-1]
}

// cueBetween reports whether the group's cue stands between quoted
// stretches j and i.
func (g *quoteGroup) cueBetween(s *seq, j, i int) bool {
	if g.att == nil || g.att.cue == nil {
		return false
	}
	pos := s.tokPos[g.att.cue.first]
	return s.quoteAt[j] < pos && pos < s.quoteAt[i]
}

// lastUnit returns the position of the group's last unit.
func (g *quoteGroup) lastUnit(s *seq) int {
	last := -1
	if g.clause != nil {
		last = g.clause.hi
	}
	if n := len(g.members); n > 0 {
		last = max(last, s.quoteAt[g.members[n-1]])
	}
	if g.att != nil && g.att.cue != nil && s.tokPos[g.att.cue.first] > last {
		last = s.tokPos[g.att.cue.first]
	}
	return last
}

// start returns the byte offset where the group starts in the text.
func (g *quoteGroup) start(s *seq) int {
	if len(g.members) > 0 {
		return s.qs[g.members[0]].start
	}
	return s.unitStart(g.clause.lo)
}

// breakBetween reports whether a paragraph break lies between two units.
func (s *seq) breakBetween(a, b int) bool {
	k, _ := slices.BinarySearch(s.breaks, a+1)
	return k < len(s.breaks) && s.breaks[k] < b
}

// followsQuotedParagraph reports whether quoted stretch i opens its
// paragraph right after a paragraph that ends with quoted stretch i-1 (or
// with its attribution).
func (s *seq) followsQuotedParagraph(i int) bool {
	return i > 0 && s.opensParagraph(i) && s.qs[i-1].para == s.qs[i].para-1 && s.endsParagraph(i-1)
}

// opensParagraph reports whether quoted stretch i is the first thing in its
// paragraph.
func (s *seq) opensParagraph(i int) bool {
	pos := s.quoteAt[i]
	return pos == 0 || s.units[pos-1].kind == uBreak
}

// endsParagraph reports whether quoted stretch i ends its paragraph, or is
// followed only by its attribution: no other sentence comes after it.
func (s *seq) endsParagraph(i int) bool {
	for pos := s.quoteAt[i] + 1; pos < len(s.units) && s.units[pos].kind != uBreak; pos++ {
		if s.units[pos].kind == uQuote {
			return false
		}
		if s.boundary(pos, 1) && pos+1 < len(s.units) && s.units[pos+1].kind != uBreak {
			return false
		}
	}
	return true
}

// resolveGroups finds each group's speaker: attributed groups from their
// phrase, then floating and echoing ones from the group they follow, in
// text order, so that a float may follow a float.
func resolveGroups(r *resolver, groups []*quoteGroup) {
	for _, g := range groups {
		if g.att != nil {
			sp, how := r.speaker(g.att.speaker)
			g.speaker, g.how = &sp, how
		}
	}
	for _, g := range groups {
		if g.att == nil && g.floating != nil && g.floating.speaker != nil {
			g.speaker, g.how = g.floating.speaker, ResolvedFloating
			if g.echo {
				g.how = ResolvedEcho
			}
		}
		if g.speaker == nil && g.att == nil && len(g.members) > 0 {
			if sp, ok := r.subjectBefore(r.s.qs[g.members[0]]); ok {
				g.speaker, g.how = &sp, ResolvedFloating
			}
		}
	}
}

// subjectBefore returns the person who opens the sentence before quoted
// stretch q, when q opens a sentence and that sentence quotes nobody:
// "Valastro praised the governor’s leadership.¶“We need someone who …”".
func (r *resolver) subjectBefore(q quoted) (Speaker, bool) {
	toks := r.doc.Tokens
	sent := toks[q.open].Sent
	if !q.direct || r.doc.Sentences[sent].First != q.open || sent == 0 {
		return Speaker{}, false
	}
	prev := r.doc.Sentences[sent-1]
	if r.doc.Sentences[sent].Para-prev.Para > 1 {
		return Speaker{}, false
	}
	for i := prev.First; i < prev.Last; i++ {
		if quoteMark(toks[i]) {
			return Speaker{}, false // a sentence with a quotation of its own
		}
	}
	if t := toks[prev.First]; (t.Norm == "he" || t.Norm == "she") && prev.First+1 < prev.Last && strings.HasPrefix(toks[prev.First+1].Tag, "VB") {
		sp, _ := r.speaker(phrase{first: prev.First, last: prev.First + 1, headFirst: prev.First, headLast: prev.First + 1, kind: kindPronoun})
		return sp, sp.Name != ""
	}
	for i := prev.First; i < prev.Last && i < prev.First+maxOpening; i++ {
		m, ok := r.ents.MentionAt(i)
		if !ok || m.First != i || m.Last >= prev.Last || !strings.HasPrefix(toks[m.Last].Tag, "VB") {
			continue // no name here, or not the subject: "At the rally in Dover, Brand praised ..."
		}
		if r.ents.Entities[m.Entity].Type != entities.Person {
			return Speaker{}, false // the subject is no person
		}
		sp := Speaker{Name: r.ents.Entities[m.Entity].Name, Entity: m.Entity, Start: m.Start, End: m.End}
		sp.Text = r.doc.Text[sp.Start:sp.End]
		return sp, true
	}
	return Speaker{}, false
}

// quote builds the Quote of a resolved group.
func (g *quoteGroup) quote(r *resolver) Quote {
	s := r.s
	q := Quote{Speaker: g.speaker, Resolved: g.how}
	g.setSpan(s, &q)
	base := 1.0
	att := g.att
	if att == nil && g.floating != nil {
		att = g.floating.att
	}
	if att != nil {
		base = att.confidence
		q.Pattern = att.pattern.ID
		if g.att != nil && att.cue != nil {
			c := att.cue
			q.Cue = &Cue{Start: s.doc.Tokens[c.first].Start, End: s.doc.Tokens[c.last-1].End}
			q.Cue.Text = s.doc.Text[q.Cue.Start:q.Cue.End]
		}
	}
	if g.speaker == nil {
		q.Resolved = ""
	} else if g.speaker.Name == "" {
		base *= 0.5 // a pronoun whose person was not found
	}
	q.Confidence = round2(base * resolvedFactor[q.Resolved])
	return q
}

// setSpan sets a quote's type, span and parts. Indirect speech spans its
// clause; quoted words inside a reported clause span the clause, with the
// quoted words as parts; direct quotes span their quoted stretches.
func (g *quoteGroup) setSpan(s *seq, q *Quote) {
	if len(g.members) == 0 {
		q.Type = Indirect
		q.Start, q.End = s.byteRange(*g.clause)
		return
	}
	first := s.qs[g.members[0]]
	q.Type = Partial
	if first.direct {
		q.Type = Direct
	}
	q.Start = first.markStart(s.doc)
	q.End = s.qs[g.members[len(g.members)-1]].markEnd(s.doc)
	for _, i := range g.members {
		q.Parts = append(q.Parts, Span{Start: s.qs[i].start, End: s.qs[i].end})
	}
	clause := g.clause
	withClause := clause != nil && (q.Type == Partial || g.att == nil || first.embedded || s.opensWithThat(*clause) || g.wordsAroundBeforeCue(s) || g.continuesClause(s))
	if withClause {
		a, b := s.byteRange(*clause)
		if g.endsWithCry(s) {
			b = q.End // “You lie!” at the president: what follows is the writer's
		}
		q.Start, q.End = min(q.Start, a), max(q.End, b)
	} else if clause != nil && g.goesOn(s) {
		_, b := s.byteRange(*clause)
		q.End = max(q.End, b)
	}
	if u, ok := g.frontedStart(s); ok {
		q.Start = min(q.Start, s.unitStart(u))
	}
}

// endsWithCry reports whether the group's last quotation ends with its
// own question or exclamation mark and the writer's sentence goes on in
// lower case: the words after it (“You lie!” at the president) are not
// the speaker's.
func (g *quoteGroup) endsWithCry(s *seq) bool {
	i := g.members[len(g.members)-1]
	text := strings.TrimRight(s.doc.Text[s.qs[i].start:s.qs[i].end], "\"'’” ")
	next, ok := s.token(s.quoteAt[i] + 1)
	return (strings.HasSuffix(text, "?") || strings.HasSuffix(text, "!")) && ok && wordLike(next.Text) && !nlp.Capitalized(next.Text)
}

// frontedStart returns where the words that open the sentence of the
// group's first quotation start, when its attribution stands between them
// and the quotation, which goes on with them in lower case: "If the bridge
// closes, she said, “we will lose the summer.”" The reported words start
// there.
func (g *quoteGroup) frontedStart(s *seq) (int, bool) {
	if g.att == nil || g.att.cue == nil || g.att.cue.class == "according" {
		return 0, false
	}
	q, at := s.qs[g.members[0]], s.quoteAt[g.members[0]]
	sp, cue := g.att.speaker, g.att.cue
	first := min(s.tokPos[sp.first], s.tokPos[cue.first])
	last := max(s.tokPos[sp.last-1], s.tokPos[cue.last-1])
	if startsUpper(s.doc.Text[q.start:q.end]) || last+2 != at || !s.onlyFiller(sp, *cue) {
		return 0, false
	}
	if t, ok := s.token(last + 1); !ok || t.Norm != "," && t.Norm != ":" {
		return 0, false
	}
	if t, ok := s.token(first - 1); !ok || t.Norm != "," {
		return 0, false
	}
	if t, _ := s.token(first - 2); t.Tag == "IN" || t.Tag == "TO" || t.Tag == "VBG" {
		return 0, false // "including, he said, “…”": what the quotation names
	}
	start := first - 1
	for start > 0 && !s.boundary(start-1, -1) && !s.coordinateAt(start-1) {
		if s.units[start-1].kind != uToken {
			return 0, false
		}
		start--
	}
	return start, start < first-2 // two words at least: "But, she said, “…”" opens with the quotation
}

// onlyFiller reports whether nothing but adverbs and auxiliaries stands
// between a speaker and its cue: "she said", "Ruiz has since said", not
// "she sent an email saying".
func (s *seq) onlyFiller(sp phrase, cue cueSpan) bool {
	a, b := min(sp.last, cue.last), max(sp.first, cue.first)
	for i := a; i < b; i++ {
		if t := s.doc.Tokens[i]; !isFiller(t.Norm, t.Tag) {
			return false
		}
	}
	return true
}

// coordinateAt reports whether the unit at u is "and" or "but" after a
// comma, which opens a clause of its own.
func (s *seq) coordinateAt(u int) bool {
	t, ok := s.token(u)
	comma, _ := s.token(u - 1)
	return ok && (t.Norm == "and" || t.Norm == "but") && comma.Norm == ","
}

// continuesClause reports whether the group's first quotation goes on
// with a reported clause that the writer began after the cue: it opens in
// lower case after the writer's words, which hold a verb of their own
// ("said that if the bridge closes, “we will lose the summer”"), not
// only the cue's object ("said of the doctor, “gifted hands”").
func (g *quoteGroup) continuesClause(s *seq) bool {
	if g.att == nil || g.att.cue == nil || g.clause == nil {
		return false
	}
	q := s.qs[g.members[0]]
	at := s.quoteAt[g.members[0]]
	if s.tokPos[g.att.cue.first] > at || g.clause.lo >= at || startsUpper(s.doc.Text[q.start:q.end]) {
		return false
	}
	for u := g.clause.lo; u < at; u++ {
		t, _ := s.token(u)
		if tensedVerb(t.Tag) || t.Tag == "MD" {
			prev, _ := s.token(u - 1)
			return !relatives[prev.Norm] // "the mayors who gathered": the object's own clause
		}
	}
	return false
}

// goesOn reports whether the writer's sentence goes on after the group's
// last quotation with words that its reported clause holds: a quotation
// after its cue that ends with no mark of its own before a lower-case word
// (she said “we have three weeks to go” until the vote).
func (g *quoteGroup) goesOn(s *seq) bool {
	if g.att == nil || g.att.cue == nil {
		return false
	}
	last := g.members[len(g.members)-1]
	at, q := s.quoteAt[last], s.qs[last]
	if s.tokPos[g.att.cue.first] > at || q.close < 0 || !wordLike(s.doc.Tokens[q.close-1].Text) {
		return false
	}
	next, ok := s.token(at + 1)
	return ok && wordLike(next.Text) && !nlp.Capitalized(next.Text)
}

// wordsAroundBeforeCue reports whether the group's reported clause comes
// before its cue and holds the writer's words beside the quotation: “You
// squeezed employees” to drive up the price, she said; With thousands of
// systems, “there is no single point of failure,” he said.
func (g *quoteGroup) wordsAroundBeforeCue(s *seq) bool {
	if g.att == nil || g.att.cue == nil || g.clause == nil || len(g.members) > 1 {
		return false
	}
	at, c := s.quoteAt[g.members[0]], *g.clause
	if c.hi >= s.tokPos[g.att.cue.first] || !s.onlyWords(c.lo, at) || !s.onlyWords(at+1, c.hi+1) {
		return false
	}
	if c.lo < at && (at-c.lo > 12 || !s.boundary(c.lo-1, -1)) {
		return false // the lead-in must open the sentence
	}
	if c.hi > at {
		next, _ := s.token(at + 1)
		q := s.qs[g.members[0]]
		return q.close > 0 && s.doc.Tokens[q.close-1].Norm != "," && wordLike(next.Text) && !nlp.Capitalized(next.Text)
	}
	return c.lo < at
}

// onlyWords reports whether the units [a, b) are all the writer's tokens.
func (s *seq) onlyWords(a, b int) bool {
	for u := a; u < b; u++ {
		if s.units[u].kind != uToken {
			return false
		}
	}
	return true
}

// opensWithThat reports whether a clause opens with "that": a direct
// quotation after it belongs to the reported clause ("said that once the
// Senate goes on recess, “I intend ...”").
func (s *seq) opensWithThat(r unitRange) bool {
	t, ok := s.token(r.lo)
	return ok && t.Norm == "that"
}

// sortedKeys returns the cue tokens of the frames, in order.
func sortedKeys(m map[int]attribution) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// round2 rounds x to two decimals.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
