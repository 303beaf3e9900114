package quotes

import (
	"sort"

	"github.com/extract-news/extract/internal/nlp"
)

// unitKind is what one unit of a sequence is.
type unitKind uint8

const (
	uToken unitKind = iota // a word or mark of the writer's text
	uQuote                 // a whole quoted stretch, marks included
	uBreak                 // a paragraph break
)

// unit is one step of the sequence that patterns are matched against.
type unit struct {
	kind unitKind
	tok  int // for uToken: token index
	q    int // for uQuote: index in seq.qs
}

// seq is the article as patterns see it: the writer's tokens, each quoted
// stretch folded into one unit, and paragraph breaks.
type seq struct {
	doc     *nlp.Doc
	qs      []quoted
	units   []unit
	quoteAt []int // quoted index -> its unit's position
	tokPos  []int // token index -> its unit's position, -1 inside quotes
	breaks  []int // the positions of the paragraph breaks, in order
	// stops are the tokens of the writer's periods, question marks and
	// exclamation marks, and according the tokens of the writer's
	// "according" before "to", in order: what outerSource looks among
	// without reading a whole sentence for each quote.
	stops, according []int
}

func newSeq(doc *nlp.Doc, qs []quoted) *seq {
	s := &seq{doc: doc, qs: qs, quoteAt: make([]int, len(qs)), tokPos: make([]int, len(doc.Tokens))}
	for i := range s.tokPos {
		s.tokPos[i] = -1
	}
	next := 0 // next quoted stretch, in text order
	for pi, p := range doc.Paragraphs {
		if p.First == p.Last {
			continue
		}
		if len(s.units) > 0 {
			s.breaks = append(s.breaks, len(s.units))
			s.units = append(s.units, unit{kind: uBreak})
		}
		last := doc.Sentences[p.Last-1].Last
		for i := doc.Sentences[p.First].First; i < last; i++ {
			if next < len(qs) && qs[next].para == pi && qs[next].open == i && qs[next].nickname {
				next++ // its marks and words are the name's tokens
			}
			if next < len(qs) && qs[next].para == pi && qs[next].open == i {
				s.quoteAt[next] = len(s.units)
				s.units = append(s.units, unit{kind: uQuote, q: next})
				end := last
				if qs[next].close >= 0 {
					end = qs[next].close
				}
				next++
				if next < len(qs) && qs[next].open == end {
					end-- // the mark that ended this stretch opens the next: “… “…”
				}
				i = end
				continue
			}
			s.tokPos[i] = len(s.units)
			s.units = append(s.units, unit{kind: uToken, tok: i})
			s.index(i)
		}
	}
	return s
}

// index notes token i of the writer's words in stops or according.
func (s *seq) index(i int) {
	toks := s.doc.Tokens
	switch toks[i].Norm {
	case ".", "?", "!":
		s.stops = append(s.stops, i)
	case "according":
		if i+1 < len(toks) && toks[i+1].Norm == "to" {
			s.according = append(s.according, i)
		}
	}
}

// stopFree returns the tokens [lo, hi) around the tokens [first, last)
// that no stop of the writer's separates from them: from after the last
// stop before last to the first stop at or after first.
func (s *seq) stopFree(first, last int) (lo, hi int) {
	lo, hi = 0, len(s.doc.Tokens)
	if k := sort.SearchInts(s.stops, last); k > 0 {
		lo = s.stops[k-1] + 1
	}
	if k := sort.SearchInts(s.stops, first); k < len(s.stops) {
		hi = s.stops[k]
	}
	return lo, hi
}

// accordingIn returns the tokens in [lo, hi) at which the writer's
// "according to" starts, in order.
func (s *seq) accordingIn(lo, hi int) []int {
	if lo >= hi {
		return nil
	}
	return s.according[sort.SearchInts(s.according, lo):sort.SearchInts(s.according, hi)]
}

// token returns the token at unit position pos, if that unit is a token.
func (s *seq) token(pos int) (nlp.Token, bool) {
	if pos < 0 || pos >= len(s.units) || s.units[pos].kind != uToken {
		return nlp.Token{}, false
	}
	return s.doc.Tokens[s.units[pos].tok], true
}

// boundary reports whether the unit at pos ends (moving left) or starts
// (moving right) the sentence that matching is confined to.
func (s *seq) boundary(pos, dir int) bool {
	if pos < 0 || pos >= len(s.units) {
		return true
	}
	u := s.units[pos]
	switch u.kind {
	case uBreak:
		return !(dir < 0 && s.softBreak(pos))
	case uQuote:
		q := s.qs[u.q]
		text := s.doc.Text[q.start:q.end]
		if dir < 0 {
			// a partial quotation ends the writer's sentence too when a
			// capitalized word follows: ... in May “when it took shape.” The
			return endsSentence(text) && (q.direct || s.capitalAt(pos+1))
		}
		return q.direct && startsUpper(text)
	}
	switch s.doc.Tokens[u.tok].Norm {
	case ".", "?", "!":
		return true
	}
	return false
}

// startsSentence reports whether a phrase that ends (leftwards) at unit pos
// starts its sentence, allowing a leading conjunction or adverb ("But
// “…”", "Then, “…”").
func (s *seq) startsSentence(pos int) bool {
	for n := 0; n < 3; n++ {
		t, ok := s.token(pos)
		if !ok || !(t.Tag == "CC" || t.Tag == "RB" || t.Norm == ",") {
			break
		}
		pos--
	}
	return s.boundary(pos, -1)
}

// capitalAt reports whether the unit at pos is a capitalized word.
func (s *seq) capitalAt(pos int) bool {
	t, ok := s.token(pos)
	return ok && nlp.Capitalized(t.Text)
}

// softBreak reports whether the paragraph break at pos follows a colon
// ("Caddell continued:"), so that the next paragraph's quote belongs to it.
func (s *seq) softBreak(pos int) bool {
	t, ok := s.token(pos - 1)
	return ok && t.Norm == ":"
}

// signatureLine reports whether the unit at pos is a paragraph break
// before a short line that opens with a dash and holds no quotation: the
// name signed under a quoted paragraph ("— Ana Ruiz.").
func (s *seq) signatureLine(pos int) bool {
	if pos < 0 || pos+1 >= len(s.units) || s.units[pos].kind != uBreak {
		return false
	}
	t, ok := s.token(pos + 1)
	if !ok || !dashes[t.Norm] && t.Norm != "-" {
		return false
	}
	for u := pos + 2; u < len(s.units) && s.units[u].kind != uBreak; u++ {
		if s.units[u].kind == uQuote || u-pos > maxSignature {
			return false
		}
	}
	return true
}

// maxSignature bounds the units of a signature line.
const maxSignature = 12

// phraseReach bounds how far a speaker or cue phrase may reach from where
// it is matched, so that a paragraph with no sentence ends costs no more
// than a short one.
const phraseReach = 48

// contiguous returns the token range [a, b) of the run of token units around
// pos that no quote, break or sentence boundary interrupts, within
// phraseReach units of pos.
func (s *seq) contiguous(pos int) (a, b int) {
	lo, hi := pos, pos
	for lo-1 >= 0 && pos-lo < phraseReach && s.units[lo-1].kind == uToken && !s.boundary(lo-1, -1) {
		lo--
	}
	for hi+1 < len(s.units) && hi-pos < phraseReach && s.units[hi+1].kind == uToken && !s.boundary(hi+1, 1) {
		hi++
	}
	return s.units[lo].tok, s.units[hi].tok + 1
}

// speakerFloor returns the first token of the run of units that ends
// (leftwards) at pos, as contiguous finds it, but reaching over quoted
// titles: a title is a name in the writer's words, and a speaker's
// appositive may hold one ("Hemsley, the co-author of “Going Viral,”
// said").
func (s *seq) speakerFloor(pos int) int {
	lo := pos
	for lo-1 >= 0 && pos-lo < phraseReach && (s.units[lo-1].kind == uToken || s.titleAt(lo-1)) && !s.boundary(lo-1, -1) {
		lo--
	}
	if u := s.units[lo]; u.kind == uQuote {
		return s.qs[u.q].open
	}
	return s.units[lo].tok
}

// titleAt reports whether the unit at pos is a quoted title, its marks
// closed.
func (s *seq) titleAt(pos int) bool {
	if pos < 0 || pos >= len(s.units) || s.units[pos].kind != uQuote {
		return false
	}
	q := s.qs[s.units[pos].q]
	return q.title && q.close >= 0
}
