package quotes

import (
	"context"
	"slices"
	"strings"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// maxGap is how many units ... may skip.
const maxGap = 40

// maxClauseGap is how many units ... may skip before a CLAUSE: "said on
// Tuesday that", "told reporters that".
const maxClauseGap = 6

// maxFiller is how many adverbs and auxiliaries may stand between a speaker
// and its cue ("she also has said").
const maxFiller = 3

// attribution is what a pattern found around a quotation or a cue.
type attribution struct {
	speaker    phrase
	cue        *cueSpan
	clause     *unitRange // the reported clause, for clause patterns
	pattern    *rules.PatternRule
	confidence float64
	gap        int // units skipped by ...; fewer is closer
}

// cueSpan is a matched cue: tokens [first, last).
type cueSpan struct {
	first, last int
	class       string
	verb        bool // a verb, as opposed to a noun or a phrase
}

// participle reports whether the cue is an -ing form of a verb.
func (c cueSpan) participle(toks []nlp.Token) bool {
	return c.verb && strings.HasSuffix(toks[c.first].Norm, "ing")
}

// unitRange is a run of units [lo, hi], both included.
type unitRange struct{ lo, hi int }

// matcher matches patterns against one article's sequence.
type matcher struct {
	ctx   context.Context
	f     *Finder
	s     *seq
	ents  *entities.Result
	atts  []*attribution // the attributions of the quoted stretches matched so far, in text order
	title map[int]bool   // sentence -> whether it is written in Title Case, once asked
	steps int            // steps of matching so far, to look at ctx every checkEvery
	err   error          // ctx's error once it was seen done: every match fails from then on
	// memo holds, in one matchAt of a pattern with several gaps, the
	// closest match of the elements after each ... tried so far, so that
	// each ... is tried once from each place and state: the cost of a
	// pattern grows with the number of its gaps, not as a power of it.
	memo map[gapKey]gapMatch
}

// gapKey is what the match of the elements after a ... depends on: which
// elements, where they start, and what the elements before matched; not
// how many units were skipped to get there.
type gapKey struct {
	rest, pos, dir int
	speaker        phrase
	cue            cueSpan
	clause         unitRange
	has            [3]bool // speaker, cue and clause are set
	participle     bool
}

// gapMatch is the closest match of the elements after a ..., and how many
// units its own gaps skip.
type gapMatch struct {
	st    step
	ok    bool
	extra int
}

// checkEvery is how many steps of matching go between two looks at the
// context: often enough to stop within a moment, seldom enough to cost
// nothing.
const checkEvery = 256

// stopped counts a step of matching and reports whether the context is
// done, from the first look that saw it done on.
func (m *matcher) stopped() bool {
	m.steps++
	if m.err == nil && m.steps%checkEvery == 0 {
		m.err = m.ctx.Err()
	}
	return m.err != nil
}

// closest keeps the closest of the ways a list of elements matches: the
// one that skips fewest units with ..., the first found of those.
type closest struct {
	st step
	ok bool
}

// add offers a way the elements match, when ok.
func (c *closest) add(st step, ok bool) {
	if ok && (!c.ok || st.gap < c.st.gap) {
		c.st, c.ok = st, true
	}
}

// step is the state of a match in progress on one side of the anchor.
type step struct {
	speaker    *phrase
	cue        *cueSpan
	clause     *unitRange
	gap        int
	participle bool // the cue is a bare participle ("…, saying"): its speaker is the clause's subject
}

// attribute returns the best attribution of the quoted stretch qi by any
// quote pattern: the highest confidence, then the closest, then the first
// written.
func (m *matcher) attribute(qi int) (attribution, bool) {
	pos := m.s.quoteAt[qi]
	closed := m.closesSentence(qi)
	var best attribution
	found := false
	for _, p := range m.f.patterns {
		if p.Compiled.Clause {
			continue
		}
		a, ok := m.matchAt(p, pos, pos, step{})
		if closed && p.Compiled.Anchor < len(p.Compiled.Elements)-1 && !m.attributionOnly(a) {
			continue
		}
		if anyVerbAfter(p) && !m.speechBeforeVerb(qi, closed) {
			continue
		}
		if ok && (!found || better(a, best)) {
			best, found = a, true
		}
	}
	return best, found
}

// speechBeforeVerb reports whether quoted stretch qi can be attributed by
// whatever verb follows it: a sentence of speech that opens the writer's
// sentence and does not close it (“…,” Ruiz went on), not a partial
// quote or a title in the writer's words (In “Salt and Iron,” Ruiz
// shines) or a closed sentence (“…” Prices rose).
func (m *matcher) speechBeforeVerb(qi int, closed bool) bool {
	q := m.s.qs[qi]
	return q.direct && !closed && m.s.boundary(m.s.quoteAt[qi]-1, -1)
}

// anyVerbAfter reports whether a pattern takes any verb after its
// quotation.
func anyVerbAfter(p *rules.PatternRule) bool {
	for _, el := range p.Compiled.Elements[p.Compiled.Anchor+1:] {
		if el.Kind == rules.Verb {
			return true
		}
	}
	return false
}

// outerSource returns the source that an attribution's own words are
// reported from, when "according to" stands in its sentence outside the
// quotation: in “…,” Ruiz said, according to the Post, and in According to
// the memo, the aides were told, “…”, the writer reports the source's words.
// A source that is a document made by someone is its maker's (“…,”
// according to a filing by the city).
func (m *matcher) outerSource(a attribution) (phrase, bool) {
	if a.cue == nil || a.pattern == nil || a.pattern.Compiled.Clause {
		return phrase{}, false
	}
	if a.cue.class == "according" && m.s.tokPos[a.speaker.first] >= 0 {
		_, hi := m.s.contiguous(m.s.tokPos[a.speaker.first])
		p := m.agentOf(a.speaker, hi)
		return p, p != a.speaker
	}
	toks := m.s.doc.Tokens
	sn := m.s.doc.Sentences[toks[a.cue.first].Sent]
	if p, ok := m.pollOpening(sn.First, a.cue.first); ok {
		return p, true
	}
	// the tagger's sentence may run on past a stop of the writer's: "…
	// according to Harbour.com. “…,” her friend told the website"
	lo, hi := m.s.stopFree(a.cue.first, a.cue.last)
	for _, i := range m.s.accordingIn(max(lo, sn.First), min(hi, sn.Last-2)) {
		if i >= a.cue.first && i < a.cue.last {
			continue
		}
		nearCue := i >= a.cue.last && i < a.cue.last+maxAdjunct && toks[i-1].Norm != "that"
		if !nearCue && i > sn.First && toks[i-1].Norm != "," {
			continue // "said that according to its analysis, …" is what was said
		}
		_, hi := m.s.contiguous(m.s.tokPos[i])
		if cands := m.f.speakersRight(m.s.doc, m.ents, i+2, hi); len(cands) > 0 {
			return m.agentOf(cands[0], hi), true
		}
		return phrase{}, false
	}
	return phrase{}, false
}

// pollOpening returns the poll or survey that a sentence opens with, "In"
// and a comma around it, before the cue at token cue: in "In a Harbour
// Times poll released Monday, 75 percent of voters said “…”", the poll reports
// what they said.
func (m *matcher) pollOpening(first, cue int) (phrase, bool) {
	toks := m.s.doc.Tokens
	if toks[first].Norm != "in" || m.s.tokPos[first] < 0 {
		return phrase{}, false
	}
	head := -1
	for k := first + 1; k < cue && k <= first+maxAdjunct; k++ {
		switch {
		case toks[k].Norm == ",":
			if head < 0 {
				return phrase{}, false
			}
			return phrase{first: first + 1, last: k, headFirst: head, headLast: head + 1, kind: kindRole}, true
		case tensedVerb(toks[k].Tag) || m.s.tokPos[k] < 0:
			return phrase{}, false
		case strings.HasPrefix(toks[k].Tag, "NN") && (strings.TrimSuffix(toks[k].Norm, "s") == "poll" || strings.TrimSuffix(toks[k].Norm, "s") == "survey"):
			head = k
		}
	}
	return phrase{}, false
}

// agentOf returns who made the document that a source phrase names, when
// "by" follows it, maybe after a participle: "a court document filed by
// state attorney Ana Ruiz" and "a study by Ana Ruiz" are Ruiz's; else the
// phrase itself.
func (m *matcher) agentOf(p phrase, hi int) phrase {
	toks := m.s.doc.Tokens
	by := p.last
	if by < hi && toks[by].Tag == "VBN" {
		by++ // "filed by"
	}
	if p.kind != kindRole || by+1 >= hi || toks[by].Norm != "by" {
		return p
	}
	if cands := m.f.speakersRight(m.s.doc, m.ents, by+1, hi); len(cands) > 0 && cands[0].kind != kindPronoun {
		return cands[0]
	}
	return p
}

// attributionOnly reports whether the sentence that an attribution's cue
// stands in says nothing more than who spoke and when or where: “…” Trump
// said. The words after the cue hold no verb, and few words.
func (m *matcher) attributionOnly(a attribution) bool {
	if a.cue == nil {
		return false
	}
	toks := m.s.doc.Tokens
	for i, n := a.cue.last, 0; i < len(toks); i, n = i+1, n+1 {
		if m.s.tokPos[i] < 0 || toks[i].Sent != toks[a.cue.first].Sent {
			// a quotation or a new sentence: the attribution is not alone,
			// or the paragraph ended
			return m.s.tokPos[i] >= 0
		}
		if toks[i].Norm == "." || toks[i].Norm == "!" || toks[i].Norm == "?" {
			return true
		}
		if n > 8 || strings.HasPrefix(toks[i].Tag, "VB") {
			return false
		}
	}
	return true
}

// closesSentence reports whether quoted stretch qi ends its sentence: it
// ends with a period and a capitalized word follows (“We will win.” She
// said ...), so nothing after it attributes it.
func (m *matcher) closesSentence(qi int) bool {
	q := m.s.qs[qi]
	text := strings.TrimRight(m.s.doc.Text[q.start:q.end], "\"'’”)] ")
	if !strings.HasSuffix(text, ".") {
		return false
	}
	next, ok := m.s.token(m.s.quoteAt[qi] + 1)
	return ok && nlp.Capitalized(next.Text)
}

// better reports whether attribution a beats b: more confident, or as
// confident with a shorter gap.
func better(a, b attribution) bool {
	return a.confidence > b.confidence || a.confidence == b.confidence && a.gap < b.gap
}

// matchAt matches one pattern around its anchor, which covers units
// [lo, hi] and has already matched into anchor.
func (m *matcher) matchAt(p *rules.PatternRule, lo, hi int, anchor step) (attribution, bool) {
	els := p.Compiled.Elements
	m.memo = nil
	if p.Compiled.Gaps > 1 {
		m.memo = map[gapKey]gapMatch{}
	}
	l, ok := m.side(reversed(els[:p.Compiled.Anchor]), lo-1, -1, anchor)
	if !ok {
		return attribution{}, false
	}
	r, ok := m.side(els[p.Compiled.Anchor+1:], hi+1, 1, anchor)
	if !ok {
		return attribution{}, false
	}
	a := attribution{pattern: p, confidence: p.Confidence, gap: l.gap + r.gap}
	for _, s := range []step{anchor, l, r} {
		if s.speaker != nil {
			a.speaker = *s.speaker
		}
		if s.cue != nil {
			a.cue = s.cue
		}
		if s.clause != nil {
			a.clause = s.clause
		}
	}
	return a, a.speaker.last > a.speaker.first
}

// reversed returns the elements in reverse order, to be matched leftwards.
func reversed(els []rules.Element) []rules.Element {
	out := make([]rules.Element, len(els))
	for i, e := range els {
		out[len(els)-1-i] = e
	}
	return out
}

// side matches els one by one from unit pos in direction dir (-1 leftwards,
// +1 rightwards) and returns the closest way the whole list matches.
func (m *matcher) side(els []rules.Element, pos, dir int, st step) (step, bool) {
	if m.stopped() {
		return step{}, false
	}
	if len(els) == 0 {
		return st, true
	}
	el, rest := els[0], els[1:]
	switch el.Kind {
	case rules.Literal:
		return m.matchLiteral(el, rest, pos, dir, st)
	case rules.Gap:
		return m.gapOnce(rest, pos, dir, st)
	case rules.Clause:
		if el.Object {
			return m.matchObject(rest, pos, dir, st)
		}
		return m.matchClause(rest, pos, dir, st)
	case rules.Cue:
		return m.matchCue(el, rest, pos, dir, st)
	case rules.Verb:
		return m.matchVerb(rest, pos, dir, st)
	case rules.Speaker:
		return m.matchSpeaker(rest, pos, dir, st)
	case rules.SentenceStart:
		if m.s.startsSentence(pos) || dir < 0 && m.openingBefore(pos) {
			return m.side(rest, pos, dir, st)
		}
	case rules.SentenceEnd:
		if m.s.boundary(pos, dir) {
			return m.side(rest, pos, dir, st)
		}
	}
	return step{}, false
}

// matchLiteral matches the literal el at unit pos, in direction dir, and
// then the elements rest, and returns the closest way they match: with the
// word there, or without it when el is optional. A signature line after
// the quote, or a soft break before it, is passed over first.
func (m *matcher) matchLiteral(el rules.Element, rest []rules.Element, pos, dir int, st step) (step, bool) {
	var c closest
	if dir > 0 && m.s.signatureLine(pos) {
		pos++ // “…”¶— Ana Ruiz: the line after the quote names who said it
	} else if dir < 0 && pos >= 0 && m.s.units[pos].kind == uBreak && m.s.softBreak(pos) {
		pos-- // Stated Stone:¶“…”: the paragraph before introduces the quote
	}
	if t, ok := m.s.token(pos); ok && contains(el.Words, t.Norm) {
		c.add(m.side(rest, pos+dir, dir, st))
	}
	if el.Optional {
		c.add(m.side(rest, pos, dir, st))
	}
	return c.st, c.ok
}

// openingBefore reports whether the unit at pos is the comma after a
// phrase of common words that opens the sentence, so that what follows it
// starts the sentence's clause: "In other words, explained Ruiz: “…”".
func (m *matcher) openingBefore(pos int) bool {
	if t, ok := m.s.token(pos); !ok || t.Norm != "," {
		return false
	}
	for k := 1; k <= maxOpening; k++ {
		if m.s.startsSentence(pos - k) {
			return k > 1
		}
		t, ok := m.s.token(pos - k)
		if !ok || t.Norm == "," || t.Norm == ":" || strings.HasPrefix(t.Tag, "VB") && !strings.HasSuffix(t.Norm, "ing") {
			return false // no opening phrase holds a clause of its own
		}
		if nlp.Capitalized(t.Text) && !m.s.startsSentence(pos-k-1) {
			return false // "At a rally in Dover, Kent, the mayor": names and places are read as they come
		}
	}
	return false
}

// gapOnce matches a ... and the elements after it from pos, or returns
// what matching them from there with the same state gave before.
func (m *matcher) gapOnce(rest []rules.Element, pos, dir int, st step) (step, bool) {
	if m.memo == nil {
		return m.gap(rest, pos, dir, st)
	}
	key := gapKey{rest: len(rest), pos: pos, dir: dir, participle: st.participle,
		has: [3]bool{st.speaker != nil, st.cue != nil, st.clause != nil}}
	if st.speaker != nil {
		key.speaker = *st.speaker
	}
	if st.cue != nil {
		key.cue = *st.cue
	}
	if st.clause != nil {
		key.clause = *st.clause
	}
	if got, ok := m.memo[key]; ok {
		got.st.gap = st.gap + got.extra
		return got.st, got.ok
	}
	found, ok := m.gap(rest, pos, dir, st)
	m.memo[key] = gapMatch{st: found, ok: ok, extra: found.gap - st.gap}
	return found, ok
}

// gap matches a ... of up to maxGap units (maxClauseGap before a CLAUSE,
// which must then open with "that" or the like) within the clause, and the
// elements after it.
func (m *matcher) gap(rest []rules.Element, pos, dir int, st step) (step, bool) {
	limit := maxGap
	toClause := len(rest) > 0 && rest[0].Kind == rules.Clause
	if toClause {
		limit = maxClauseGap
	}
	var c closest
	for k := 0; k <= limit; k++ {
		if k > 0 && (m.s.boundary(pos+(k-1)*dir, dir) || m.cutsClause(pos+(k-1)*dir) || m.newClauseAt(pos+(k-1)*dir) || toClause && m.verbAt(pos+(k-1)*dir)) {
			break
		}
		if toClause && !m.complementizerAt(pos+k*dir) {
			continue
		}
		next := st
		next.gap += k
		c.add(m.side(rest, pos+k*dir, dir, next))
	}
	return c.st, c.ok
}

// matchCue matches a cue of the element's class at pos. Between a speaker
// and its cue, adverbs and auxiliaries are skipped.
func (m *matcher) matchCue(el rules.Element, rest []rules.Element, pos, dir int, st step) (step, bool) {
	if st.speaker != nil {
		pos = m.skipFiller(pos, dir)
	}
	if _, ok := m.s.token(pos); !ok {
		return step{}, false
	}
	lo, hi := m.s.contiguous(pos)
	toks := m.s.doc.Tokens
	tok := m.s.units[pos].tok
	ofClass := func(e lexicon.Entry) bool { return e.Class == el.Class }
	inverted := dir > 0 && len(rest) > 0 && rest[0].Kind == rules.Speaker // "…, said Tomas Reyes"
	var c closest
	for start := max(lo, tok-3); start <= tok; start++ {
		e, end, ok := m.f.lex.Cues.AtWhere(toks, start, hi, ofClass)
		cue := cueSpan{first: start, last: end, class: e.Class, verb: e.Inflect == rules.InflectVerb}
		if !ok || !m.cueTagOK(start, e.Inflect, true) || inverted && cue.participle(toks) {
			continue
		}
		// the cue must begin (rightwards) or end (leftwards) at pos
		if dir > 0 && start != tok || dir < 0 && end-1 != tok {
			continue
		}
		next := st
		next.cue = &cue
		after := m.s.tokPos[end-1] + 1
		if dir < 0 {
			after = m.s.tokPos[start] - 1
			next.participle = cue.verb && bareParticiple(toks, start)
		}
		c.add(m.side(rest, after, dir, next))
		if dir > 0 && endsAttribution(rest) {
			if k := m.adjunct(after); k > 0 {
				c.add(m.side(rest, after+k, dir, next))
			}
		}
	}
	return c.st, c.ok
}

// endsAttribution reports whether the elements after a cue close the
// attribution: the end of the sentence, or a comma or dash.
func endsAttribution(rest []rules.Element) bool {
	if len(rest) == 0 {
		return false
	}
	switch el := rest[0]; el.Kind {
	case rules.SentenceEnd:
		return true
	case rules.Literal:
		return contains(el.Words, ",") || contains(el.Words, "—")
	}
	return false
}

// maxAdjunct is how many units the adjuncts after a cue may take.
const maxAdjunct = 12

// adjunct returns how many units from pos are adjuncts of a cue that ends
// an attribution: times and prepositional phrases ("said Tuesday in
// Paris", "she said in a video message to the convention").
func (m *matcher) adjunct(pos int) int {
	n := 0
	for n < maxAdjunct {
		if k := m.timePhrase(pos+n, 1); k > 0 {
			n += k
			continue
		}
		t, ok := m.s.token(pos + n)
		if !ok || t.Tag != "IN" || t.Norm == "that" || t.Norm == "whether" || t.Norm == "if" {
			break
		}
		k := 1
		for ; n+k < maxAdjunct; k++ {
			w, ok := m.s.token(pos + n + k)
			if !ok || w.Tag == "IN" || !wordLike(w.Text) || m.verbAt(pos+n+k) && !nounContext[m.tagAt(pos+n+k-1)] {
				break
			}
		}
		if k == 1 {
			break
		}
		n += k
	}
	return n
}

// matchVerb matches any verb at pos as the cue, skipping adverbs and
// auxiliaries between it and the speaker.
func (m *matcher) matchVerb(rest []rules.Element, pos, dir int, st step) (step, bool) {
	if st.speaker != nil {
		pos = m.skipFiller(pos, dir)
	}
	t, ok := m.s.token(pos)
	if !ok || !strings.HasPrefix(t.Tag, "VB") || isFiller(t.Norm, t.Tag) || dir > 0 && nlp.Capitalized(strings.TrimLeft(t.Text, "\u00ad")) {
		return step{}, false // rightwards, a capitalized word after the speaker is more of the name
	}
	tok := m.s.units[pos].tok
	if toks := m.s.doc.Tokens; t.Norm == "been" && m.contracted(pos-1) && tok+1 < len(toks) && toks[tok+1].Tag == "VBN" {
		return step{}, false // the passive's auxiliary: "He’s been investigated by Congress"
	}
	next := st
	next.cue = &cueSpan{first: tok, last: tok + 1, class: "verb", verb: true}
	var c closest
	c.add(m.side(rest, pos+dir, dir, next))
	if dir > 0 && endsAttribution(rest) {
		// “…,” Ruiz went on. “…,” Ruiz laughed in Dover: a particle or an
		// adjunct may follow the verb that ends the attribution
		after := pos + 1
		if t, ok := m.s.token(after); ok && (t.Tag == "RP" || t.Tag == "IN" || t.Tag == "RB") {
			c.add(m.side(rest, after+1, dir, next))
		}
		if k := m.adjunct(after); k > 0 {
			c.add(m.side(rest, after+k, dir, next))
		}
	}
	return c.st, c.ok
}

// matchSpeaker matches a speaker phrase at pos. Leftwards, the phrase may
// end with a quoted title, and a participle's speaker may stand before a
// quotation that ends with a comma ("did not want to address “that
// person,” telling Fox 35").
func (m *matcher) matchSpeaker(rest []rules.Element, pos, dir int, st step) (step, bool) {
	if st.cue != nil {
		pos = m.skipFiller(pos, dir)
		pos = m.skipStrayComma(pos, dir)
	}
	if p, ok := m.quoteSpeaker(pos, dir, st); ok {
		next := st
		next.speaker = &p
		return m.side(rest, pos-1, dir, next)
	}
	if _, ok := m.s.token(pos); !ok && !(dir < 0 && (m.s.titleAt(pos) || st.participle && m.quoteEndsWithComma(pos))) {
		return step{}, false
	}
	if dir > 0 {
		return m.speakersAfter(rest, pos, st)
	}
	p, ok := m.speakerBefore(pos, st, reportsBefore(rest))
	if !ok {
		return step{}, false
	}
	next := st
	next.speaker = &p
	return m.side(rest, m.s.tokPos[p.first]-1, dir, next)
}

// skipStrayComma moves leftwards past a comma typed between a
// parenthesis that closes a speaker's name and the verb: "Sen. Jack Reed
// (D-R.I.), said".
func (m *matcher) skipStrayComma(pos, dir int) int {
	if _, ok := m.s.token(pos); !ok || dir > 0 || pos == 0 {
		return pos
	}
	if strayComma(m.s.doc.Tokens, m.s.units[pos].tok) {
		return pos - 1
	}
	return pos
}

// speakerBefore returns the speaker phrase that ends (leftwards) at unit
// pos, a token or a quoted title, for the cue matched so far; reported
// says the reported words come before the speaker.
func (m *matcher) speakerBefore(pos int, st step, reported bool) (phrase, bool) {
	u := m.s.units[pos]
	tok := u.tok
	if u.kind == uQuote {
		// a title ends the speaker's appositive: "Hemsley, the co-author
		// of “Going Viral,” said"
		tok = m.s.qs[u.q].close
	}
	if p, ok := m.infinitiveSpeaker(tok, st); ok && !reported {
		return p, true
	}
	switch {
	case u.kind == uToken && st.cue != nil && st.cue.class == "noun" && pos+1 < len(m.s.units) && m.s.units[pos+1].tok == st.cue.first:
		// a speech noun right after its speaker: "her remark that “…”"
		return m.possessiveBefore(pos)
	case u.kind == uToken && st.cue != nil && st.cue.class == "verb":
		return m.verbSubject(tok, *st.cue)
	case st.participle:
		return m.participleSpeaker(tok)
	}
	return m.speakerEnding(tok, pos)
}

// reportsBefore reports whether the elements still to match leftwards
// hold the quotation or the reported clause.
func reportsBefore(rest []rules.Element) bool {
	return slices.ContainsFunc(rest, func(e rules.Element) bool { return e.Kind == rules.Quote || e.Kind == rules.Clause })
}

// infinitiveSpeaker returns the speaker of a verb cue in the infinitive
// when token tok is its "to" after a verb of going on: the speaker before
// that verb, or, for a participle, its clause's ("Sanders said, going on to
// say that ...", "he went on to say", "she continued to insist").
func (m *matcher) infinitiveSpeaker(tok int, st step) (phrase, bool) {
	toks := m.s.doc.Tokens
	if st.cue == nil || !st.cue.verb || tok < 2 || toks[tok].Norm != "to" || m.s.tokPos[tok] < 0 {
		return phrase{}, false
	}
	k := tok - 1
	if toks[k].Norm == "on" {
		k-- // "went on to say"
	}
	switch {
	case !goingOn(toks, k, tok) || m.s.tokPos[k] < 0:
		return phrase{}, false
	case toks[k].Tag == "VBG" && bareParticiple(toks, k):
		return m.participleSpeaker(k - 1)
	}
	j := fillerStart(toks, k, 0) - 1 // "Clinton is continuing to insist"
	if j < 0 || m.s.tokPos[j] < 0 {
		return phrase{}, false
	}
	return m.speakerEnding(j, m.s.tokPos[j])
}

// goingOn reports whether token k is a verb of going on, before "to" at
// token to: "went on to", "continued to", "proceeded to".
func goingOn(toks []nlp.Token, k, to int) bool {
	w := toks[k].Norm
	switch {
	case !strings.HasPrefix(toks[k].Tag, "VB"):
		return false
	case k+1 < to: // "on" between
		return w == "go" || w == "goes" || w == "going" || w == "went" || w == "gone"
	}
	return strings.HasPrefix(w, "continu") || strings.HasPrefix(w, "proceed")
}

// speakerEnding returns the speaker phrase that ends with token tok, at
// unit pos, and starts with a word of the writer's.
func (m *matcher) speakerEnding(tok, pos int) (phrase, bool) {
	p, ok := m.f.speakerLeft(m.s.doc, m.ents, tok+1, m.s.speakerFloor(pos))
	return p, ok && m.s.tokPos[p.first] >= 0
}

// verbSubject returns the speaker of any verb, whose phrase ends at token
// tok: the clause's subject, not the nearest noun; a participle after a
// comma has the subject of the clause before it ("Ruiz emailed him,
// addressing him as “Tom”").
func (m *matcher) verbSubject(tok int, cue cueSpan) (phrase, bool) {
	toks := m.s.doc.Tokens
	p, ok := m.f.subjectOf(m.s.doc, m.ents, cue.last, false)
	participle := toks[cue.first].Tag == "VBG" && toks[tok].Norm == ","
	if ok && (p.last == tok+1 || participle) && m.s.tokPos[p.first] >= 0 && !(p.last == p.first+1 && demonstratives[toks[p.first].Norm]) {
		return p, true
	}
	return phrase{}, false
}

// speakersAfter matches each speaker phrase that starts at unit pos, a
// token, rightwards, and returns the closest match of the rest.
func (m *matcher) speakersAfter(rest []rules.Element, pos int, st step) (step, bool) {
	_, hi := m.s.contiguous(pos)
	var c closest
	for _, p := range m.f.speakersRight(m.s.doc, m.ents, m.s.units[pos].tok, hi) {
		next := st
		next.speaker = &p
		c.add(m.side(rest, m.s.tokPos[p.last-1]+1, 1, next))
	}
	return c.st, c.ok
}

// possessiveBefore returns the possessive pronoun that owns a speech noun
// whose modifiers end (leftwards) at unit pos: "his warning", "her March
// comment", "their own statement".
func (m *matcher) possessiveBefore(pos int) (phrase, bool) {
	for n := 0; n <= maxFiller; n++ {
		t, ok := m.s.token(pos - n)
		if !ok {
			break
		}
		if possessives[t.Norm] && t.Tag == "PRP$" {
			return oneWord(m.s.units[pos-n].tok, kindPronoun), true
		}
		if !nounModifiers[t.Tag] {
			break
		}
	}
	return phrase{}, false
}

// possessives are the pronouns that own what is said: "her remark".
var possessives = map[string]bool{"his": true, "her": true, "their": true}

// nounModifiers are the tags of the words that may stand between a
// possessive and its noun: "her March comment", "his earlier remarks".
var nounModifiers = map[string]bool{"JJ": true, "JJR": true, "JJS": true, "NNP": true, "CD": true, "RB": true, "VBN": true}

// demonstratives point back at what was said before; one that stands as
// a subject of its own is a thing, not who speaks: "That's why he wanted
// to “…”", "That makes her “…”".
var demonstratives = map[string]bool{"that": true, "this": true, "these": true, "those": true}

// quoteSpeaker returns the speaker of the quotation at unit pos when a
// participle of saying follows it: in “…,” adding that Trump “…”, the
// second quotation's speaker is the first one's.
func (m *matcher) quoteSpeaker(pos, dir int, st step) (phrase, bool) {
	if dir > 0 || !st.participle || pos < 0 || m.s.units[pos].kind != uQuote || m.atts == nil {
		return phrase{}, false
	}
	a := m.atts[m.s.units[pos].q]
	if a == nil || a.speaker.kind == 0 {
		return phrase{}, false
	}
	return a.speaker, true
}

// participleSpeaker finds who speaks in a participle of saying that ends
// (leftwards) at token tok: the speaker of an attribution just before it
// ("“…,” she said, adding, “…”"), else the subject of its clause.
func (m *matcher) participleSpeaker(tok int) (phrase, bool) {
	toks := m.s.doc.Tokens
	k := tok
	if k >= 0 && toks[k].Norm == "," {
		k--
	} else if p, ok := m.nameBefore(tok); ok {
		return p, true
	}
	// the cue of that attribution, maybe before a time or a place: "Jason
	// Chaffetz said in a statement, adding ..."
	for j := k; j >= 1 && j > k-maxAdjunct && m.s.tokPos[j] >= 0 && toks[j].Norm != ","; j-- {
		if !strings.HasPrefix(toks[j].Tag, "VB") {
			continue
		}
		if _, cue := m.f.lex.Cues.Has(toks[j].Norm); cue {
			lo, _ := m.s.contiguous(m.s.tokPos[j])
			if p, ok := m.f.speakerLeft(m.s.doc, m.ents, fillerStart(toks, j, lo), lo); ok {
				return p, true
			}
			// “…,” said Vice President Joe Biden, urging ...
			if before := m.s.tokPos[j] - 1; before < 0 || m.s.units[before].kind != uQuote {
				break
			}
			if p, ok := m.f.speakerRight(m.s.doc, m.ents, j+1, k+1); ok && p.last == k+1 {
				return p, true
			}
		}
		break
	}
	p, ok := m.f.subjectOf(m.s.doc, m.ents, tok+1, true)
	return p, ok && m.s.tokPos[p.first] >= 0
}

// fillerStart returns where the adverbs and auxiliaries before token j
// start, not before floor: "he formally announced", "Chaffetz also said".
func fillerStart(toks []nlp.Token, j, floor int) int {
	for n := 0; n < maxFiller && j > floor && isFiller(toks[j-1].Norm, toks[j-1].Tag); n++ {
		j--
	}
	return j
}

// nameBefore returns the name that ends at token tok, just before a
// participle with no comma between them: a participle's own subject
// ("with spokesman Lena Park saying", "footage of Brand saying"). A
// common noun there is what says it ("a statement saying"), not who.
func (m *matcher) nameBefore(tok int) (phrase, bool) {
	if tok < 0 || m.s.tokPos[tok] < 0 {
		return phrase{}, false
	}
	lo, _ := m.s.contiguous(m.s.tokPos[tok])
	toks := m.s.doc.Tokens
	for k := tok; k > lo; k-- {
		if toks[k].Tag != "IN" {
			continue
		}
		if toks[k].Norm != "of" && toks[k].Norm != "with" {
			return phrase{}, false // "a message on Twitter reading": the message reads
		}
		lo = k + 1 // "a video of Brand saying": Brand, not the video
		break
	}
	p, ok := m.f.nounPhraseLeft(m.s.doc, m.ents, tok+1, lo)
	return p, ok && p.kind == kindName
}

// bareParticiple reports whether the cue at token i is an -ing form with no
// form of "be" before it: "…, saying" rather than "is saying".
func bareParticiple(toks []nlp.Token, i int) bool {
	if !strings.HasSuffix(toks[i].Norm, "ing") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if beForms[toks[k].Norm] {
			return false
		}
		if !isFiller(toks[k].Norm, toks[k].Tag) {
			break
		}
	}
	return true
}

// beForms are the forms of "be".
var beForms = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true, "'s": true, "'re": true, "am": true}

// skipFiller moves from pos past adverbs, auxiliaries and time phrases
// ("on Friday", "last week") in direction dir.
func (m *matcher) skipFiller(pos, dir int) int {
	for n := 0; n < maxFiller; n++ {
		if k := m.timePhrase(pos, dir); k > 0 {
			pos += k * dir
			continue
		}
		t, ok := m.s.token(pos)
		if dir < 0 && m.contracted(pos) {
			pos += dir
			continue
		}
		if !ok || !isFiller(t.Norm, t.Tag) || surname(m.ents, t) {
			break
		}
		pos += dir
	}
	return pos
}

// timePhrase returns the length in tokens of a time phrase that starts at
// pos and runs in direction dir, or 0.
func (m *matcher) timePhrase(pos, dir int) int {
	var words []string
	for k := 0; k < 5; k++ {
		t, ok := m.s.token(pos + k*dir)
		if !ok {
			break
		}
		words = append(words, t.Norm)
	}
	if dir < 0 {
		slices.Reverse(words)
	}
	for n := len(words); n > 0; n-- {
		w := words
		if dir < 0 {
			w = words[len(words)-n:]
		} else {
			w = words[:n]
		}
		if isTimePhrase(w) {
			return n
		}
	}
	return 0
}

var (
	dayWords  = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "yesterday": true, "today": true, "tonight": true}
	timeNouns = map[string]bool{"week": true, "month": true, "year": true, "weekend": true, "night": true, "morning": true, "afternoon": true, "evening": true, "day": true, "spring": true, "summer": true, "fall": true, "autumn": true, "winter": true}
	timeLeads = map[string]bool{"last": true, "this": true, "next": true, "earlier": true, "later": true, "on": true, "late": true, "early": true}
)

// yearWord reports whether w is a year such as 2016.
func yearWord(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isTimePhrase reports whether words (in text order) are a time phrase:
// "Friday", "on Friday", "Friday morning", "last week", "earlier this year",
// "in 2010", "in May".
func isTimePhrase(w []string) bool {
	if agoPhrase(w) {
		return true
	}
	switch len(w) {
	case 1:
		return dayWords[w[0]]
	case 2:
		return (timeLeads[w[0]] && (dayWords[w[1]] || timeNouns[w[1]])) || (dayWords[w[0]] && timeNouns[w[1]]) ||
			(w[0] == "in" || w[0] == "since") && (yearWord(w[1]) || nlp.CalendarWord(w[1]))
	case 3:
		return timeLeads[w[0]] && (dayWords[w[1]] && timeNouns[w[2]] || w[1] == "this" && timeNouns[w[2]])
	}
	return false
}

// agoPhrase reports whether words (in text order) count back from now:
// "two weeks ago", "a year ago", "less than two weeks ago".
func agoPhrase(w []string) bool {
	n := len(w)
	if n < 2 || n > 5 || w[n-1] != "ago" || !timeNouns[strings.TrimSuffix(w[n-2], "s")] {
		return false
	}
	switch n {
	case 2:
		return true
	case 3:
		return true // "two weeks ago", "a year ago", "several months ago"
	case 5:
		return (w[0] == "less" || w[0] == "more") && w[1] == "than"
	}
	return false
}

// isFiller reports whether a word is an auxiliary, an adverb or a
// reflexive that may stand between a speaker and a cue.
func isFiller(norm, tag string) bool {
	switch norm {
	case "has", "have", "had", "was", "is", "were", "did", "does", "also", "later", "then", "again",
		"once", "previously", "recently", "repeatedly", "publicly", "privately", "reportedly", "further",
		"itself", "himself", "herself", "themselves":
		return true
	case "not", "n't", "never":
		return false
	}
	return tag == "RB" || tag == "MD"
}

// contracted reports whether token pos is "’s" or "’re" clipped onto a
// personal pronoun before it, so that the pronoun may be the speaker of
// the verb after it: "He's said", "they’re hoping"; not "It’s implied",
// nor "Ruiz's". ("’ve", "’d" and the rest were tried too: they brought
// more false quotes than true ones on PolNeAR.)
func (m *matcher) contracted(pos int) bool {
	t, ok := m.s.token(pos)
	if !ok || t.Tag == "POS" {
		return false
	}
	if t.Norm != "'s" && t.Norm != "'re" {
		return false
	}
	p, ok := m.s.token(pos - 1)
	return ok && p.Tag == "PRP" && p.Norm != "it"
}

// sentenceOpener reports whether a token can stand just before the first
// word of a sentence: a quotation mark, a parenthesis, a colon or a dash.
func sentenceOpener(t nlp.Token) bool {
	switch t.Norm {
	case `"`, "'", "(", ":", "—", ".", "?", "!":
		return true
	}
	return false
}

// nounContext are tags after which a word is a noun, not a verb.
var nounContext = map[string]bool{"DT": true, "PRP$": true, "POS": true, "JJ": true, "JJR": true, "JJS": true, "CD": true}

// cueTagOK reports whether the cue word at token i is used as its kind: a
// verb cue must be tagged as a verb, a noun cue as a noun. The tagger often
// takes a participle of saying before a colon for a noun ("stating:"), so
// -ing forms pass whatever their tag; and a word after a possessive is a
// noun ("the agency’s claim"). Right after a name, a verb cue is a verb
// whatever its tag: the tagger takes some surnames for adjectives ("Quist
// reports"). With headlines, a capitalized cue word in a Title Case line
// is a verb too; reported clauses are not read in such lines.
func (m *matcher) cueTagOK(i int, inflect string, headlines bool) bool {
	toks := m.s.doc.Tokens
	t := toks[i]
	if nlp.Capitalized(t.Text) && i > 0 && toks[i-1].Sent == t.Sent && !sentenceOpener(toks[i-1]) && !(headlines && m.titleCase(t.Sent)) {
		return false // "the United States", "Cook Political Report": names, not verbs
	}
	switch inflect {
	case rules.InflectVerb:
		// the tagger takes some verbs after a name for nouns ("Trump says");
		// a cue word is a noun only after a determiner or modifier
		if i > 0 && nounContext[toks[i-1].Tag] {
			mention, ok := m.ents.MentionAt(i - 1)
			return strings.HasPrefix(t.Tag, "VB") || ok && mention.Last == i
		}
		// a cue word tagged as a noun after a common noun that it does
		// not agree with as a verb is a noun too: "his home state", "swing
		// states"; but "the document states", "aides say"
		if commonNoun(t.Tag) && !afterQuote(toks, i) && m.nounModifier(i) {
			return false
		}
		return !(i > 0 && commonNoun(t.Tag) && disagrees(toks[i-1], t) && !afterQuote(toks, i))
	case rules.InflectNoun:
		return strings.HasPrefix(t.Tag, "NN") || i > 0 && toks[i-1].Norm == "'s"
	}
	return true
}

// nounModifier reports whether the cue word at token i, tagged as a
// singular noun, is one before a noun it modifies: "state senator",
// "state Sen. Ana Ruiz", or between a name and the title it gives: "the
// MSNBC show “Morning Joe”".
func (m *matcher) nounModifier(i int) bool {
	toks := m.s.doc.Tokens
	if toks[i].Tag != "NN" {
		return false
	}
	return i+1 < len(toks) && (toks[i+1].Tag == "NN" || toks[i+1].Tag == "NNP") ||
		i > 0 && toks[i-1].Tag == "NNP" && i+1 < len(toks) && quoteMark(toks[i+1]) // "the MSNBC show “Morning Joe”"
}

// afterQuote reports whether a quotation mark stands among the few tokens
// before token i, so that the words before the cue name who spoke it:
// “…,” the editorial read.
func afterQuote(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if quoteMark(toks[k]) {
			return true
		}
	}
	return false
}

// titleCase reports whether sentence sent is a headline-style line, in
// which nearly every word outside quotations is capitalized, so that
// capitals say nothing of names: Jane Roe Said “…”.
func (m *matcher) titleCase(sent int) bool {
	if v, ok := m.title[sent]; ok {
		return v
	}
	if m.title == nil {
		m.title = map[int]bool{}
	}
	words, caps := 0, 0
	sn := m.s.doc.Sentences[sent]
	for i := sn.First; i < sn.Last; i++ {
		t := m.s.doc.Tokens[i]
		if m.s.tokPos[i] < 0 || !isWordToken(t.Text) || minorWords[t.Norm] {
			continue
		}
		words++
		if nlp.Capitalized(t.Text) {
			caps++
		}
	}
	v := words >= 5 && caps*10 >= words*9
	m.title[sent] = v
	return v
}

// commonNoun reports whether tag is that of a common noun.
func commonNoun(tag string) bool { return tag == "NN" || tag == "NNS" }

// disagrees reports whether word w, read as a present-tense verb, fails
// to agree with the common noun before it as its subject: a singular noun
// before a bare form ("home state"), a plural before an -s form ("swing
// states").
func disagrees(noun, w nlp.Token) bool {
	if !strings.HasPrefix(noun.Tag, "NN") || noun.Tag == "NNP" || noun.Tag == "NNPS" || strings.HasSuffix(w.Norm, "ed") {
		return false
	}
	s := strings.HasSuffix(w.Norm, "s")
	return noun.Tag == "NN" && !s || noun.Tag == "NNS" && s
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
