package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/nlp"
)

// chunk is a run of capitalized tokens that may name something.
type chunk struct {
	first, last int // token indexes, last exclusive
	headline    bool
	caps        bool // from a sentence in capitals, where every word is capitalized
}

// nameParticles are lower-case words that may stand inside a name
// ("Ursula von der Leyen", "Charles de Gaulle").
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "der": true,
	"den": true, "van": true, "von": true, "la": true, "le": true, "bin": true, "ibn": true,
	"al": true, "el": true, "dos": true, "das": true, "ter": true, "zu": true,
}

// chunks returns the capitalized runs of doc, joined across "of" and name
// particles where that makes a known kind of name.
func (r *Recognizer) chunks(doc *nlp.Doc) []chunk {
	var out []chunk
	for _, s := range doc.Sentences {
		headline := r.isHeadline(doc.Tokens[s.First:s.Last])
		if shouting(s, doc.Tokens) {
			out = append(out, r.capsChunks(doc, s)...)
			continue
		}
		for i := s.First; i < s.Last; {
			if !r.startsName(doc, i, s) {
				i++
				continue
			}
			j := i + 1
			for j < s.Last && r.continuesName(doc, j, s.Last) {
				j++
			}
			j = r.joinOf(doc, i, j, s.Last)
			j = r.joinPairedBody(doc, i, j, s.Last)
			first, last := r.trimChunk(doc.Tokens, i, j)
			if first < last && !quotedTitle(doc.Tokens, first, last) {
				out = append(out, chunk{first: first, last: last, headline: headline})
			}
			i = j
		}
	}
	return out
}

// shouting reports whether a sentence is written in capitals, where every
// word looks like a name ("SOCCER - AUSTRIA DRAW 0-0 WITH SCOTLAND").
func shouting(s nlp.Sentence, all []nlp.Token) bool {
	toks := all[s.First:s.Last]
	letters, caps := 0, 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if strings.ToUpper(t.Text) == t.Text {
			caps++
		}
	}
	return letters >= 2 && caps*10 >= letters*8
}

// capsChunks finds names in a sentence written in capitals: the longest
// runs of up to three words that the gazetteer or the organization names
// know, and every other word on its own, as a headline candidate that is
// kept only when it names something found elsewhere in the article.
func (r *Recognizer) capsChunks(doc *nlp.Doc, s nlp.Sentence) []chunk {
	var out []chunk
	toks := doc.Tokens
	for i := s.First; i < s.Last; {
		t := toks[i]
		if !nlp.Capitalized(t.Text) || nlp.FunctionWord(t.Norm) || nlp.CalendarWord(t.Norm) || !wordy(t.Text) {
			i++
			continue
		}
		n := 1
		for k := min(3, s.Last-i); k > 1; k-- {
			if _, ok := r.gaz.Place(spanText(doc, i, i+k)); ok || r.orgName(toks, i, i+k) {
				n = k
				break
			}
		}
		out = append(out, chunk{first: i, last: i + n, headline: true, caps: true})
		i += n
	}
	return out
}

// wordy reports whether a token holds letters.
func wordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// trimChunk drops from the ends of a chunk the words that are not part of
// a name: a leading compound adjective ("Brazilian-born", "Ontario-based"),
// and trailing days, months, caption words and single letters ("Insulza
// Monday").
func (r *Recognizer) trimChunk(toks []nlp.Token, first, last int) (int, int) {
	for k := first; k < last && k < first+3; k++ {
		if r.compoundAdjective(toks[k].Text) {
			first = k + 1 // "St. Louis-based Mercantile Bancorp"
		}
	}
	for last > first && (nlp.CalendarWord(toks[last-1].Norm) && !r.monthSurname(toks, first, last) ||
		(captionWords[toks[last-1].Norm] || len(toks[last-1].Text) == 1) && last-first > 1) {
		last-- // "Insulza Monday", "Ahmed Mohamed Image", "Net Income N / A"
	}
	return first, last
}

// monthSurname reports whether the month ending the chunk [first, last) is
// the surname after a given name, not a date: "Theresa May said", not
// "Smith May 5".
func (r *Recognizer) monthSurname(toks []nlp.Token, first, last int) bool {
	if last-first < 2 || !nlp.Capitalized(toks[last-1].Text) || strings.HasSuffix(toks[last-1].Text, ".") {
		return false
	}
	if _, given := r.gaz.GivenName(toks[last-2].Text); !given {
		return false
	}
	if last >= len(toks) {
		return true
	}
	r0, _ := utf8.DecodeRuneInString(toks[last].Text)
	return !unicode.IsDigit(r0)
}

// captionWords are the words a photo caption or credit puts after a name.
var captionWords = map[string]bool{
	"image": true, "photo": true, "photograph": true, "picture": true, "credit": true, "caption": true,
	"file": true, "video": true,
}

// compoundAdjective reports whether w is a hyphenated word whose last part
// is an adjective, a participle or another common word in lower case:
// "Brazilian-born", "U.S.-based", "L-band".
func (r *Recognizer) compoundAdjective(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) || nlp.Capitalized(w[i+1:]) {
		return false
	}
	last := strings.ToLower(w[i+1:])
	// not the second part of a given name: "Kim In-so", "Lee Cheuk-yan"
	return strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing") || adjectiveEnds[last] || len(last) >= 4 && r.gaz.CommonWord(last)
}

// adjectiveEnds are the last parts of compound adjectives that do not end
// in -ed or -ing: "Brazilian-born", "U.S.-made".
var adjectiveEnds = map[string]bool{
	"born": true, "made": true, "run": true, "style": true, "like": true, "wide": true, "type": true,
	"held": true, "built": true, "bred": true, "grown": true, "owned": true, "area": true, "era": true,
}

// quotedTitle reports whether the chunk [i, j) stands alone in quotation
// marks, perhaps with a comma or period inside them: the title of a show or
// a book, not a name (“Morning Desk”, “Art Hour,”).
func quotedTitle(toks []nlp.Token, i, j int) bool {
	if j < len(toks) && (toks[j].Norm == "," || toks[j].Norm == ".") {
		j++
	}
	if i > 1 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "a") {
		i-- // “The Decaying Mansion”
	}
	return i > 0 && j < len(toks) && toks[i-1].Norm == `"` && toks[j].Norm == `"`
}

// startsName reports whether token i can start a name.
func (r *Recognizer) startsName(doc *nlp.Doc, i int, s nlp.Sentence) bool {
	t := doc.Tokens[i]
	if !nlp.Capitalized(t.Text) || nlp.ClosedClass(t.Tag) || nlp.CalendarWord(t.Norm) || functionWord(t) || interjection(t) || contraction(t.Norm) {
		return false
	}
	if !sentenceInitial(doc.Tokens, i, s.First) {
		return true
	}
	if _, cue := r.lex.Cues.Has(t.Norm); cue && !r.orgStartsAt(doc, i, s.Last) {
		return false // "Said Ana Ruiz: ...", but "State Department"
	}
	if t.Tag == "NNP" || t.Tag == "NNPS" || r.known(t) || r.placeStartsAt(doc, i, s.Last) || r.orgStartsAt(doc, i, s.Last) {
		return true
	}
	// the tagger takes unknown words at the start for common nouns; a word
	// the dictionary does not know is a name there too ("Sussex 363")
	return (strings.HasPrefix(t.Tag, "NN") || strings.HasPrefix(t.Tag, "JJ")) && !r.gaz.CommonWord(t.Text)
}

// contraction reports whether a word is a pronoun with a verb joined to it:
// "I'd", "I'll", "We're".
func contraction(norm string) bool {
	for _, end := range []string{"'d", "'ll", "'m", "'ve", "'re"} {
		if strings.HasSuffix(norm, end) {
			return true
		}
	}
	return false
}

// interjection reports whether a token is a word of talk that starts a
// sentence in transcripts ("Yeah", "Uh", "Alright"), never a name.
func interjection(t nlp.Token) bool {
	return t.Tag == "UH" || interjections[t.Norm]
}

var interjections = map[string]bool{
	"yeah": true, "yes": true, "yep": true, "nope": true, "okay": true, "alright": true,
	"uh": true, "um": true, "uhm": true, "er": true, "erm": true, "hmm": true, "mhm": true, "oh": true,
	"ah": true, "wow": true, "hey": true, "hi": true, "hello": true, "bye": true, "thanks": true, "huh": true,
}

// continuesName reports whether token j extends the name before it.
func (r *Recognizer) continuesName(doc *nlp.Doc, j, limit int) bool {
	t := doc.Tokens[j]
	if nlp.CalendarWord(t.Norm) && r.monthSurname(doc.Tokens, j-1, j+1) {
		return true // "Theresa May", though "May" is tagged a modal
	}
	if nlp.Capitalized(t.Text) && !nlp.ClosedClass(t.Tag) && !functionWord(t) {
		return true
	}
	if nameParticles[strings.TrimSuffix(t.Norm, "-")] {
		// "von der Leyen", "de la Fuente": particles, then a capital
		k := j + 1
		for k < limit && k < j+3 && nameParticles[doc.Tokens[k].Norm] {
			k++
		}
		return k < limit && nlp.Capitalized(doc.Tokens[k].Text)
	}
	if t.Norm == "&" {
		// "Douglas & Lomason Co", "Standard & Poor's"; not "Tempe & Mesa"
		// or a citation, "(Miller & Robertson, 2010)"
		return j+1 < limit && nlp.Capitalized(doc.Tokens[j+1].Text) && !r.placeAt(doc, j-1) && !r.placeAt(doc, j+1) && !citation(doc.Tokens, j+2)
	}
	return strings.HasPrefix(t.Norm, "al-") || strings.HasPrefix(t.Norm, "el-")
}

// joinOf extends the chunk [i, j) over "of" (and "of the") and the capitalized
// run after it when the words before make that a name: "Ministry of Defence",
// "University of Michigan", "Secretary of State".
func (r *Recognizer) joinOf(doc *nlp.Doc, i, j, limit int) int {
	j = r.joinOnce(doc, i, j, limit)
	for j < limit && bodyConnectors[doc.Tokens[j].Norm] {
		end := r.joinBody(doc, i, j, limit)
		if end == j {
			break
		}
		j = end
	}
	return j
}

// joinPairedBody extends a name [i, j) of one or two words and no
// organization word, after "the", over "and" and the name after it when
// that is a public body's name: "the Newfoundland and Labrador Court of
// Appeal", "the Ways and Means Committee", "the National Aeronautics and
// Space Administration"; but not "Britain and European Union officials" or
// "Browning and War Office".
func (r *Recognizer) joinPairedBody(doc *nlp.Doc, i, j, limit int) int {
	toks := doc.Tokens
	if i == 0 || toks[i-1].Norm != "the" || j-i > 2 || j+2 >= limit || toks[j].Norm != "and" || !nlp.Capitalized(toks[j+1].Text) {
		return j
	}
	for k := i; k < j; k++ {
		if r.isOrgWord(toks[k].Norm) {
			return j // "the University of California and Columbia University"
		}
	}
	end := j + 2
	for end < limit && r.continuesName(doc, end, limit) {
		end++
	}
	end = r.joinOf(doc, j+1, end, limit)
	if r.publicBody(toks, j+1, end) {
		return end
	}
	return j
}

// publicBody reports whether the name [first, last) of two words or more
// ends with, or opens with before "of", a word of the government-bodies
// rule: "Labrador Court of Appeal", "Means Committee".
func (r *Recognizer) publicBody(toks []nlp.Token, first, last int) bool {
	if last-first < 2 {
		return false
	}
	for k := first; k < last; k++ {
		e, ok := r.lex.Organizations.Has(toks[k].Norm)
		if ok && e.Rule == "government-bodies" && (k == last-1 || k > first && k+1 < last && toks[k+1].Norm == "of") {
			return true
		}
	}
	return false
}

// placeAt reports whether token i is a listed place.
func (r *Recognizer) placeAt(doc *nlp.Doc, i int) bool {
	_, ok := r.gaz.Place(doc.Tokens[i].Text)
	return ok
}

// citation reports whether a year, perhaps after a comma, or a bracketed
// reference stands at token i: "Miller & Robertson, 2010", "Carrano &
// Biewener [7]".
func citation(toks []nlp.Token, i int) bool {
	if i < len(toks) && toks[i].Norm == "," {
		i++
	}
	if i >= len(toks) {
		return false
	}
	w := toks[i].Text
	return w == "[" || len(w) == 4 && plainNumber(w)
}

// legalForms are the words that end a company's name, without a period.
var legalForms = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "llp": true, "plc": true,
	"ag": true, "gmbh": true, "nv": true, "n.v": true, "s.a": true, "bhd": true, "pty": true,
}

// bodyConnectors join the parts of a long organization's name: "Office of
// Science and Technology Policy", "Commission on Presidential Debates".
var bodyConnectors = map[string]bool{"and": true, "&": true, "on": true, "in": true}

// joinOnce extends the chunk [i, j) over "of" (or "for") and the
// capitalized run after it, or returns j.
func (r *Recognizer) joinOnce(doc *nlp.Doc, i, j, limit int) int {
	toks := doc.Tokens
	if j+1 >= limit || (toks[j].Norm != "of" && toks[j].Norm != "for") {
		return j
	}
	k := j + 1
	if toks[k].Norm == "the" && k+1 < limit {
		k++
	}
	if !nlp.Capitalized(toks[k].Text) || nlp.ClosedClass(toks[k].Tag) {
		return j
	}
	end := k + 1
	for end < limit && r.continuesName(doc, end, limit) {
		end++
	}
	if legalForms[strings.TrimSuffix(toks[j-1].Norm, ".")] {
		return j // "Daniels Pharmaceuticals Inc of St. Petersburg": where it is
	}
	_, _, title := r.lex.Titles.Ending(toks, j, i)
	if r.isOrgWord(toks[j-1].Norm) || r.isOrgWord(toks[i].Norm) || title || r.orgName(toks, i, end) {
		return end
	}
	if _, given := r.gaz.GivenName(toks[i].Text); !given && legalForms[strings.TrimSuffix(toks[end-1].Norm, ".")] {
		return end // "Gold Fields of South Africa Ltd", not "John Casesa of Schroder Wertheim & Co"
	}
	if _, ok := r.gaz.Place(spanText(doc, i, end)); ok {
		return end
	}
	return j
}

// joinBody extends an organization's name [i, j) over the connector at j
// and the capitalized run after it: the name must open with an organization
// word followed by "of" or "for" ("Office of Science"), or end with one
// before "on" ("Commission on"); after "and", the run must not be a place
// or a body's name of its own;
// "in" needs "the" or a region after it, and the run must hold no
// given name or day, nor open with a title
// ("the Ministry of Defence and Foreign Secretary Hale"); a title later in
// the run ends it ("Office of Science and Technology Policy Acting
// Director").
func (r *Recognizer) joinBody(doc *nlp.Doc, i, j, limit int) int {
	k, end, ok := r.runAfterConnector(doc, j, limit)
	if !ok || !r.joinsBody(doc, i, j, k, end) {
		return j
	}
	return r.endBeforeTitle(doc.Tokens, j, k, end)
}

// runAfterConnector returns the capitalized run [k, end) after the
// connector at j, past a "the", before limit; ok is false when no such run
// follows.
func (r *Recognizer) runAfterConnector(doc *nlp.Doc, j, limit int) (k, end int, ok bool) {
	toks := doc.Tokens
	k = j + 1
	if k >= limit {
		return 0, 0, false // the connector ends the text: "Smith &"
	}
	if toks[k].Norm == "the" && k+1 < limit {
		k++
	}
	if !nlp.Capitalized(toks[k].Text) || nlp.ClosedClass(toks[k].Tag) || functionWord(toks[k]) || nlp.CalendarWord(toks[k].Norm) {
		return 0, 0, false // "the Security Council on Friday"
	}
	end = k + 1
	for end < limit && r.continuesName(doc, end, limit) {
		end++
	}
	return k, end, true
}

// joinsBody reports whether the connector at j may join the name [i, j)
// and the run [k, end) after it into one body's name: the name opens with
// an organization word and "of" or "for", or ends with one before "on";
// "in" needs "the" or a region after it; after "and" or "&", the run is
// no place or body's name of its own.
func (r *Recognizer) joinsBody(doc *nlp.Doc, i, j, k, end int) bool {
	toks := doc.Tokens
	conn := toks[j].Norm
	if p, _ := r.gaz.Place(spanText(doc, k, end)); conn == "in" && k == j+1 && p.Type != "LOC" {
		return false // "Cooperation in Europe", not "Congress of Arts in St. Louis"
	}
	headed := j-i >= 3 && r.isOrgWord(toks[i].Norm) && (toks[i+1].Norm == "of" || toks[i+1].Norm == "for")
	ended := conn == "on" && r.isOrgWord(toks[j-1].Norm)
	if !headed && !ended {
		return false
	}
	if conn == "and" || conn == "&" {
		// not two names: "the University of California and Columbia
		// University", "the University of Birmingham and London"
		if _, place := r.gaz.Place(spanText(doc, k, end)); place || r.isOrgWord(toks[end-1].Norm) {
			return false
		}
	}
	return true
}

// endBeforeTitle returns where the body's name joined over the connector
// at j ends in the run [k, end): at end, or before a title later in the
// run, with its modifiers; j when the run opens with a title or holds a
// given name before its last word.
func (r *Recognizer) endBeforeTitle(toks []nlp.Token, j, k, end int) int {
	for m := k; m < end; m++ {
		_, _, ok := r.lex.Titles.At(toks, m, end)
		for ok && m > k+2 && titleModifiers[toks[m-1].Norm] {
			m--
		}
		if ok && m > k+1 {
			return m // "Office of Science and Technology Policy Acting Director"
		} else if ok {
			return j
		}
		if _, ok := r.gaz.GivenName(toks[m].Text); ok && m+1 < end {
			return j
		}
	}
	return end
}

// functionWord reports whether a token is a function word that happens to
// be capitalized ("In", "AT"), not an acronym that spells one ("US", "IT").
func functionWord(t nlp.Token) bool {
	return nlp.FunctionWord(t.Norm) && !(len(t.Text) <= 3 && allCaps(t.Text) && len(t.Text) > 1)
}

// placeStartsAt reports whether a place of two or three words starts at
// token i: "New York", "San Marino".
func (r *Recognizer) placeStartsAt(doc *nlp.Doc, i, limit int) bool {
	for k := 2; k <= 3 && i+k <= limit; k++ {
		if _, ok := r.gaz.Place(spanText(doc, i, i+k)); ok {
			return true
		}
	}
	return false
}

// orgStartsAt reports whether a known organization's name of several words
// starts at token i: "State Department", "White House".
func (r *Recognizer) orgStartsAt(doc *nlp.Doc, i, limit int) bool {
	_, end, ok := r.lex.OrgNames.At(doc.Tokens, i, limit)
	return ok && end > i+1
}

// known reports whether a sentence-initial token is a word the lists know.
func (r *Recognizer) known(t nlp.Token) bool {
	if _, ok := r.gaz.Place(t.Text); ok {
		return true
	}
	if _, ok := r.gaz.Demonym(t.Text); ok {
		return true
	}
	if _, ok := r.gaz.GivenName(t.Text); ok {
		return true
	}
	_, title := r.lex.Titles.Has(t.Norm)
	_, hon := r.lex.Honorifics.Has(t.Norm)
	_, org := r.lex.OrgNames.Has(t.Norm)
	return title || hon || org
}

func sentenceInitial(toks []nlp.Token, i, first int) bool {
	if i == first {
		return true
	}
	p := toks[i-1].Norm
	return p == `"` || p == "'" || p == "(" || p == ":" || p == "—" || p == "«"
}

// isHeadline reports whether a sentence is written in title case, where
// capitals say little about names: most of its longer words are
// capitalized. In a sentence with a word of its own in lower case, an
// organization's name of several words counts as one word: "The minister
// met the World Health Organization in Geneva" is prose, whose capitals
// are names, though four of its five longer words are capitalized.
func (r *Recognizer) isHeadline(toks []nlp.Token) bool {
	words, caps, prose := 0, 0, false
	for i, t := range toks {
		prose = prose || i > 0 && lowerContentWord(t)
		if longWord(t) {
			words++
			if c, _ := utf8.DecodeRuneInString(t.Text); i > 0 && unicode.IsUpper(c) {
				caps++
			}
		}
	}
	if !titleCase(words, caps) || !prose {
		return titleCase(words, caps)
	}
	n := r.orgNameWords(toks)
	return titleCase(words-n, caps-n)
}

// orgNameWords counts the long words that organizations' names of several
// long words add to a sentence beyond one each: the capitals that stand
// for one name, not for many.
func (r *Recognizer) orgNameWords(toks []nlp.Token) int {
	extra := 0
	for i := 1; i < len(toks); i++ {
		j := i
		for j < len(toks) && nlp.Capitalized(toks[j].Text) && !functionWord(toks[j]) {
			j++
		}
		if n := longWords(toks[i:j]); n >= 2 && (r.orgWordEnding(toks, i, j) || r.orgName(toks, i, j)) {
			extra += n - 1
		}
		i = j
	}
	return extra
}

// titleCase reports whether caps of a sentence's words of four letters or
// more are enough of them to make it a headline.
func titleCase(words, caps int) bool {
	return words >= 4 && caps*10 >= words*7
}

// longWord reports whether a token is a word of four letters or more, the
// words whose capitals isHeadline weighs.
func longWord(t nlp.Token) bool {
	c, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(c) && len(t.Text) >= 4
}

// longWords counts the long words in toks.
func longWords(toks []nlp.Token) int {
	n := 0
	for _, t := range toks {
		if longWord(t) {
			n++
		}
	}
	return n
}

// lowerContentWord reports whether a token is a word of three letters or
// more in lower case that is no function word or name particle ("met",
// "officials"), which a headline in title case capitalizes.
func lowerContentWord(t nlp.Token) bool {
	c, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(c) && utf8.RuneCountInString(t.Text) >= 3 && letters(t.Text) &&
		!nlp.FunctionWord(t.Norm) && !nameParticles[t.Norm]
}

func spanText(doc *nlp.Doc, first, last int) string {
	return doc.Text[doc.Tokens[first].Start:doc.Tokens[last-1].End]
}
