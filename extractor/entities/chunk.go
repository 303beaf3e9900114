package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-news/extract/extractor/nlp"
)

// chunk is a run of capitalized tokens that may name something.
type chunk struct {
	first, last int // token indexes, last exclusive
	headline    bool
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
		headline := isHeadline(doc.Tokens[s.First:s.Last])
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
			if !quotedTitle(doc.Tokens, i, j) {
				out = append(out, chunk{first: i, last: j, headline: headline})
			}
			i = j
		}
	}
	return out
}

// quotedTitle reports whether the chunk [i, j) stands alone in quotation
// marks, perhaps with a comma or period inside them: the title of a show or
// a book, not a name (“Morning Desk”, “Art Hour,”).
func quotedTitle(toks []nlp.Token, i, j int) bool {
	if j < len(toks) && (toks[j].Norm == "," || toks[j].Norm == ".") {
		j++
	}
	return i > 0 && j < len(toks) && toks[i-1].Norm == `"` && toks[j].Norm == `"`
}

// startsName reports whether token i can start a name.
func (r *Recognizer) startsName(doc *nlp.Doc, i int, s nlp.Sentence) bool {
	t := doc.Tokens[i]
	if !nlp.Capitalized(t.Text) || nlp.ClosedClass(t.Tag) || nlp.CalendarWord(t.Norm) {
		return false
	}
	if !sentenceInitial(doc.Tokens, i, s.First) {
		return true
	}
	if _, cue := r.lex.Cues.Has(t.Norm); cue {
		return false // "Said Ana Ruiz: ..."
	}
	return t.Tag == "NNP" || t.Tag == "NNPS" || r.known(t)
}

// continuesName reports whether token j extends the name before it.
func (r *Recognizer) continuesName(doc *nlp.Doc, j, limit int) bool {
	t := doc.Tokens[j]
	if nlp.Capitalized(t.Text) && !nlp.ClosedClass(t.Tag) {
		return true
	}
	if nameParticles[strings.TrimSuffix(t.Norm, "-")] && j+1 < limit && nlp.Capitalized(doc.Tokens[j+1].Text) {
		return true
	}
	return strings.HasPrefix(t.Norm, "al-") || strings.HasPrefix(t.Norm, "el-")
}

// joinOf extends the chunk [i, j) over "of" (and "of the") and the capitalized
// run after it when the words before make that a name: "Ministry of Defence",
// "University of Michigan", "Secretary of State".
func (r *Recognizer) joinOf(doc *nlp.Doc, i, j, limit int) int {
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
	_, _, title := r.lex.Titles.Ending(toks, j, i)
	if r.isOrgWord(toks[j-1].Norm) || r.isOrgWord(toks[i].Norm) || title {
		return end
	}
	if _, ok := r.gaz.Place(spanText(doc, i, end)); ok {
		return end
	}
	return j
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
	return title || hon
}

func sentenceInitial(toks []nlp.Token, i, first int) bool {
	if i == first {
		return true
	}
	p := toks[i-1].Norm
	return p == `"` || p == "'" || p == "(" || p == ":" || p == "—" || p == "«"
}

// isHeadline reports whether a sentence is written in title case, where
// capitals say little about names.
func isHeadline(toks []nlp.Token) bool {
	words, caps := 0, 0
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) || len(t.Text) < 4 {
			continue
		}
		words++
		if i > 0 && unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

func spanText(doc *nlp.Doc, first, last int) string {
	return doc.Text[doc.Tokens[first].Start:doc.Tokens[last-1].End]
}
