// Package nlp splits an article's text into paragraphs, sentences and tokens
// and tags each token with its part of speech, using prose v3.
//
// All offsets are byte offsets into the text, end exclusive; the record stage
// turns them into code-point offsets for output. The Analyzer holds prose's
// models, loaded once, and is safe for concurrent use.
package nlp

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/extract-news/extract/rules"
)

// Token is one word or punctuation mark.
type Token struct {
	Text  string // exactly as in the source
	Norm  string // lower case, with curly quotes and apostrophes made straight
	Tag   string // Penn Treebank part of speech
	Start int    // byte offset of Text in the document
	End   int    // byte offset just past Text
	Sent  int    // index of the sentence holding the token
}

// Sentence is a run of tokens ending with sentence punctuation or a
// paragraph break.
type Sentence struct {
	Start, End  int // byte offsets
	First, Last int // token indexes, Last exclusive
	Para        int // index of the paragraph holding it
}

// Paragraph is a block of text between line breaks (or blank lines, when the
// text has any).
type Paragraph struct {
	Start, End  int // byte offsets
	First, Last int // sentence indexes, Last exclusive
}

// Doc is an analyzed text.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph
}

// Analyzer tokenizes, segments and tags text. It is safe for concurrent use.
type Analyzer struct {
	tokenizer *tokenize.Tokenizer
	segmenter *segment.Segmenter
	tagger    *tag.Tagger
	abbrevs   map[string]bool // lower case, with the final period
}

// NewAnalyzer loads prose's segmenter and tagger models. abbrevs are
// abbreviations, such as "Gen." and "Sen.", after which a sentence does not
// end however the segmenter sees it.
func NewAnalyzer(abbrevs []string) (*Analyzer, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading the sentence model: %w", err)
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("loading the part-of-speech model: %w", err)
	}
	a := &Analyzer{tokenizer: tokenize.New(), segmenter: seg, tagger: tg, abbrevs: map[string]bool{}}
	for _, ab := range abbrevs {
		if strings.HasSuffix(ab, ".") {
			a.abbrevs[strings.ToLower(ab)] = true
		}
	}
	return a, nil
}

// segment splits a paragraph into sentence ranges. It joins a sentence to
// the next when it ends with a known abbreviation or an initial ("Lt. Gen.
// Mark Hale", "Vann R. Newkirk"), or when the next starts in lower case or
// with a comma or a closing parenthesis ("(R-Fla.) said"); and it splits
// sentences that a typing slip glued together ("Ruiz said.The vote").
func (a *Analyzer) segment(text string) [][2]int {
	var out [][2]int
	for _, s := range a.segmenter.Segment(text) {
		if n := len(out); n > 0 && (a.endsWithAbbrev(text[out[n-1][0]:out[n-1][1]]) || continues(s.Text)) {
			out[n-1][1] = s.End()
			continue
		}
		out = append(out, [2]int{s.Start, s.End()})
	}
	return splitGlued(text, out)
}

// gluedEnd matches a sentence's end with no space before the next
// sentence: a lower-case word of two letters or more, its period, question
// or exclamation mark (and a closing quotation mark), then a capitalized
// word ("said.Trump", "voters!”After") or a dash and a capital, as in a
// byline glued to the last sentence of a news brief ("Spain.”--Ann Lee.").
// Web addresses ("Politico.com") and abbreviations ("U.S.Army") do not
// match. Its group is where the next sentence starts.
var gluedEnd = regexp.MustCompile(`\p{Ll}{2}[.!?]["”’]?(\p{Lu}\p{Ll}|(?:--|—)\p{Lu})`)

// splitGlued splits each sentence range at the glued ends inside it.
func splitGlued(text string, sents [][2]int) [][2]int {
	var out [][2]int
	for _, s := range sents {
		start := s[0]
		for _, m := range gluedEnd.FindAllStringSubmatchIndex(text[s[0]:s[1]], -1) {
			cut := s[0] + m[2]
			out = append(out, [2]int{start, cut})
			start = cut
		}
		out = append(out, [2]int{start, s[1]})
	}
	return out
}

func (a *Analyzer) endsWithAbbrev(sentence string) bool {
	i := strings.LastIndexAny(sentence, " \t\n(")
	last := sentence[i+1:]
	if r := []rune(last); len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.' {
		return true // an initial
	}
	return a.abbrevs[strings.ToLower(last)]
}

// continues reports whether a sentence cannot start a new one.
func continues(sentence string) bool {
	r, _ := utf8.DecodeRuneInString(sentence)
	return unicode.IsLower(r) || strings.ContainsRune(",);:", r)
}

// Analyze splits text into paragraphs, sentences and tagged tokens. It stops
// early, with the context's error, when ctx is done.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Doc, error) {
	doc := &Doc{Text: text}
	for _, p := range Paragraphs(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		para := Paragraph{Start: p[0], End: p[1], First: len(doc.Sentences)}
		for _, s := range a.segment(text[p[0]:p[1]]) {
			if err := ctx.Err(); err != nil {
				return nil, err // a paragraph may be all the article
			}
			a.addSentence(doc, p[0]+s[0], p[0]+s[1], len(doc.Paragraphs))
		}
		para.Last = len(doc.Sentences)
		doc.Paragraphs = append(doc.Paragraphs, para)
	}
	return doc, nil
}

// addSentence tokenizes and tags one sentence and appends it to doc.
func (a *Analyzer) addSentence(doc *Doc, start, end, para int) {
	first := len(doc.Tokens)
	sent := len(doc.Sentences)
	for _, t := range a.tokenize(doc.Text[start:end]) {
		s := start + t.Start
		if a.strayPeriod(doc.Text, t.Text, s) {
			// "backed by Joe Kim. He said": the period ends the sentence
			n := len(t.Text) - 1
			doc.Tokens = append(doc.Tokens, Token{Text: t.Text[:n], Norm: normalize(t.Text[:n]), Start: s, End: s + n, Sent: sent})
			s, t.Text = s+n, "."
		}
		doc.Tokens = append(doc.Tokens, Token{Text: t.Text, Norm: normalize(t.Text), Start: s, End: s + len(t.Text), Sent: sent})
	}
	toks := doc.Tokens[first:]
	if len(toks) == 0 {
		return
	}
	a.tag(toks)
	doc.Sentences = append(doc.Sentences, Sentence{Start: start, End: end, First: first, Last: len(doc.Tokens), Para: para})
}

// normalize returns a token's Norm. When it is the token's text, as for most
// words, it shares the text's bytes instead of holding a copy.
func normalize(text string) string {
	if norm := rules.NormalizeWord(text); norm != text {
		return norm
	}
	return text
}

// tokenize is prose's tokenizer, with two repairs: tokens it leaves joined
// at dashes and ellipses ("Ukraine—a", "plan”…") are cut apart and
// tokenized again, and a period it cuts off an initial or an abbreviation
// ("Vann R. Newkirk", "(R-Fla.)", "R-Ky.,") is put back.
func (a *Analyzer) tokenize(text string) []tokenize.Token {
	runs := longRuns(text)
	if len(runs) == 0 {
		return a.proseTokens(text)
	}
	var out []tokenize.Token
	start := 0
	for _, run := range runs {
		out = a.appendShifted(out, a.proseTokens(text[start:run[0]]), start)
		out = append(out, plainTokens(text, run[0], run[1])...)
		start = run[1]
	}
	return a.appendShifted(out, a.proseTokens(text[start:]), start)
}

func (a *Analyzer) appendShifted(out, toks []tokenize.Token, by int) []tokenize.Token {
	for _, t := range toks {
		t.Start += by
		out = append(out, t)
	}
	return out
}

// maxRun is the longest run of text without white space that prose's
// tokenizer is given: its time grows with the square of a run's length.
// Longer runs (a line of punctuation, pasted data) are cut by plainTokens.
const maxRun = 100

// longRuns returns the byte ranges of the runs of text without white space
// that are longer than maxRun.
func longRuns(text string) [][2]int {
	var runs [][2]int
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 && i-start > maxRun {
				runs = append(runs, [2]int{start, i})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 && len(text)-start > maxRun {
		runs = append(runs, [2]int{start, len(text)})
	}
	return runs
}

// plainTokens cuts text[start:end] into runs of letters and digits and
// single other characters.
func plainTokens(text string, start, end int) []tokenize.Token {
	var out []tokenize.Token
	word := -1
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:end])
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word >= 0 && !letter {
			out = append(out, tokenize.Token{Text: text[word:i], Start: word})
			word = -1
		}
		if !letter {
			out = append(out, tokenize.Token{Text: text[i : i+size], Start: i})
		} else if word < 0 {
			word = i
		}
		i += size
	}
	if word >= 0 {
		out = append(out, tokenize.Token{Text: text[word:end], Start: word})
	}
	return out
}

// proseTokens tokenizes text that holds no long run.
func (a *Analyzer) proseTokens(text string) []tokenize.Token {
	toks := a.tokenizer.Tokenize(text)
	out := make([]tokenize.Token, 0, len(toks)+4)
	for _, t := range toks {
		if q := leadingDoubleMark(t.Text); q > 0 && q < len(t.Text) {
			out = append(out, tokenize.Token{Text: t.Text[:q], Start: t.Start})
			for _, st := range a.tokenizer.Tokenize(t.Text[q:]) {
				st.Start += t.Start + q
				out = a.appendJoined(text, out, st)
			}
			continue
		}
		if k := contractionAt(t.Text); k > 0 {
			out = append(out, tokenize.Token{Text: t.Text[:k], Start: t.Start}, tokenize.Token{Text: t.Text[k:], Start: t.Start + k})
			continue
		}
		pieces := splitToken(t.Text)
		if len(pieces) == 1 {
			out = a.appendJoined(text, out, t)
			continue
		}
		for _, p := range pieces {
			sub := t.Text[p[0]:p[1]]
			if utf8.RuneCountInString(sub) == 1 {
				out = append(out, tokenize.Token{Text: sub, Start: t.Start + p[0]})
				continue
			}
			for _, st := range a.tokenizer.Tokenize(sub) {
				st.Start += t.Start + p[0]
				out = a.appendJoined(text, out, st)
			}
		}
	}
	return out
}

// strayPeriod reports whether token t is a word that prose's tokenizer left
// holding the period that ends its sentence, because the segmenter did not
// see the end ("Joe Kim. He", "San Francisco Bay. Long"): a capitalised
// word of two letters or more with no other period, no abbreviation or
// initial, at the end of a line or followed by a space and a capital (for
// a word of up to three letters, a capitalised function word).
func (a *Analyzer) strayPeriod(text, w string, start int) bool {
	if len(w) < 3 || !strings.HasSuffix(w, ".") || strings.Count(w, ".") > 1 || !Capitalized(w) {
		return false
	}
	if a.abbrevs[strings.ToLower(w)] || nameAbbrevs[strings.ToLower(w)] || strings.ToUpper(w) == w {
		return false
	}
	rest := text[start+len(w):]
	if strings.TrimSpace(rest) == "" {
		return true // the end of the text
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsSpace(r) {
		return false
	}
	after := strings.TrimLeftFunc(rest, unicode.IsSpace)
	next, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(next) {
		return strings.HasPrefix(rest, "\n") // the end of a line
	}
	// a short word may be an abbreviation the lists lack ("Del. Stacey
	// Plaskett"); it ends the sentence when a function word follows
	word, _, _ := strings.Cut(after, " ")
	return utf8.RuneCountInString(w) > 4 || FunctionWord(strings.ToLower(word))
}

// nameAbbrevs are abbreviations that end names: "Jr.", "Ave.".
var nameAbbrevs = map[string]bool{
	"jr.": true, "sr.": true, "no.": true, "st.": true, "mt.": true, "ft.": true, "ave.": true,
	"blvd.": true, "rd.": true, "bros.": true, "esq.": true, "dr.": true, "mr.": true, "mrs.": true,
	"ms.": true, "messrs.": true, "prof.": true, "gov.": true, "sen.": true, "rep.": true, "gen.": true,
}

// contractionAt returns where the contraction "'d" or "'ve" that prose
// leaves joined to its word starts ("he'd", "They’ve": the word, then
// "'d" as "'ll" and "'s" already are), or 0.
func contractionAt(w string) int {
	for _, suffix := range []string{"'d", "\u2019d", "'ve", "\u2019ve"} {
		k := len(w) - len(suffix)
		if k > 0 && strings.EqualFold(w[k:], suffix) && strings.IndexFunc(w[:k], func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			return k
		}
	}
	return 0
}

// leadingDoubleMark returns the length of a quotation mark written with two
// apostrophes or backquotes at the start of w (as in ”In), or 0.
func leadingDoubleMark(w string) int {
	if strings.HasPrefix(w, "''") || strings.HasPrefix(w, "``") {
		return 2
	}
	return 0
}

// appendJoined appends t, or joins it to the token before when t is a
// period that belongs to it (after an initial or a known abbreviation such
// as "Corp.", or before a comma or a closing parenthesis) or the second
// apostrophe of a quotation mark written with two apostrophes.
func (a *Analyzer) appendJoined(text string, out []tokenize.Token, t tokenize.Token) []tokenize.Token {
	n := len(out)
	if n == 0 || out[n-1].Start+len(out[n-1].Text) != t.Start {
		return append(out, t)
	}
	if prev := out[n-1].Text; (prev == "'" || prev == "`") && strings.HasPrefix(t.Text, prev) {
		// two apostrophes make a quotation mark: "'" + "'Some" is "''" + "Some"
		out[n-1].Text = text[out[n-1].Start : t.Start+1]
		if len(t.Text) > 1 {
			out = append(out, tokenize.Token{Text: t.Text[1:], Start: t.Start + 1})
		}
		return out
	}
	if irishName(out[n-1].Text, t.Text) {
		// "O" + "’Malley" is one name
		out[n-1].Text = text[out[n-1].Start : t.Start+len(t.Text)]
		return out
	}
	if t.Text != "." {
		return append(out, t)
	}
	prev := out[n-1]
	initial := utf8.RuneCountInString(prev.Text) == 1 && unicode.IsUpper([]rune(prev.Text)[0])
	end := t.Start + 1
	attached := end < len(text) && strings.IndexByte(",);:", text[end]) >= 0
	if !initial && !attached && !a.abbrevs[strings.ToLower(prev.Text)+"."] {
		return append(out, t)
	}
	out[n-1].Text = text[prev.Start:end]
	return out
}

// irishName reports whether a capital letter and the word after it make a
// name with an apostrophe inside, which prose splits after the letter:
// "O" and "’Malley", "D" and "'Souza".
func irishName(prev, w string) bool {
	if utf8.RuneCountInString(prev) != 1 || !unicode.IsUpper([]rune(prev)[0]) {
		return false
	}
	rest, ok := strings.CutPrefix(w, "'")
	if !ok {
		rest, ok = strings.CutPrefix(w, "\u2019")
	}
	return ok && Capitalized(rest) && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// tag tags a sentence's tokens. The tagger was trained on text with ASCII
// quotation marks written “ and ”, so it sees the tokens in that form.
func (a *Analyzer) tag(toks []Token) {
	words := make([]tag.Token, len(toks))
	for i := range toks {
		words[i].Text = taggerForm(toks, i)
	}
	a.tagger.TagTokens(words)
	for i := range toks {
		toks[i].Tag = fixTag(toks[i], words[i].Tag)
	}
}

func taggerForm(toks []Token, i int) string {
	t := toks[i]
	switch t.Norm {
	case `"`:
		if IsOpeningQuote(toks, i) {
			return "``"
		}
		return "''"
	case "'s", "'re", "'ll", "'ve", "'m", "'d", "n't":
		return t.Norm
	}
	if strings.ContainsRune(t.Text, '\u2019') {
		return strings.ReplaceAll(t.Text, "\u2019", "'")
	}
	return t.Text
}

// IsOpeningQuote reports whether the quotation mark token i opens a quote.
// Typographic marks say which they are, except an opening mark typed where
// a closing one belongs: attached to the word before it and followed by a
// space ("Apparently not,“ he said").
//
// Guillemets open and close either way round («…» and German »…«): one
// attached to the word before it and to no word after it closes, and »
// opens only before a word. Corner brackets (「…」, 『…』) say which they are.
func IsOpeningQuote(toks []Token, i int) bool {
	attachedBefore := i > 0 && toks[i-1].End == toks[i].Start
	switch toks[i].Text {
	case "\u201c", "\u201e", "``":
		return !(attachedBefore && (i+1 == len(toks) || toks[i+1].Start > toks[i].End))
	case "\u00ab":
		return !attachedBefore || wordAfter(toks, i)
	case "\u00bb":
		return !attachedBefore && wordAfter(toks, i)
	case "\u300c", "\u300e":
		return true
	case "\u201d", "\u300d", "\u300f":
		return false
	}
	if i == 0 {
		return true
	}
	if toks[i-1].End < toks[i].Start { // space before the mark
		return i+1 >= len(toks) || toks[i+1].Start == toks[i].End
	}
	return strings.ContainsAny(toks[i-1].Text, "([{—–")
}

// wordAfter reports whether a letter or digit follows token i with no
// space between.
func wordAfter(toks []Token, i int) bool {
	if i+1 == len(toks) || toks[i+1].Start > toks[i].End {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i+1].Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// fixTag corrects tags the model gets wrong: punctuation it never saw,
// capitalized names it takes for function words ("Weaver/WDT"), and words
// it takes for marks.
func fixTag(t Token, tag string) string {
	if Capitalized(t.Text) && (ClosedClass(tag) && !closedWords[t.Norm] || symbolTag(tag)) {
		return "NNP" // "Weaver/WDT", "Warwickshire/$"
	}
	if symbolTag(tag) && isWord(t.Text) && !closedWords[t.Norm] {
		return "NN" // a word after a quotation taken for a mark: "one user/`` wrote"
	}
	switch t.Norm {
	case "—", "-", "--":
		return ":"
	case "…", "...":
		return ":"
	case "'s":
		if tag != "VBZ" {
			return "POS"
		}
	}
	return tag
}

// splitToken cuts a token where prose leaves marks inside it: dashes,
// ellipses and quotation marks ("Ukraine—a", "optimistic…", "him.”―",
// "said,“Look"). It returns byte ranges within text.
func splitToken(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		if !innerBreak(text, i, r) {
			continue
		}
		if r == '\u2013' && i > 0 && i+3 < len(text) && isDigitAt(text, i-1) && isDigitAt(text, i+3) {
			continue // 2014–2022 stays one token
		}
		if start < i {
			out = append(out, [2]int{start, i})
		}
		n := utf8.RuneLen(r)
		out = append(out, [2]int{i, i + n})
		start = i + n
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func isDigitAt(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

// innerBreak reports whether the character r at byte i of a token must
// stand as a token of its own: a dash, an ellipsis, a typographic quotation
// mark of any language („…“, «…», 「…」), or a straight one after
// punctuation ("said,“Look", "Clinton:"We").
func innerBreak(text string, i int, r rune) bool {
	switch r {
	case '\u2014', '\u2013', '\u2015', '\u2026', '\u201c', '\u201d', '\u201e',
		'\u00ab', '\u00bb', '\u300c', '\u300d', '\u300e', '\u300f':
		return true
	case '"':
		return i > 0 && strings.IndexByte(",:;.", text[i-1]) >= 0
	}
	return false
}

// Paragraphs returns the byte ranges of the paragraphs of text, without the
// surrounding white space. Each line is a paragraph, unless the text is
// wrapped at a fixed width and has blank lines: then paragraphs are the
// blocks between blank lines.
func Paragraphs(text string) [][2]int {
	sep := "\n"
	if hasBlankLine(text) && hardWrapped(text) {
		sep = "\n\n"
	}
	var out [][2]int
	for start := 0; start < len(text); {
		end := nextBreak(text, start, sep == "\n\n")
		s, e := trimSpaceRange(text, start, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end + 1
	}
	return out
}

// maxWrapWidth is the longest line, in bytes, of text wrapped at a fixed
// width (72 or 80 columns, with room for UTF-8).
const maxWrapWidth = 100

// hardWrapped reports whether text reads as wrapped at a fixed width: it has
// several lines and none longer than maxWrapWidth. News text with a
// paragraph on each line has longer lines.
func hardWrapped(text string) bool {
	lines, longest := 0, 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) != "" {
			lines++
		}
		longest = max(longest, len(line))
	}
	return lines >= 3 && longest <= maxWrapWidth
}

// nextBreak returns the offset of the next paragraph break at or after start:
// a newline, or, when blank is true, a newline followed by a blank line.
func nextBreak(text string, start int, blank bool) int {
	for i := start; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		if !blank {
			return i
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j >= len(text) || text[j] == '\n' {
			return i
		}
	}
	return len(text)
}

func hasBlankLine(text string) bool {
	for i := strings.IndexByte(text, '\n'); i >= 0 && i < len(text); {
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return strings.TrimSpace(text[j:]) != "" && strings.TrimSpace(text[:i]) != ""
		}
		k := strings.IndexByte(text[j:], '\n')
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

func trimSpaceRange(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// Capitalized reports whether w starts with an upper-case letter.
func Capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// ClosedClass reports whether a tag is of a closed word class (pronouns,
// determiners, prepositions, conjunctions ...), whose words never start or
// continue a name even when capitalized ("The", "I", "However").
func ClosedClass(tag string) bool {
	switch tag {
	case "PRP", "PRP$", "DT", "IN", "CC", "MD", "TO", "WDT", "WP", "WP$", "WRB", "EX", "PDT", "UH":
		return true
	}
	return false
}

// CalendarWord reports whether a normalized word names a month or a day of
// the week, which never starts a name nor speaks.
func CalendarWord(norm string) bool {
	switch norm {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.", "sept.", "sept",
		"sep.", "oct.", "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.":
		return true
	}
	return false
}

// FunctionWord reports whether a normalized word is an English function
// word: a determiner, pronoun, preposition, conjunction, wh-word or modal.
func FunctionWord(norm string) bool { return closedWords[norm] }

// symbolTag reports whether a tag is for a symbol or punctuation mark.
// isWord reports whether s is made of letters only.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func symbolTag(tag string) bool {
	switch tag {
	case "$", "#", "SYM", ":", "''", "``", ",", ".", "(", ")", "LS":
		return true
	}
	return false
}

// closedWords are the English function words: determiners, pronouns,
// prepositions, conjunctions, wh-words and modals.
var closedWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those some any no every each either neither
		all both half several many much few little more most less least other another such what which
		whose whatever whichever i me my mine myself you your yours yourself yourselves he him his himself
		she her hers herself it its itself we us our ours ourselves they them their theirs themselves one
		who whom whoever where when why how whereas whether if unless because since although though while
		and or but nor so yet for of in on at to from by with without within into onto upon about above
		below over under after before between among through throughout during against toward towards
		across along around behind beyond beside besides despite except like near off out past per than
		till until up down via amid amidst can could may might must shall should will would ought
		there here not as lest once then`) {
		m[w] = true
	}
	return m
}()
