// Package quotes finds the quotations of an article and who said them.
//
// It finds every stretch of text in double quotation marks, sets aside the
// titles and names that are quoted but not spoken, and matches the
// attribution patterns of the rules around each quotation to find its cue
// and speaker. Quotations that an attribution splits (“…,” she said. “…”)
// become one quote of several parts; a quoted paragraph with no attribution
// of its own takes the speaker of the quote before it. Speakers given by a
// pronoun resolve to the person they refer to.
package quotes

import (
	"context"
	"sort"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// Quote types.
const (
	Direct   = "direct"   // whole sentences in quotation marks
	Partial  = "partial"  // quoted words inside the writer's sentence
	Indirect = "indirect" // reported speech without quotation marks
)

// Span is a stretch of the text, in byte offsets.
type Span struct{ Start, End int }

// Cue is the word or phrase that ties a quote to its speaker.
type Cue struct {
	Start, End int
	Text       string
}

// Quote is one attributed quotation. Offsets are bytes.
type Quote struct {
	Type       string
	Start, End int    // from the first opening mark to the last closing mark, or the reported clause around them
	Parts      []Span // the quoted stretches, without their marks; none for indirect speech
	Speaker    *Speaker
	Cue        *Cue
	Resolved   string // how the speaker was found; "" when there is none
	Pattern    string // id of the pattern that attributed it
	Confidence float64
}

// Finder finds quotes. It is read-only and safe for concurrent use.
type Finder struct {
	lex      *lexicon.Lexicon
	patterns []*rules.PatternRule
}

// NewFinder returns a Finder using the cue words and patterns of the rules.
func NewFinder(lex *lexicon.Lexicon, set *rules.Set) *Finder {
	return &Finder{lex: lex, patterns: set.Patterns}
}

// Confidence factors for how a speaker was found, and for quotes nobody is
// credited with.
var resolvedFactor = map[string]float64{
	ResolvedName: 1, ResolvedPronoun: 0.9, ResolvedRole: 0.85, ResolvedFloating: 0.7, ResolvedEcho: 0.6, "": 0.3,
}

// Find returns the quotes of doc in text order: quoted speech and the
// reported speech that clause patterns find. It stops early, with the
// context's error, when ctx is done.
func (f *Finder) Find(ctx context.Context, doc *nlp.Doc, ents *entities.Result) ([]Quote, error) {
	qs := findQuoted(doc)
	for i := range qs {
		p := doc.Paragraphs[qs[i].para]
		qs[i].classify(doc, doc.Sentences[p.First].First)
	}
	s := newSeq(doc, qs)
	atts := make([]*attribution, len(qs))
	m := &matcher{ctx: ctx, f: f, s: s, ents: ents, atts: atts}
	for i := range qs {
		if m.stopped() {
			return nil, m.err
		}
		atts[i] = m.attributeStretch(i)
	}
	frames := m.frames()
	if m.err != nil {
		return nil, m.err
	}
	r := &resolver{doc: doc, ents: ents, s: s}
	groups := group(s, qs, atts, frames)
	m.echoClauses(groups)
	resolveGroups(r, groups)
	var out []Quote
	for _, g := range groups {
		out = append(out, g.quote(r))
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out, nil
}

// attributeStretch returns the attribution of quoted stretch i, with its
// reported clause and outer source, or nil. A stretch that looks like a
// title has one only when its attribution makes it speech after all, and
// is no title from then on.
func (m *matcher) attributeStretch(i int) *attribution {
	q := m.s.qs[i]
	if q.nickname || q.first >= q.last {
		return nil
	}
	a, ok := m.attribute(i)
	if !ok {
		return nil
	}
	if q.title {
		if !m.namesBySpeaker(a, q) && !m.spokenBeforeCue(a, q, i) {
			return nil
		}
		m.s.qs[i].title = false
	}
	a.clause = m.quoteClause(a, i)
	if p, ok := m.outerSource(a); ok {
		a.speaker = p
	}
	return &a
}

// echoClauses gives each quote that no cue attributes the words of the
// writer's sentence around it, as a cue's reported clause would, when it
// stands inside that sentence: quoted words that only echo a quotation
// elsewhere, and a quotation that goes on in lower case after the writer's
// words (“…” — “which is a fine place”).
func (m *matcher) echoClauses(groups []*quoteGroup) {
	for _, g := range groups {
		if g.att != nil || len(g.members) == 0 {
			continue
		}
		q, at := m.s.qs[g.members[0]], m.s.quoteAt[g.members[0]]
		if g.echo && !q.direct || q.direct && !startsUpper(m.s.doc.Text[q.start:q.end]) && !m.s.startsSentence(at-1) {
			g.clause = m.phraseAround(at)
		}
	}
}

// namesBySpeaker reports whether a, the attribution a quoted stretch that
// looks like a title would have, makes it the speaker's words after all:
// a verb of naming, used actively by a person (a name, a pronoun or a
// role the rules list), gives the name ("he called Rubio “Little
// Marco”", "refers to the governor as “Chris”"), unless the writer's
// own marker says it is only a name ("the so-called “Gang of Eight”"),
// the title modifies a noun after it ("cast him in the “Fantastic Four”
// reboot"), or the name is what a relative pronoun stands for ("what he
// called the “Evil Empire”").
func (m *matcher) namesBySpeaker(a attribution, q quoted) bool {
	toks := m.s.doc.Tokens
	if a.cue == nil || a.cue.class != "characterize" || !activeVerb(toks, a.cue.first) || scareMarker(toks, q.open) {
		return false
	}
	if a.speaker.first > 0 && gapRelatives[toks[a.speaker.first-1].Norm] {
		return false
	}
	if q.close >= 0 && q.close+1 < len(toks) && commonNoun(toks[q.close+1].Tag) && q.open > 0 && modifierTags[toks[q.open-1].Tag] {
		return false // the title stands inside a noun phrase: the “Fantastic Four” reboot
	}
	return m.personSpeaker(a.speaker)
}

// personSpeaker reports whether a speaker phrase names a person: a name
// of a person, a pronoun other than "it", or a role the rules list.
func (m *matcher) personSpeaker(p phrase) bool {
	switch p.kind {
	case kindPronoun:
		return m.s.doc.Tokens[p.headFirst].Norm != "it"
	case kindName:
		mn, ok := m.ents.MentionAt(p.headFirst)
		return ok && m.ents.Entities[mn.Entity].Type == entities.Person
	}
	return m.listedRole(p)
}

// spokenBeforeCue reports whether a, the attribution a quoted stretch that
// looks like a title would have, makes it the speaker's words after all:
// the stretch opens its sentence and ends with a comma inside its marks,
// and a person and a verb of saying follow right after it (“Your Honor,”
// I said; “Like Oakland. Or Ferguson,” Trump said), not a paper's
// headline (“Pope Rebukes Mayor,” the Post declared).
func (m *matcher) spokenBeforeCue(a attribution, q quoted, qi int) bool {
	toks := m.s.doc.Tokens
	if a.cue == nil || a.cue.class != "speech" || q.close < 1 || toks[q.close-1].Norm != "," {
		return false
	}
	if !m.s.boundary(m.s.quoteAt[qi]-1, -1) || min(a.speaker.first, a.cue.first) != q.close+1 {
		return false
	}
	return m.personSpeaker(a.speaker)
}

// gapRelatives are the pronouns that stand for the object of the verb of
// the relative clause they open: "what they call", "which he called".
var gapRelatives = map[string]bool{"what": true, "which": true, "whom": true}

// modifierTags are the tags of a word that opens a noun phrase or
// modifies its noun: a determiner, a possessive or an adjective.
var modifierTags = map[string]bool{"DT": true, "PRP$": true, "POS": true, "JJ": true}
