package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/nlp"
)

// quoted is one stretch of text between double quotation marks.
type quoted struct {
	open, close int // token indexes of the marks; close is -1 when the paragraph ends first
	first, last int // token indexes of the words inside, last exclusive
	start, end  int // byte offsets of the words inside, trimmed
	para        int
	direct      bool // stands as a sentence of its own rather than inside the writer's
	embedded    bool // a word of the writer's sentence comes just before it
	title       bool // looks like the title of a work or a name, not speech
	nickname    bool // a name's nickname: Marcia “Cia” Price; read as the name's words
}

// markStart returns the byte offset of the stretch's opening mark.
func (q quoted) markStart(doc *nlp.Doc) int { return doc.Tokens[q.open].Start }

// markEnd returns the byte offset just after the stretch's closing mark,
// or the end of its words when its paragraph ends before one.
func (q quoted) markEnd(doc *nlp.Doc) int {
	if q.close < 0 {
		return q.end
	}
	return doc.Tokens[q.close].End
}

// markStyle tells straight marks from typographic ones, which nest inside
// each other ("... question: “As you know ...” ...").
func markStyle(t nlp.Token) (style byte, ok bool) {
	switch t.Text {
	case `"`:
		return 's', true
	case "\u201c", "\u201d", "\u201e", "\u201f":
		return 'c', true
	case "\u00ab", "\u00bb":
		return 'g', true
	case "\u300c", "\u300d", "\u300e", "\u300f":
		return 'j', true
	case "``", "''":
		return 'a', true
	}
	return 0, false
}

// findQuoted returns the quoted stretches of each paragraph, in text order.
// A quote still open at the end of its paragraph runs to that end (news
// style continues it in the next paragraph, which opens with a mark).
func findQuoted(doc *nlp.Doc) []quoted {
	var out []quoted
	for pi, p := range doc.Paragraphs {
		if p.First == p.Last {
			continue
		}
		first := doc.Sentences[p.First].First
		last := doc.Sentences[p.Last-1].Last
		out = append(out, quotedInParagraph(doc, pi, first, last)...)
	}
	return out
}

// quotedInParagraph returns the quoted stretches of paragraph para, whose
// tokens are [first, last), in text order, pairing its quotation marks; a
// quote still open at the end runs to that end.
func quotedInParagraph(doc *nlp.Doc, para, first, last int) []quoted {
	pm := markPairing{doc: doc, para: para, first: first, last: last, open: -1}
	for i := first; i < last; i++ {
		if st, ok := markStyle(doc.Tokens[i]); ok {
			pm.mark(i, st)
		}
	}
	return pm.finish()
}

// markPairing is the state of quotedInParagraph as it pairs the marks of
// a paragraph: the quotes found so far, the mark open (-1 if none) and its
// style, and how many marks of another style (nested) and of the same
// style (same) are open inside it.
type markPairing struct {
	doc               *nlp.Doc
	para, first, last int
	out               []quoted
	open              int
	style             byte
	nested, same      int
}

// mark pairs the quotation mark of style st at token i with the marks
// before it, opening, nesting or closing a quote.
func (pm *markPairing) mark(i int, st byte) {
	toks := pm.doc.Tokens
	switch {
	case pm.open < 0:
		if !nlp.IsOpeningQuote(toks, i) && !opensTurned(toks, i, pm.first) && !(st == 'c' && closesAhead(toks, i, pm.last, 1)) {
			return // a stray closing mark
		}
		pm.open, pm.style, pm.nested, pm.same = i, st, 0, 0
	case pm.nested == 0 && pm.same == 0 && closesLow(toks[pm.open].Text, toks[i].Text):
		pm.closeAt(i)
	case toks[pm.open].Text == "\u00bb" && toks[i].Text == "\u00bb" && nlp.IsOpeningQuote(toks, i):
		pm.open = i // the first » opened nothing: » Read more
	case st != pm.style:
		pm.otherStyle(i)
	case st == 'c' && nlp.IsOpeningQuote(toks, i):
		pm.sameStyleOpening(i)
	case pm.same > 0:
		pm.same--
	default:
		pm.closeAt(i)
	}
}

// closeAt ends the open quote at the mark at token i and leaves none open.
func (pm *markPairing) closeAt(i int) {
	pm.out = append(pm.out, newQuoted(pm.doc, pm.para, pm.open, i))
	pm.open = -1
}

// otherStyle takes the mark at token i, of another style than the open
// quote's: it nests inside the open quote, or, when nothing is nested,
// closes a quote typed with mixed marks.
func (pm *markPairing) otherStyle(i int) {
	if nlp.IsOpeningQuote(pm.doc.Tokens, i) {
		pm.nested++
		return
	}
	if pm.nested > 0 {
		pm.nested--
		return
	}
	pm.closeAt(i)
}

// sameStyleOpening takes the opening curly mark at token i while a quote
// typed with the same marks is open: it opens a quotation inside it, when
// enough marks close ahead, or else the open quote was never closed and a
// new one opens at i.
func (pm *markPairing) sameStyleOpening(i int) {
	if closesAhead(pm.doc.Tokens, i, pm.last, pm.same+2) {
		pm.same++ // a quotation inside the quotation, typed with the same marks
		return
	}
	// an opening mark while one is open: the first was never closed
	pm.out = append(pm.out, newQuoted(pm.doc, pm.para, pm.open, i))
	pm.open, pm.nested, pm.same = i, 0, 0
}

// finish returns the quotes of the paragraph, with one still open at its
// end running to that end, unless it is a lone ».
func (pm *markPairing) finish() []quoted {
	open, last, toks := pm.open, pm.last, pm.doc.Tokens
	// a » left open is a bullet or an arrow (» Read more), not a German »…«
	if open >= 0 && open+1 < last && toks[open].Text != "\u00bb" {
		q := newQuoted(pm.doc, pm.para, open, last)
		q.close = -1
		pm.out = append(pm.out, q)
	}
	return pm.out
}

// closesLow reports whether the mark closing closes a quotation opened
// with the mark opening in German style: „…“ (or „…”), where the mark that
// opens an English quotation closes.
func closesLow(opening, closing string) bool {
	return opening == "\u201e" && (closing == "\u201c" || closing == "\u201d")
}

// opensTurned reports whether the closing mark at token i, with no quote
// open, opens one: it starts the paragraph, after nothing but invisible
// format characters ("\u202a”Sorry …”"), or it stands before a word and
// after a space (“…” ”Sorry …”). (A closing mark that another closing
// mark follows before any opening one opens a quote too: He says,” there
// are …”.)
func opensTurned(toks []nlp.Token, i, first int) bool {
	if afterInvisible(toks, i, first) == first {
		return true
	}
	return toks[i-1].End < toks[i].Start && i+1 < len(toks) && toks[i+1].Start == toks[i].End && isWordToken(toks[i+1].Text)
}

// afterInvisible returns the index of the invisible format characters
// (bidirectional marks, zero-width joiners) that stand just before token
// i, or i when none do, going back to token first at most.
func afterInvisible(toks []nlp.Token, i, first int) int {
	for i > first && strings.IndexFunc(toks[i-1].Text, func(r rune) bool { return !unicode.Is(unicode.Cf, r) }) < 0 {
		i--
	}
	return i
}

// isWordToken reports whether s starts with a letter or a digit.
func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// closesAhead reports whether n closing marks of the typographic style
// follow the opening mark at token i before another opening mark or token
// last: “… claim that a deal “has to do with Israel” is wrong,” holds one
// quotation inside another, and “… say, “Why us?” he wrote. closes both
// with one mark.
func closesAhead(toks []nlp.Token, i, last, n int) bool {
	for j := i + 1; j < last; j++ {
		if st, ok := markStyle(toks[j]); !ok || st != 'c' {
			continue
		}
		if nlp.IsOpeningQuote(toks, j) {
			return false
		}
		if n--; n == 0 {
			return true
		}
	}
	return false
}

// newQuoted builds the quoted stretch between the mark at token open and
// token close (or the paragraph's end).
func newQuoted(doc *nlp.Doc, para, open, close int) quoted {
	toks := doc.Tokens
	q := quoted{open: open, close: close, first: open + 1, last: close, para: para}
	if q.first >= q.last {
		q.start, q.end = toks[open].End, toks[open].End
		return q
	}
	// drop the comma that belongs to the attribution: “We are ready,” she said
	for q.last > q.first && toks[q.last-1].Norm == "," {
		q.last--
	}
	if q.first < q.last {
		q.start, q.end = toks[q.first].Start, toks[q.last-1].End
	}
	return q
}

// words returns the number of word tokens inside q.
func (q quoted) words(doc *nlp.Doc) int {
	n := 0
	for i := q.first; i < q.last; i++ {
		r, _ := utf8.DecodeRuneInString(doc.Tokens[i].Text)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// classify decides whether q is direct speech and whether it is a title.
func (q *quoted) classify(doc *nlp.Doc, paraFirst int) {
	toks := doc.Tokens
	if q.first >= q.last {
		q.title = true
		return
	}
	text := doc.Text[q.start:q.end]
	upper := startsUpper(text)
	prev := ""
	if o := afterInvisible(toks, q.open, paraFirst); o > paraFirst {
		prev = toks[o-1].Norm
	}
	switch prev {
	case ",":
		// a few lower-case words after a comma that end no sentence name
		// something: DuVernay’s documentary, “13th,” is out
		q.direct = startsCapital(text) || q.words(doc) > 3 || endsSentence(strings.TrimRight(text, "”\"’'"))
		q.embedded = !q.direct
	case "", ":", "—", "(", ";", ".", "?", "!", `"`:
		q.direct = true
	default:
		q.embedded = true
		q.direct = upper && (endsSentence(text) || q.words(doc) >= 6) // He said “We will win.”
	}
	if q.isNickname(toks) {
		q.nickname, q.title = true, true
		return
	}
	q.title = !q.direct && (looksLikeTitle(doc, *q) || scareMarker(toks, q.open))
	// a short name in title case, even with the sentence's period inside
	// its marks after a possessive, a preposition or a noun: on CNN’s “State of the
	// Union.” (but it is a quote after a verb of naming: called it a “Pact.”)
	bare := strings.TrimRight(text, "”\"")
	named := q.embedded && strings.HasSuffix(bare, ".") && namingTags[toks[q.open-1].Tag]
	if q.direct && q.words(doc) <= 5 && looksLikeTitle(doc, *q) && (!endsSentence(bare) || named) {
		q.title = true
	}
}

// namingTags are the tags of a word before a short name in title case
// that make it the name of a work, the sentence's period inside its marks:
// on CNN’s “State of the Union.”, the documentary “Weiner.”
var namingTags = map[string]bool{"POS": true, "IN": true, "NN": true, "NNS": true}

// isNickname reports whether the stretch is one or two capitalized words
// inside a name: William “Bill” Harmon.
func (q *quoted) isNickname(toks []nlp.Token) bool {
	if q.close < 0 || q.open < 1 || q.close+1 >= len(toks) || q.last-q.first > 2 {
		return false
	}
	for i := q.first; i < q.last; i++ {
		if !nlp.Capitalized(toks[i].Text) {
			return false
		}
	}
	before, after := toks[q.open-1], toks[q.close+1]
	return before.Tag == "NNP" && nlp.Capitalized(before.Text) && after.Tag == "NNP" && nlp.Capitalized(after.Text) &&
		before.Sent == after.Sent
}

// scareMarker reports whether the words before the mark at token open say
// the quoted words are a name or a label, not speech: the so-called
// “miracle room”, a show known as “Art Hour”.
func scareMarker(toks []nlp.Token, open int) bool {
	if open < 1 {
		return false
	}
	switch toks[open-1].Norm {
	case "so-called", "nicknamed", "titled", "entitled":
		return true
	case "as":
		return open >= 2 && (toks[open-2].Norm == "known" || toks[open-2].Norm == "billed")
	}
	return false
}

// looksLikeTitle reports whether the quoted words read like the name of a
// work, a show or a nickname: short, with every main word capitalized.
func looksLikeTitle(doc *nlp.Doc, q quoted) bool {
	n := q.words(doc)
	if n == 0 || n > 6 {
		return false
	}
	caps := 0
	for i := q.first; i < q.last; i++ {
		t := doc.Tokens[i]
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) || minorWords[t.Norm] {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		caps++
	}
	if caps == 0 {
		return false
	}
	// a lone capitalized word at the start of the writer's sentence is not a title
	return !(n == 1 && caps == 1 && q.direct)
}

var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true,
	"is": true, "it": true, "as": true, "but": true, "nor": true,
}

// startsUpper reports whether s starts, after any marks, with a capital
// letter or a digit: a sentence may open with either.
func startsUpper(s string) bool {
	r := firstAlnum(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// startsCapital reports whether the first letter or digit of s is a
// capital letter.
func startsCapital(s string) bool { return unicode.IsUpper(firstAlnum(s)) }

// firstAlnum returns the first letter or digit of s, or 0.
func firstAlnum(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
	}
	return 0
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”)] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}
