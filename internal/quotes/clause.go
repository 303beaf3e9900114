package quotes

import (
	"strings"
	"unicode"

	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// frames matches the clause patterns at every cue of the writer's text and
// returns the best attribution of each cue, by the cue's first token.
func (m *matcher) frames() map[int]attribution {
	out := map[int]attribution{}
	classes := map[string]bool{}
	for _, p := range m.f.patterns {
		if p.Compiled.Clause {
			classes[p.Compiled.Elements[p.Compiled.Anchor].Class] = true
		}
	}
	if len(classes) == 0 {
		return out
	}
	toks := m.s.doc.Tokens
	for pos, u := range m.s.units {
		if m.stopped() {
			break
		}
		if u.kind != uToken {
			continue
		}
		_, hi := m.s.contiguous(pos)
		for class := range classes {
			e, end, ok := m.f.lex.Cues.AtWhere(toks, u.tok, hi, func(e lexicon.Entry) bool { return e.Class == class })
			if !ok || !m.cueTagOK(u.tok, e.Inflect, false) {
				continue
			}
			m.framesAt(pos, m.s.tokPos[end-1], cueSpan{first: u.tok, last: end, class: class, verb: e.Inflect == rules.InflectVerb}, out)
		}
	}
	return out
}

// framesAt matches the clause patterns of the cue's class at the cue that
// covers units [lo, hi], keeping the best in out.
func (m *matcher) framesAt(lo, hi int, cue cueSpan, out map[int]attribution) {
	toks := m.s.doc.Tokens
	anchor := step{cue: &cue, participle: cue.verb && bareParticiple(toks, cue.first)}
	for _, p := range m.f.patterns {
		els, at := p.Compiled.Elements, p.Compiled.Anchor
		if !p.Compiled.Clause || els[at].Class != cue.class {
			continue
		}
		if at+1 < len(els) && els[at+1].Kind == rules.Speaker && cue.participle(toks) {
			continue // inversion is for tensed verbs: "…, said Tomas Reyes", not "…, citing the days"
		}
		a, ok := m.matchAt(p, lo, hi, anchor)
		if !ok || a.clause == nil || p.Compiled.Object && (!m.takesObject(a.speaker) || m.gappedObject(a.speaker)) {
			continue
		}
		if !p.Compiled.Object && !m.validClause(*a.clause) {
			r, ok := m.interrupted(*a.clause, hi, els)
			if !ok {
				continue
			}
			a.clause = &r
		}
		if prev, seen := out[cue.first]; !seen || better(a, prev) {
			out[cue.first] = a
		}
	}
}

// takesObject reports whether a speaker can hold a stance that a verb
// takes as its object: a person, a group or a body, not any noun ("the
// rate declined by a point").
func (m *matcher) takesObject(p phrase) bool {
	return p.kind != kindRole || m.listedRole(p)
}

// gappedObject reports whether the speaker of a verb stands in a relative
// clause that has taken the verb's object before it: "what we expect from
// her", "the people they refuse to name". What follows the verb is then
// not what it takes.
func (m *matcher) gappedObject(p phrase) bool {
	if p.first == 0 || p.kind != kindPronoun {
		return false
	}
	before := m.s.doc.Tokens[p.first-1]
	switch {
	case before.Norm == "what" || before.Norm == "which" || before.Norm == "whom":
		return true
	case commonNoun(before.Tag):
		return !timeNouns[strings.TrimSuffix(before.Norm, "s")] // not "last week he pledged"
	}
	return false
}

// listedRole reports whether the head of a speaker phrase is a role,
// group or body the rules list ("the senator", "critics", "the poll").
func (m *matcher) listedRole(p phrase) bool {
	_, _, ok := m.f.lex.Roles.Ending(m.s.doc.Tokens, p.headLast, p.headFirst)
	return ok
}

// interrupted returns the reported clause that an attribution between
// commas cuts in two, when the words before it (left) hold no verb and the
// words after the comma that follows its cue (at unit hi) go on with one:
// "The bigger risk, he said, is a clash". The clause spans both parts and
// the attribution between them.
func (m *matcher) interrupted(left unitRange, hi int, els []rules.Element) (unitRange, bool) {
	last := els[len(els)-1]
	if last.Kind != rules.Literal || !contains(last.Words, ",") {
		return unitRange{}, false
	}
	if t, ok := m.s.token(hi + 1); !ok || t.Norm != "," {
		return unitRange{}, false
	}
	v := hi + 2
	if m.tagAt(v) == "RB" {
		v++
	}
	if !tensedVerb(m.tagAt(v)) && m.tagAt(v) != "MD" {
		return unitRange{}, false
	}
	end := m.clauseRight(hi+2, false, true)
	if end <= hi+2 {
		return unitRange{}, false
	}
	return unitRange{left.lo, end - 1}, true
}

// quoteClause returns the reported clause a quote stands in, as its cue
// shows it. When the cue comes before the quote, the clause runs from the
// cue to the end of the sentence (or the mark that closes the clause):
// "called the new law “much, much better” than No Child Left Behind". When
// the cue comes after it, the clause runs from the start of the sentence to
// the quote: "Clinton’s reaction to the rule “could be less about ethanol,”
// said Jon Doggett".
func (m *matcher) quoteClause(a attribution, qi int) *unitRange {
	if a.cue == nil {
		return nil
	}
	pos := m.s.quoteAt[qi]
	lo := m.s.tokPos[a.cue.last-1] + 1
	if lo <= 0 {
		return nil
	}
	if lo > pos {
		return m.clauseBeforeCue(a, pos, lo)
	}
	return m.clauseAfterCue(a, pos, lo)
}

// clauseBeforeCue returns the reported clause of the quote at unit pos
// when its cue, whose words end before unit lo, comes after it: from the
// start of the sentence to the quote, or up to the comma before the
// attribution. It returns nil when the clause is the quote alone.
func (m *matcher) clauseBeforeCue(a attribution, pos, lo int) *unitRange {
	start := pos
	if pos > 0 && m.s.units[pos-1].kind == uToken {
		start = min(pos, m.clauseLeft(pos-1))
		start = m.afterFrontedParticiple(start, pos)
	}
	end := m.endBeforeAttribution(a, pos, lo)
	if start == pos && end == pos {
		return nil
	}
	return &unitRange{start, end}
}

// endBeforeAttribution returns the last unit of the reported clause that
// the quote at unit pos ends, before the attribution a that follows it and
// whose cue's words end before unit lo: the unit before the commas or
// dashes that precede the attribution, or pos.
func (m *matcher) endBeforeAttribution(a attribution, pos, lo int) int {
	end := pos
	// up to the comma before the attribution: “…” at the convention, he
	// said; “…,” said Ruiz
	if at := min(m.s.tokPos[a.speaker.first], m.s.tokPos[a.cue.first]); at > pos && at <= lo {
		end = at - 1
		for end > pos {
			if t, ok := m.s.token(end); ok && (t.Norm == "," || t.Norm == "—") {
				end--
				continue
			}
			break
		}
	}
	return end
}

// clauseAfterCue returns the reported clause of the quote at unit pos when
// its cue comes before it, the clause opening at unit lo, after the cue:
// from where the clause opens to the end of the sentence or the mark that
// closes the clause, and not past a speaker named after the quote.
func (m *matcher) clauseAfterCue(a attribution, pos, lo int) *unitRange {
	if t, ok := m.s.token(lo); ok && (t.Norm == "," || t.Norm == ":") {
		lo++
	}
	// what a verb of naming names is its object, with the clauses the
	// object holds: "dismissed the claim that the bridge was safe as “…”",
	// "called him a hypocrite because he had “…”"
	naming := a.cue.class == "characterize"
	if !naming {
		lo = m.clauseOpening(lo, pos)
	}
	hi := max(pos, m.clauseRight(lo, naming, true)-1)
	if sp := m.s.tokPos[a.speaker.first]; sp > pos && sp <= hi {
		// a speaker after the quote is not what was named: "labeled as a
		// “witch hunt” by Democrats"
		hi = sp - 1
		if t, ok := m.s.token(hi); ok && t.Norm == "by" {
			hi--
		}
		hi = max(pos, hi)
	}
	return &unitRange{lo, hi}
}

// phraseAround returns the words of the writer's sentence that hold the
// quotation at unit pos when no cue attributes it (an echo of a quotation
// elsewhere): from "that" or "whether" before it, or from after a verb of
// saying or naming ("saying the deal goes “nowhere near far enough”"), or
// from the nearest verb, with its "to" ("to address “that person”"); to
// the end of the clause. Words named after a noun that names words ("the
// phrase “…”") stand alone: nil.
func (m *matcher) phraseAround(pos int) *unitRange {
	if t, ok := m.s.token(pos - 1); ok && wordNouns[strings.TrimSuffix(t.Norm, "s")] {
		return nil
	}
	lo, verb := -1, -1
	for u := pos - 1; u >= 0 && !m.s.boundary(u, -1) && m.s.units[u].kind == uToken; u-- {
		if verb < 0 && m.frontedParticiple(u) {
			return nil // "According to the ministry, “…”": the words stand alone
		}
		if m.complementizerAt(u) {
			lo = u
			break
		}
		if m.cueVerbAt(u) {
			lo = u + 1
			break
		}
		if verb < 0 && m.verbAt(u) && !nounContext[m.tagAt(u-1)] && !isFiller(m.s.doc.Tokens[m.s.units[u].tok].Norm, m.tagAt(u)) {
			verb = u + 1
			if m.tagAt(u-1) == "TO" {
				verb = u - 1
			}
		}
	}
	if lo < 0 {
		lo = verb
	}
	if lo < 0 {
		lo = m.clauseLeft(pos - 1)
	}
	lo = min(lo, pos)
	return &unitRange{lo, max(pos, m.clauseRight(lo, false, false)-1)}
}

// afterFrontedParticiple returns where the words before the quotation at
// unit pos start, from unit start, when a participle that opens the
// sentence takes them as its object with no comma between: in "Bemoaning
// the “phony system,” Ruiz said", what Ruiz called it is the object, not
// her bemoaning. Else it returns start.
func (m *matcher) afterFrontedParticiple(start, pos int) int {
	if start >= pos-1 || !m.frontedParticiple(start) {
		return start
	}
	for u := start + 1; u < pos; u++ {
		if t, ok := m.s.token(u); !ok || t.Norm == "," {
			return start
		}
	}
	return start + 1
}

// frontedParticiple reports whether unit u is a participle that opens its
// sentence ("According to the ministry, …", "Speaking in Dover, …"): the
// phrase it opens is the writer's, not what holds the quotation.
func (m *matcher) frontedParticiple(u int) bool {
	return m.tagAt(u) == "VBG" && m.s.startsSentence(u-1)
}

// wordNouns name words, so that the quotation after one is only mentioned:
// "the phrase “…”", "the slogan “…”".
var wordNouns = map[string]bool{"phrase": true, "term": true, "word": true, "slogan": true, "label": true,
	"motto": true, "nickname": true, "expression": true, "hashtag": true, "catchphrase": true}

// clauseOpening returns where the clause that holds the quote at unit pos
// opens, after a cue of saying whose words end before unit lo: at "that"
// ("said in one of the suits that “…”"), at "to" after the cue's object,
// or at a subject pronoun and its verb after the cue's object or time
// ("told a news conference they are “…”"); else at lo.
func (m *matcher) clauseOpening(lo, pos int) int {
	for u := lo; u < pos; u++ {
		if m.complementizerAt(u) {
			return u
		}
		if t := m.tagAt(u); t == "VBZ" || t == "VBP" {
			break // "said the protests demand that ...": that "that" is theirs
		}
	}
	return m.afterObject(lo, pos)
}

// afterObject returns where a clause opens after the cue's object, before
// unit end: at "to", or at a subject pronoun; else lo.
func (m *matcher) afterObject(lo, end int) int {
	if u := m.infinitiveAfterObject(lo, end); u > lo {
		return u
	}
	return m.subjectAfterObject(lo, end)
}

// infinitiveAfterObject returns where what a cue asks for opens: at "to"
// after the cue's object ("told his supporters at a rally to “go and
// vote”"), before unit end; else lo.
func (m *matcher) infinitiveAfterObject(lo, end int) int {
	for u := lo + 1; u < end; u++ {
		t, _ := m.s.token(u)
		if m.verbAt(u) && !nounContext[m.tagAt(u-1)] || t.Norm == "," {
			break // a verb, but not "the hearing"
		}
		if t.Tag == "TO" && (m.tagAt(u+1) == "VB" || u+1 < len(m.s.units) && m.s.units[u+1].kind == uQuote) {
			if m.tensedBetween(u+1, end) {
				break // "said Trump's tweet to invite her was only “to mock”"
			}
			return u
		}
	}
	return lo
}

// thatAfterObject returns where a clause opens at "that" after the cue's
// object and its adjuncts, before unit end and before any verb ("told a
// hearing on Thursday that ..."); else where subjectAfterObject says.
func (m *matcher) thatAfterObject(lo, end int) int {
	adjunct := false // a preposition or a comma: the object has ended
	for u := lo + 1; u < end; u++ {
		t, _ := m.s.token(u)
		if m.verbAt(u) && !nounContext[m.tagAt(u-1)] {
			break
		}
		if t.Norm == "that" && adjunct && !m.predicateAt(u+1) {
			return u
		}
		adjunct = adjunct || t.Tag == "IN" || t.Norm == ","
	}
	return m.subjectAfterObject(lo, end)
}

// afterAddressee returns where what a verb of telling (cue) reports
// opens in the clause from unit pos to end, which opens at lo so far: at
// its "that", at "to", or at the subject of its first verb, after the
// addressee. For another cue it returns lo.
func (m *matcher) afterAddressee(cue cueSpan, pos, lo, end int) int {
	if !addresseeVerbs[m.s.doc.Tokens[cue.first].Norm] {
		return lo
	}
	if lo = m.thatAfterAddressee(lo, end); lo != pos {
		return lo
	}
	if lo = m.infinitiveAfterAddressee(pos, end); lo != pos {
		return lo
	}
	return m.subjectAfterAddressee(pos, end)
}

// thatAfterAddressee returns where what a verb of telling reports opens,
// after its addressee, however long: at the last "that" before unit end
// that opens a clause rather than a relative one, and that a quotation
// follows ("told a woman who suggested that some would stay home that
// “…”"). Else, or when the clause already opens at "that", it returns lo.
func (m *matcher) thatAfterAddressee(lo, end int) int {
	if m.complementizerAt(lo) {
		return lo
	}
	for u := end - 1; u > lo; u-- {
		if t, ok := m.s.token(u); ok && t.Norm == "that" && !m.predicateAt(u+1) && m.quoteWithin(u+1, end-u-1) {
			return u
		}
		if m.s.boundary(u, -1) {
			break
		}
	}
	return lo
}

// infinitiveAfterAddressee returns where what a verb of telling asks for
// opens, at "to" after its addressee ("told voters at a rally to “stay
// home”"), when neither a finite verb nor "that" or a word such as "how"
// stands before the "to" ("tell them how to vote"); else lo.
func (m *matcher) infinitiveAfterAddressee(lo, end int) int {
	u := m.infinitiveAfterObject(lo, end)
	for v := lo; v < u; v++ {
		if m.complementizerAt(v) || tensedVerb(m.tagAt(v)) {
			return lo // "this was the only chance to ..." is a clause of its own
		}
	}
	return u
}

// subjectAfterAddressee returns where what a verb of telling reports
// opens when no "that" opens it: at the subject of its first verb (or of
// the quotation that stands for one), which opens with a determiner or a
// pronoun right after the addressee's last word ("told host Ana Ruiz a
// loss is likely", "told reporters on Monday she will run", "told them
// Ruiz “has no plan”"). Else, or when the clause opens at "that", lo.
func (m *matcher) subjectAfterAddressee(lo, end int) int {
	if m.complementizerAt(lo) {
		return lo
	}
	start := lo
	for u := lo + 1; u < end; u++ {
		if m.s.units[u].kind == uQuote || tensedVerb(m.tagAt(u)) || m.tagAt(u) == "MD" {
			return start
		}
		t, ok := m.s.token(u)
		if !ok || !subjectTag(t.Tag) && t.Norm != "," && t.Tag != "IN" {
			return lo // a verb or a word that no subject or addressee holds
		}
		if m.subjectOpensAt(u) {
			start = u
		}
	}
	return lo
}

// subjectOpensAt reports whether a clause's subject can open at unit u,
// after the addressee of a verb of telling: a determiner or a pronoun after
// a noun, a pronoun or a comma ("host Ana Ruiz a loss", "them she"), or a
// name after an object pronoun or a comma ("them Ruiz").
func (m *matcher) subjectOpensAt(u int) bool {
	t, _ := m.s.token(u)
	prev, ok := m.s.token(u - 1)
	if !ok {
		return false
	}
	afterAddressee := strings.HasPrefix(prev.Tag, "NN") || prev.Tag == "PRP" || prev.Tag == "CD" || prev.Norm == ","
	switch {
	case t.Tag == "DT" || t.Tag == "PRP" || t.Tag == "PRP$":
		return afterAddressee && prev.Tag != "POS" && !strings.HasSuffix(t.Norm, "self")
	case t.Tag == "NNP" || t.Tag == "NN" || t.Tag == "NNS":
		return prev.Tag == "PRP" || prev.Norm == ","
	}
	return false
}

// addresseeVerbs are the forms of the verbs of saying whose first object
// is whom the words were for, not what was said: "told a hearing that ...".
var addresseeVerbs = map[string]bool{"tell": true, "tells": true, "told": true, "telling": true,
	"assure": true, "assures": true, "assured": true, "assuring": true,
	"inform": true, "informs": true, "informed": true, "informing": true,
	"remind": true, "reminds": true, "reminded": true, "reminding": true}

// predicateAt reports whether a verb, maybe after an adverb, stands at
// unit u: after "that", a relative clause ("a hall that holds ..."), not
// a reported one.
func (m *matcher) predicateAt(u int) bool {
	if m.tagAt(u) == "RB" {
		u++
	}
	return m.verbAt(u) || m.tagAt(u) == "MD"
}

// subjectAfterObject returns where a clause opens at a subject pronoun and
// its verb after the cue's object or time, before unit end ("told
// reporters on Monday they are ..."); else lo.
func (m *matcher) subjectAfterObject(lo, end int) int {
	for u := lo + 1; u < end; u++ {
		t, _ := m.s.token(u)
		if m.verbAt(u) || t.Norm == "," {
			break
		}
		if subjectPronouns[t.Norm] && (tensedVerb(m.tagAt(u+1)) || m.tagAt(u+1) == "MD") {
			return u
		}
	}
	return lo
}

// matchClause matches a CLAUSE at pos: rightwards to the end of the
// clause, leftwards to the start of the sentence.
func (m *matcher) matchClause(rest []rules.Element, pos, dir int, st step) (step, bool) {
	next := st
	if dir > 0 {
		characterize := st.cue != nil && st.cue.class == "characterize"
		end := m.clauseRight(pos, characterize, true)
		if end <= pos || !characterize && !m.clauseShape(pos, end) {
			return step{}, false
		}
		if st.cue != nil && st.cue.class == "noun" && !m.complementizerAt(pos) {
			// "the mayor's claim that ...", not "the mayor's remarks also stand out"
			return step{}, false
		}
		lo := pos
		if !m.complementizerAt(pos) {
			lo = m.thatAfterObject(pos, end)
		}
		if st.cue != nil {
			lo = m.afterAddressee(*st.cue, pos, lo, end)
		}
		next.clause = &unitRange{lo, end - 1}
		return m.side(rest, end, dir, next)
	}
	start := m.clauseLeft(pos)
	if start > pos {
		return step{}, false
	}
	next.clause = &unitRange{start, pos}
	return m.side(rest, start-1, dir, next)
}

// matchObject matches an OBJECT at pos, rightwards: what the cue takes,
// whatever its shape, up to the end of the clause ("endorsed Ana Ruiz",
// "wants to rebuild the bridge").
func (m *matcher) matchObject(rest []rules.Element, pos, dir int, st step) (step, bool) {
	if dir < 0 || st.cue == nil || st.participle || !activeVerb(m.s.doc.Tokens, st.cue.first) || !m.objectStartsAt(pos) {
		return step{}, false
	}
	end := m.objectEnd(pos, m.clauseRight(pos, false, true))
	if end <= pos || !m.holdsNoun(pos, end) {
		return step{}, false
	}
	next := st
	next.clause = &unitRange{pos, end - 1}
	return m.side(rest, end, dir, next)
}

// objectEnd returns where what a cue takes from unit pos ends, at or
// before end: at a comma before a relative pronoun, which says more of the
// object than the speaker did ("denounced the toll, which ..."), or
// before "and" or "but", which go on with the writer's own words
// ("opposed the cap, and the city's position has not changed").
func (m *matcher) objectEnd(pos, end int) int {
	for u := pos + 1; u+1 < end; u++ {
		t, _ := m.s.token(u)
		next, _ := m.s.token(u + 1)
		if t.Norm == "," && (next.Tag == "WDT" || next.Tag == "WP" || next.Norm == "and" || next.Norm == "but") {
			return u
		}
	}
	return end
}

// objectStartsAt reports whether what a cue takes can start at unit u: a
// word that is not a conjunction or a finite verb.
func (m *matcher) objectStartsAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok || !wordLike(t.Text) {
		return false
	}
	return t.Tag != "CC" && !tensedVerb(t.Tag) && t.Tag != "MD"
}

// activeVerb reports whether the token at i is a verb whose subject does
// what it says: tagged as a verb, and a past participle only after "have"
// ("has criticized"), not a passive ("was criticized by") or a participle
// that modifies a noun ("the laws proposed in 1970").
func activeVerb(toks []nlp.Token, i int) bool {
	aux := ""
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Tag != "RB" {
			aux = toks[k].Norm
			break
		}
	}
	switch toks[i].Tag {
	case "VBG":
		return true // "is calling for"
	case "VB", "VBD", "VBZ", "VBP":
		return !beForms[aux] // the tagger takes some passives for past tenses
	case "VBN":
		return aux == "has" || aux == "have" || aux == "had" || aux == "'ve" || aux == "having"
	}
	return false
}

// holdsNoun reports whether units [start, end) hold a noun, a pronoun, a
// number or a verb: something taken, not only a preposition.
func (m *matcher) holdsNoun(start, end int) bool {
	for u := start; u < end; u++ {
		t := m.tagAt(u)
		if strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "PRP") || strings.HasPrefix(t, "VB") || t == "CD" || m.s.units[u].kind == uQuote {
			return true
		}
	}
	return false
}

// maxClause is the longest reported clause, in units.
const maxClause = 150

// clauseShape reports whether the units [start, end) read as a reported
// clause: a quotation, a clause opened by "that" or "whether", or a subject
// followed by a finite verb ("the plan was dead"), not an object ("its
// intention to leave") or a clause of the writer's ("but Kevin was").
func (m *matcher) clauseShape(start, end int) bool {
	if m.s.units[start].kind == uQuote || m.complementizerAt(start) {
		return true
	}
	first, ok := m.s.token(start)
	if !ok || strings.HasPrefix(first.Tag, "VB") || first.Tag == "IN" || first.Tag == "TO" || first.Tag == "CC" || !wordLike(first.Text) {
		return false
	}
	for u := start + 1; u < end && u < start+12; u++ {
		switch m.tagAt(u) {
		case "VBD", "VBZ", "VBP", "MD", "VBN":
			return true
		}
		if m.s.units[u].kind == uQuote {
			return true
		}
	}
	return false
}

// clauseRight returns the end (exclusive) of the clause that starts at
// unit pos: the end of the sentence, or a mark that closes the clause
// before it (a semicolon, a dash, ", which", ", saying", ", he said", "and"
// before a verb). What a verb of naming names ends after a quotation where
// something else begins (see namingEndsAt): "called the plan “reckless,”
// which ..." ends at “reckless,”; "called it “a mistake” for the city"
// does not. With asides, the clause goes on over an aside between dashes
// (see asideEnd); the words around a quotation that no cue attributes do
// not.
func (m *matcher) clauseRight(pos int, naming, asides bool) int {
	s := m.s
	end, lastQuote := pos, -1
	for u := pos; u < len(s.units) && u < pos+maxClause; u++ {
		unit := s.units[u]
		if unit.kind == uBreak {
			break
		}
		if unit.kind == uQuote {
			end, lastQuote = u+1, u+1
			if m.quoteEndsClause(u) {
				break
			}
			continue
		}
		t := s.doc.Tokens[unit.tok]
		if t.Norm == "." || t.Norm == "?" || t.Norm == "!" {
			break
		}
		if asides && u > pos {
			if v := m.asideEnd(u); v > u {
				end, u = v+1, v // "that the call — itself a rebuttal — was weak"
				continue
			}
		}
		if m.cutsClauseAt(u, pos, lastQuote, naming) {
			break
		}
		end = u + 1
	}
	return m.withoutTrailingMarks(pos, end)
}

// quoteEndsClause reports whether the quotation at unit u ends the clause
// that holds it: it is never closed, or it ends with the mark that ends a
// sentence and a new sentence starts after it.
func (m *matcher) quoteEndsClause(u int) bool {
	q := m.s.qs[m.s.units[u].q]
	return q.close < 0 || endsSentence(m.s.doc.Text[q.start:q.end]) && m.sentenceStartsAt(u+1)
}

// cutsClauseAt reports whether the clause that starts at unit pos ends
// before the token at unit u, its last quotation ending at unit lastQuote
// (-1 when none yet): where what was reported ends (not at a coordinate
// that quotes more), where what a verb of naming names ends right after
// the quotation, or at a comma that opens a relative clause or a clause of
// its own after a quotation.
func (m *matcher) cutsClauseAt(u, pos, lastQuote int, naming bool) bool {
	if (u > pos+1 || m.s.units[pos].kind == uQuote) && m.endsReported(u) && !m.quotedCoordinate(u) {
		return true
	}
	if naming && u == lastQuote && m.namingEndsAt(u) {
		return true
	}
	return lastQuote >= 0 && (m.relativeAfterComma(u) || m.clauseAfterComma(u))
}

// withoutTrailingMarks returns end moved back, not before unit pos, over
// the commas, colons and dashes that end the clause [pos, end).
func (m *matcher) withoutTrailingMarks(pos, end int) int {
	for end > pos {
		if t, ok := m.s.token(end - 1); ok && (t.Norm == "," || t.Norm == ":" || t.Norm == "—" || t.Norm == "-") {
			end--
			continue
		}
		break
	}
	return end
}

// asideEnd returns the dash that closes an aside the dash at unit u opens
// within the sentence, when the clause goes on after it: in "the call to
// “unite” — itself a rebuttal — was weak", the reported clause holds the
// aside and the verb or the "that" that follows it. Else it returns -1: a
// dash with no pair, or one after which something else begins ("— but
// said ...", "— in what ...").
func (m *matcher) asideEnd(u int) int {
	if !m.s.dashAt(u) {
		return -1
	}
	for v := u + 1; v < len(m.s.units) && v <= u+maxAside; v++ {
		switch unit := m.s.units[v]; unit.kind {
		case uBreak:
			return -1
		case uQuote:
			if q := m.s.qs[unit.q]; endsSentence(m.s.doc.Text[q.start:q.end]) {
				return -1
			}
			continue
		}
		t, _ := m.s.token(v)
		switch {
		case t.Norm == "." || t.Norm == "?" || t.Norm == "!" || t.Norm == ";":
			return -1
		case m.s.dashAt(v):
			if m.predicateAt(v+1) || m.complementizerAt(v+1) {
				return v // "— was weak", "-- that he is ..."
			}
			return -1
		}
	}
	return -1
}

// asideStart returns the dash that opens an aside closed by the dash at
// unit u, within the sentence, when a verb follows the aside: in "the toll
// — a third of the fare — is “a burden”", the clause that ends at the
// quotation starts before the aside. Else it returns -1.
func (m *matcher) asideStart(u int) int {
	if !m.s.dashAt(u) || !m.predicateAt(u+1) {
		return -1
	}
	for w := u - 1; w >= 0 && w >= u-maxAside; w-- {
		if m.s.boundary(w, -1) {
			return -1
		}
		t, ok := m.s.token(w)
		switch {
		case ok && (t.Norm == ";" || t.Norm == ":"):
			return -1
		case m.s.dashAt(w):
			return w
		}
	}
	return -1
}

// maxAside bounds the units of an aside between dashes.
const maxAside = 30

// relativeAfterComma reports whether a relative clause that comments on
// the last words opens at unit u, a comma: ", which would give ...", ",
// who was secretary ...", ", with whom ...". It is the writer's aside, not
// what was reported.
func (m *matcher) relativeAfterComma(u int) bool {
	if t, ok := m.s.token(u); !ok || t.Norm != "," {
		return false
	}
	v := u + 1
	if t, ok := m.s.token(v); ok && t.Tag == "IN" {
		v++
	}
	if t, ok := m.s.token(v); !ok || !relatives[t.Norm] {
		return false
	}
	// not when the aside quotes or reports words of its own: ", whom he
	// called “…”", ", which he said had harmed ..."
	return !m.quotesFrom(v+1, true)
}

// quotesFrom reports whether the rest of the sentence from unit v holds a
// quotation or, when saying, a verb of saying.
func (m *matcher) quotesFrom(v int, saying bool) bool {
	for w := v; w < len(m.s.units) && !m.s.boundary(w, 1); w++ {
		if m.s.units[w].kind != uToken || saying && m.cueVerbAt(w) {
			return true
		}
	}
	return false
}

// clauseAfterComma reports whether a clause of its own, a subject and a
// finite verb, opens at unit u, a comma, after a reported clause's last
// quotation and with none to come: "will be “very hard” for him, his
// campaign has argued ...".
func (m *matcher) clauseAfterComma(u int) bool {
	if t, ok := m.s.token(u); !ok || t.Norm != "," {
		return false
	}
	v := u + 1
	for ; v < u+6; v++ {
		t, ok := m.s.token(v)
		if !ok || !subjectTag(t.Tag) || t.Tag == "VBN" {
			break
		}
	}
	return v > u+1 && (tensedVerb(m.tagAt(v)) || m.tagAt(v) == "MD") && !m.quotesFrom(v+1, false)
}

// subjectTag reports whether a word with the tag may stand in a short
// subject: a noun and its modifiers, a determiner or a pronoun.
func subjectTag(tag string) bool {
	return nounTags[tag] || tag == "DT" || tag == "PRP" || tag == "PRP$"
}

// relatives are the pronouns that open a relative clause.
var relatives = map[string]bool{"which": true, "who": true, "whom": true, "whose": true, "where": true}

// namingEndsAt reports whether what a verb of naming names ends at unit u,
// right after a quotation: at a comma (“well qualified,” which ...), a
// parenthesis, a verb of a new clause (“a leader” continues to lead), "and"
// or "as" before a pronoun and its verb ("and he did not say more", "as
// she promised ..."), "and" before another verb of the subject's ("and
// promised"), where the medium of the words follows ("in a Facebook
// post"), or where the writer's words of when begin ("during a campaign
// stop", "Wednesday on a radio show").
func (m *matcher) namingEndsAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok {
		return false
	}
	switch {
	case m.quoteEndsWithComma(u - 1):
		// not a list of names: a “bully,” a “narcissist” and a “liar”
		return !m.quoteWithin(u, 3)
	case t.Norm == "," || t.Norm == "(":
		return true
	case tensedVerb(t.Tag) || t.Tag == "MD":
		return true
	case t.Norm == "and":
		next := m.tagAt(u + 1)
		if next == "PRP" && (tensedVerb(m.tagAt(u+2)) || m.tagAt(u+2) == "MD") {
			return true // a clause of its own: "and he did not describe the others"
		}
		return next == "VBG" || tensedVerb(next) || next == "VB" && !m.infinitiveBefore(u)
	case t.Norm == "as":
		return m.tagAt(u+1) == "PRP" && tensedVerb(m.tagAt(u+2)) // "as he promised to ..."

	case t.Norm == "in":
		return m.speechNounWithin(u+1, 3)
	case namingAdjuncts[t.Norm] || dayWords[t.Norm]:
		return true
	}
	return false
}

// namingAdjuncts open the writer's words of when or why after what a verb
// of naming names: "called it “a disgrace” after the vote", "during a
// campaign stop".
var namingAdjuncts = map[string]bool{"during": true, "after": true, "despite": true, "amid": true,
	"since": true, "when": true}

// infinitiveBefore reports whether "to" and a verb open the stretch of
// words that ends at unit u, within its sentence: "to “stop pimping”
// and call on ...", where a verb after "and" goes on with the infinitive.
func (m *matcher) infinitiveBefore(u int) bool {
	for i := u - 1; i >= 0 && i > u-maxClause && !m.s.boundary(i, -1); i-- {
		if t, ok := m.s.token(i); ok && t.Tag == "TO" {
			return true
		}
	}
	return false
}

// tensedBetween reports whether a finite verb stands in units [a, b).
func (m *matcher) tensedBetween(a, b int) bool {
	for u := a; u < b; u++ {
		if tensedVerb(m.tagAt(u)) || m.tagAt(u) == "MD" {
			return true
		}
	}
	return false
}

// quoteWithin reports whether a quotation stands within n units from u.
func (m *matcher) quoteWithin(u, n int) bool {
	for i := u; i < u+n && i < len(m.s.units); i++ {
		if m.s.units[i].kind == uQuote {
			return true
		}
	}
	return false
}

// nounCue reports whether a cue is a noun for something said.
func nounCue(e lexicon.Entry) bool { return e.Class == "noun" }

// speechNounWithin reports whether one of the n words from unit u is a
// noun for something said ("a statement", "his Facebook post").
func (m *matcher) speechNounWithin(u, n int) bool {
	for i := u; i < u+n; i++ {
		t, ok := m.s.token(i)
		if !ok {
			return false
		}
		tok := m.s.units[i].tok
		if _, _, ok := m.f.lex.Cues.AtWhere(m.s.doc.Tokens, tok, tok+1, nounCue); ok && strings.HasPrefix(t.Tag, "NN") {
			return true // also a word that is a verb of saying too: "in a tweet"
		}
	}
	return false
}

// quotedCoordinate reports whether the cut at unit u is only "and" or
// "but" (after a comma or not) before more of the speaker's words that hold
// a quotation, with no verb of saying of their own: "said it was too early
// to tell, and there was “no evidence” yet"; "she is glad and looks forward
// to “seeing her back”", but not "and said “…”".
func (m *matcher) quotedCoordinate(u int) bool {
	t, _ := m.s.token(u)
	if t.Norm == "," {
		u++
		t, _ = m.s.token(u)
	}
	if t.Norm != "and" && t.Norm != "but" {
		return false
	}
	for v := u + 1; v < len(m.s.units) && v < u+maxClause; v++ {
		switch m.s.units[v].kind {
		case uQuote:
			return true
		case uBreak:
			return false
		}
		w, _ := m.s.token(v)
		if w.Norm == "." || w.Norm == "?" || w.Norm == "!" || w.Norm == ";" || w.Norm == ":" || w.Norm == "—" || m.cueVerbAt(v) {
			return false
		}
	}
	return false
}

// cueVerbAt reports whether the token at unit u is a verb of saying or
// naming: "and said", "but went on to say", "and called".
func (m *matcher) cueVerbAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok || !strings.HasPrefix(t.Tag, "VB") {
		return false
	}
	e, ok := m.f.lex.Cues.Has(t.Norm)
	return ok && (e.Class == "speech" || e.Class == "characterize")
}

// sentenceStartsAt reports whether a new sentence starts at unit u, after a
// quotation that ended with a period: a capital, a bracket that opens the
// writer's aside or source (“… in serious trouble.” [Reuters]), or any
// token the analyzer starts a sentence with (a byline glued to the mark,
// “… in Spain.”--Ann Lee).
func (m *matcher) sentenceStartsAt(u int) bool {
	if u >= len(m.s.units) || m.s.units[u].kind != uToken {
		return true
	}
	i := m.s.units[u].tok
	t := m.s.doc.Tokens[i]
	return nlp.Capitalized(t.Text) || t.Norm == "." || t.Norm == "?" || t.Norm == "!" || t.Norm == "(" || t.Norm == "[" ||
		m.s.doc.Sentences[t.Sent].First == i
}

// clauseLeft returns the first unit of the clause that ends at unit pos:
// the start of the sentence, or the mark that opens the clause after it (a
// colon, a semicolon, a dash, an opening parenthesis: in "prompted blowback
// (“I want my dues back,” wrote Ruiz)", the words before it are the
// writer's).
func (m *matcher) clauseLeft(pos int) int {
	s := m.s
	start, closed := pos+1, 0 // closed: parentheses closed after u, "(D-Ohio)"
	for u := pos; u >= 0 && u > pos-maxClause; u-- {
		if s.boundary(u, -1) {
			break
		}
		if w := m.asideStart(u); w >= 0 {
			start, u = w, w // "the toll — a third of the fare — is “a burden”"
			continue
		}
		t, ok := s.token(u)
		switch {
		case ok && (t.Norm == ":" || t.Norm == ";" || t.Norm == "—"):
			return start
		case ok && t.Norm == ")":
			closed++
		case ok && t.Norm == "(" && closed == 0:
			return start
		case ok && t.Norm == "(":
			closed--
		}
		start = u
	}
	return start
}

// wordLike reports whether a token starts with a letter or a digit.
func wordLike(w string) bool {
	for _, r := range w {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// cutsClause reports whether the token at unit u ends a reported clause:
// a semicolon or a dash, or a comma before a participle, "according to",
// a relative pronoun or an attribution such as ", he said".
func (m *matcher) cutsClause(u int) bool {
	t, ok := m.s.token(u)
	if !ok {
		return false
	}
	switch t.Norm {
	case ";", "—", "-", "--":
		return true
	case "and", "but":
		if m.quoteEndsWithComma(u-1) && m.coordinateAttribution(u+1) {
			return true // after the comma of a quotation, as after one of the writer's: “…,” but critics say
		}
		// a second verb of the speaker's: "said it was opposed and warned ...",
		// or a new clause: "and he pledged ..."
		next, _ := m.s.token(u + 1)
		comma, _ := m.s.token(u - 1)
		return tensedVerb(m.tagAt(u+1)) || m.tagAt(u+1) == "RB" && tensedVerb(m.tagAt(u+2)) || subjectPronouns[next.Norm] ||
			comma.Norm == "," && m.tagAt(u+1) == "VBG" // ", and suggesting ..."
	case ",":
		return m.cutsAfterComma(u + 1)
	}
	if u == 0 || m.s.units[u-1].kind != uQuote {
		return false
	}
	if m.attributionAt(u) {
		return true // “…” she said
	}
	// “…,” referring to; but not a list: a “bully,” a “narcissist”
	return m.quoteEndsWithComma(u-1) && t.Norm != "a" && t.Norm != "an" && m.cutsAfterComma(u)
}

// endsReported reports whether the reported clause ends at unit u: where
// cutsClause says, except at "and" or "but" before a verb or a subject that
// goes on with what was reported ("is “complex” and he feels he can win",
// "“gotta get over it” and fight back"); only a second verb of saying, of
// the speaker's or a subject's, ends it there ("and warned", "and he
// added"). After a comma or a quotation that ends a sentence, cutsClause
// decides (", but he has also ...", “What curfew?” and kept going).
func (m *matcher) endsReported(u int) bool {
	t, ok := m.s.token(u)
	if !ok || t.Norm != "and" && t.Norm != "but" {
		return m.cutsClause(u)
	}
	if comma, _ := m.s.token(u - 1); comma.Norm == "," || m.quoteEndsWithComma(u-1) {
		return m.cutsClause(u) // ", but he has also intensified ...", ", and suggesting ..."
	}
	if u > 0 && m.s.units[u-1].kind == uQuote {
		q := m.s.qs[m.s.units[u-1].q]
		if endsSentence(m.s.doc.Text[q.start:q.end]) {
			return m.cutsClause(u) // “What curfew?” and kept going
		}
	}
	for v := u + 1; v <= u+3; v++ {
		w, ok := m.s.token(v)
		if !ok {
			return false
		}
		if _, cue := m.f.lex.Cues.Has(w.Norm); cue && strings.HasPrefix(w.Tag, "VB") {
			return true
		}
	}
	return false
}

// newClauseAt reports whether a coordinate clause with a subject of its
// own starts at unit u, after a comma: ", but Kevin was drifting off",
// ", and as Trump went on". A reported clause goes on over it (", but
// Sanders did not make the list" is still what was said), but the words
// between a cue and a quotation do not: “…” she said, but Kevin was ...
// about “…” is not hers.
func (m *matcher) newClauseAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok || t.Norm != "and" && t.Norm != "but" {
		return false
	}
	if comma, ok := m.s.token(u - 1); !ok || comma.Norm != "," {
		return false
	}
	if next, _ := m.s.token(u + 1); m.tagAt(u+1) == "IN" && next.Norm != "that" && next.Norm != "whether" {
		return true
	}
	for v := u + 2; v <= u+3; v++ {
		if tensedVerb(m.tagAt(v)) || m.tagAt(v) == "MD" {
			return true
		}
		if m.tagAt(v) != "NNP" {
			return false
		}
	}
	return false
}

// quoteEndsWithComma reports whether unit u is a quotation whose words end
// with a comma inside its marks: “should be wrapped up by Cleveland,”.
func (m *matcher) quoteEndsWithComma(u int) bool {
	if u < 0 || m.s.units[u].kind != uQuote {
		return false
	}
	q := m.s.qs[m.s.units[u].q]
	return q.close > 0 && m.s.doc.Tokens[q.close-1].Norm == ","
}

// cutsAfterComma reports whether the token at unit u, after a comma, starts
// something that is not part of the reported clause: an adjunct ("according
// to", "while", "before"), an appositive, a participle, an attribution.
func (m *matcher) cutsAfterComma(u int) bool {
	next, ok := m.s.token(u)
	if !ok {
		return false
	}
	switch next.Norm {
	case "according", "while", "whereas", "before", "after", "until", "though", "although":
		return true
	case "including":
		return false
	case "and", "but":
		return m.coordinateAttribution(u + 1)
	case "a", "an":
		return true // an appositive on the whole clause: ", a swipe at ..."
	}
	if m.participleAt(u) || next.Tag == "RB" && m.participleAt(u+1) {
		return true
	}
	if next.Tag == "NNP" && tensedVerb(m.tagAt(u+1)) {
		return true // the writer's own clause: “…” for executives, Clinton restricted ...
	}
	return m.attributionAt(u)
}

// coordinateAttribution reports whether a clause of someone else's
// attribution starts at unit u, after ", but" or ", and": a short subject
// and a verb of saying or of a stance ("officials deny any links, but
// critics point to ..."), so that what the first cue reports ends there.
func (m *matcher) coordinateAttribution(u int) bool {
	for k := u; k < u+5; k++ {
		t, ok := m.s.token(k)
		if !ok {
			return false
		}
		if strings.HasPrefix(t.Tag, "VB") {
			toks := m.s.doc.Tokens
			e, _, cue := m.f.lex.Cues.At(toks, m.s.units[k].tok, len(toks)) // "say", "point to"
			return k > u && cue && e.Inflect == rules.InflectVerb
		}
		if !subjectTag(t.Tag) {
			return false
		}
	}
	return false
}

// subjectPronouns are the pronouns that open a clause of their own.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true}

// attributionAt reports whether an attribution starts at unit u: a pronoun
// or a name followed by a verb of saying ("she said", "Smith added").
func (m *matcher) attributionAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok || !speakerPronouns[t.Norm] && t.Tag != "NNP" {
		return false
	}
	after, ok := m.s.token(u + 1)
	if !ok {
		return false
	}
	_, cue := m.f.lex.Cues.Has(after.Norm)
	return cue && strings.HasPrefix(after.Tag, "VB")
}

// tensedVerb reports whether a tag is of a verb in the past or present tense.
func tensedVerb(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

// participleAt reports whether unit u is an -ing form used as a verb; the
// tagger takes some participles of saying for nouns ("stating:").
func (m *matcher) participleAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok {
		return false
	}
	if t.Tag == "VBG" {
		return true
	}
	_, cue := m.f.lex.Cues.Has(t.Norm)
	return cue && strings.HasSuffix(t.Norm, "ing")
}

// tagAt returns the tag of the token at unit u, or "" when u is no token.
func (m *matcher) tagAt(u int) string {
	t, _ := m.s.token(u)
	return t.Tag
}

// verbAt reports whether unit u is a verb.
func (m *matcher) verbAt(u int) bool {
	return strings.HasPrefix(m.tagAt(u), "VB")
}

// complementizerAt reports whether unit u starts a reported clause after
// other words: "(told reporters) that", "how", "whether".
func (m *matcher) complementizerAt(u int) bool {
	t, ok := m.s.token(u)
	if !ok {
		return false
	}
	switch t.Norm {
	case "that", "how", "why", "whether", "if", "what":
		return true
	}
	return false
}

// validClause reports whether a clause says something: three words at
// least, with a verb or a quotation among them.
func (m *matcher) validClause(r unitRange) bool {
	words, verb := 0, false
	for u := r.lo; u <= r.hi; u++ {
		unit := m.s.units[u]
		if unit.kind == uQuote {
			words += m.s.qs[unit.q].words(m.s.doc)
			verb = true
			continue
		}
		if unit.kind == uToken {
			t := m.s.doc.Tokens[unit.tok]
			if t.Tag != "," && t.Tag != "." && t.Tag != ":" {
				words++
			}
			verb = verb || strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD"
		}
	}
	return words >= 3 && verb
}

// byteRange returns the byte offsets of a run of units, quotation marks
// included.
func (s *seq) byteRange(r unitRange) (int, int) {
	return s.unitStart(r.lo), s.unitEnd(r.hi)
}

func (s *seq) unitStart(u int) int {
	unit := s.units[u]
	if unit.kind == uQuote {
		return s.qs[unit.q].markStart(s.doc)
	}
	return s.doc.Tokens[unit.tok].Start
}

// unitEnd returns the byte offset just after unit u: after its closing mark
// for a quotation.
func (s *seq) unitEnd(u int) int {
	unit := s.units[u]
	if unit.kind == uQuote {
		return s.qs[unit.q].markEnd(s.doc)
	}
	return s.doc.Tokens[unit.tok].End
}
