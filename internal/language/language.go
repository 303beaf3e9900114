// Package language tells which language an article's text is written in,
// with github.com/abadojack/whatlanggo (trigram profiles of 84 languages,
// half a megabyte of binary, a fraction of a millisecond an article).
//
// The detector reads a sample of the text's prose, not the whole of it:
// lines of several words, most of them in lower case, up to SampleBytes.
// Headlines in capitals, tables of names and scores, bylines and captions
// would otherwise decide the language of a short text, and the library's
// scores lose their meaning on long texts.
package language

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// SampleBytes is the most text, in bytes, that Detect reads.
const SampleBytes = 600

// quickBytes is the sample Detect reads first, for a likely language.
const quickBytes = 200

// minReliableBytes is the least sample on which a guess counts as reliable:
// on shorter texts the library's own confidence is too often wrong.
const minReliableBytes = 100

// Guess is what Detect makes of a text.
type Guess struct {
	// Code is the language's ISO 639-1 code, such as "de" (ISO 639-3 for a
	// language that has no two-letter code); "" when no language could be
	// told at all.
	Code string
	// Reliable says the text is long enough and clear enough for the guess
	// to be taken as the article's language.
	Reliable bool
}

// Detect guesses the language of text. When a shorter sample (200 bytes)
// reads reliably as one of the likely languages, Detect takes that guess
// and reads no more: the library's time grows with the sample, and a short
// sample misreads mostly the other way, taking English for another
// language.
func Detect(text string, likely ...string) Guess {
	s := sample(text, SampleBytes)
	if len(likely) > 0 && len(s) > quickBytes {
		if g := detect(cut(s, quickBytes)); g.Reliable && slices.Contains(likely, g.Code) {
			return g
		}
	}
	return detect(s)
}

// detect guesses the language of a sample.
func detect(s string) Guess {
	info := whatlanggo.Detect(s)
	if info.Lang < 0 {
		return Guess{}
	}
	code := info.Lang.Iso6391()
	if code == "" {
		code = info.Lang.Iso6393()
	}
	return Guess{Code: code, Reliable: info.IsReliable() && len(s) >= minReliableBytes}
}

// sample returns the start of the text's prose lines, up to n bytes and
// cut after a word; the start of the text itself when it has no such line.
func sample(text string, n int) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		if b.Len() >= n {
			break
		}
		if isProse(line) {
			b.WriteString(strings.TrimSpace(line))
			b.WriteByte('\n')
		}
	}
	s := b.String()
	if s == "" {
		s = text
	}
	return cut(s, n)
}

// isProse reports whether a line reads as running text: at least four
// words, of which at most half start with a capital letter or a digit.
// Words of scripts without case count as lower case.
func isProse(line string) bool {
	words, upper := 0, 0
	for _, w := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return words >= 4 && 2*upper <= words
}

// cut returns s up to n bytes, ending before the last space within them
// (or at a character boundary when there is none).
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	head := s[:n]
	if i := strings.LastIndexAny(head, " \n"); i > 0 {
		return head[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
