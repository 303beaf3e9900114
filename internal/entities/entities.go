// Package entities finds the people, organizations, places and nationalities
// in an analyzed article and links their mentions: "Putin" and "President
// Putin" are mentions of Vladimir Putin, "U.S." and "United States" one place.
//
// It works from prose's tokens and tags with the rules' titles, honorifics
// and organization words and the embedded gazetteer: capitalized runs of
// tokens are cut into title and name, each name is typed by the evidence it
// carries, and mentions that name the same thing are joined into one entity
// whose type most of its mentions support.
package entities

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
)

// Entity types.
const (
	Person       = "PERSON"
	Organization = "ORG"
	GPE          = "GPE"  // countries, cities, states
	Location     = "LOC"  // other places
	NORP         = "NORP" // nationalities and groups
	Facility     = "FAC"  // buildings, streets, bridges, airports
	Event        = "EVENT"
)

// Mention is one place where an entity is named. Offsets are bytes.
type Mention struct {
	Start, End  int
	First, Last int // token indexes, Last exclusive
	Text        string
	Title       string // the title given to the entity at this mention, if any
	Entity      int    // index in Result.Entities
}

// Entity is a person, organization, place or group named in the article.
type Entity struct {
	ID       string
	Name     string // canonical name: the fullest form used
	Type     string
	Title    string // the fullest title or role given, if any
	Gender   string // "male", "female" or "" when unknown
	Aliases  []string
	Mentions []Mention
	// Salience is how central the entity is to the article, between 0 and
	// 1; the most central entity has 1. See Result.Score.
	Salience float64
}

// Result is every entity of one article.
type Result struct {
	Entities []*Entity
	// Mentions holds every mention in text order.
	Mentions []Mention
	byToken  []int32 // token index -> index in Mentions + 1
}

// MentionAt returns the mention covering token i, if any.
func (r *Result) MentionAt(i int) (Mention, bool) {
	if i < 0 || i >= len(r.byToken) || r.byToken[i] == 0 {
		return Mention{}, false
	}
	return r.Mentions[r.byToken[i]-1], true
}

// Recognizer finds entities. It is read-only and safe for concurrent use.
type Recognizer struct {
	lex *lexicon.Lexicon
	gaz *gazetteer.Gazetteer
}

// NewRecognizer returns a Recognizer using the given word lists and gazetteer.
func NewRecognizer(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer) *Recognizer {
	return &Recognizer{lex: lex, gaz: gaz}
}

// Find returns the entities of doc. It stops early, with the context's
// error, when ctx is done.
func (r *Recognizer) Find(ctx context.Context, doc *nlp.Doc) (*Result, error) {
	var cands []candidate
	for i, c := range r.chunks(doc) {
		if err := checkEvery(ctx, i); err != nil {
			return nil, err
		}
		cands = append(cands, r.parse(doc, c)...)
	}
	r.dropTerms(doc, cands)
	return r.link(ctx, doc, cands)
}

// dropTerms keeps only as mentions of something named elsewhere the
// acronyms that the article spells out as a term: in lower case ("compact
// fluorescent lamps (CFL)") or in capitalized common words that are no
// body's name ("System Under Test (SUT)"), which go too.
func (r *Recognizer) dropTerms(doc *nlp.Doc, cands []candidate) {
	terms := map[string]bool{}
	spelled := map[int]bool{} // first token of a spelled-out term
	toks := doc.Tokens
	for i := 2; i+1 < len(toks); i++ {
		if toks[i-1].Norm != "(" || toks[i+1].Norm != ")" || capitalsOf(toks[i].Text) < 2 || !letters(toks[i-2].Text) {
			continue
		}
		if !nlp.Capitalized(toks[i-2].Text) {
			terms[toks[i].Text] = true
		} else if first, ok := r.termSpelled(toks, i-1, toks[i].Text); ok {
			terms[toks[i].Text], spelled[first] = true, true
		}
	}
	for i, c := range cands {
		if c.last-c.first == 1 && terms[toks[c.first].Text] || spelled[c.first] && toks[c.last].Norm == "(" {
			cands[i].evidence, cands[i].weak = nil, true
		}
	}
}

// termSpelled reports whether the capitalized words before token end spell
// the acronym with their initials and are common words, none of them an
// organization word, and returns the first of them: "Ground Reaction Force
// (GRF)", not "Federal Aviation Administration (FAA)".
func (r *Recognizer) termSpelled(toks []nlp.Token, end int, acronym string) (int, bool) {
	n := utf8.RuneCountInString(acronym)
	first := end
	var initials strings.Builder
	for k := end - 1; k >= 0 && end-k <= n+2 && toks[k].Sent == toks[end].Sent; k-- {
		w := toks[k].Text
		if nlp.Capitalized(w) {
			first = k
		} else if !nlp.FunctionWord(toks[k].Norm) {
			break
		}
	}
	for k := first; k < end; k++ {
		w := toks[k].Text
		if !nlp.Capitalized(w) {
			continue
		}
		if !r.gaz.CommonWord(strings.ToLower(w)) || r.isOrgWord(toks[k].Norm) {
			return 0, false // "National League for Democracy (NLD)" is a body
		}
		r0, _ := utf8.DecodeRuneInString(w)
		initials.WriteRune(r0)
	}
	return first, first < end && strings.EqualFold(initials.String(), acronym)
}

// letters reports whether w is made of letters only.
func letters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// capitalsOf counts the capital letters of w.
func capitalsOf(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// checkEvery returns the context's error at every 256th step i of a loop,
// when ctx is done: often enough to stop within a moment, seldom enough to
// cost nothing.
func checkEvery(ctx context.Context, i int) error {
	if i%256 != 0 {
		return nil
	}
	return ctx.Err()
}

// finish numbers the entities, sorts their mentions and builds the index.
func (res *Result) finish(ntokens int) {
	res.byToken = make([]int32, ntokens)
	for i, m := range res.Mentions {
		for t := m.First; t < m.Last; t++ {
			res.byToken[t] = int32(i + 1)
		}
	}
	for i, e := range res.Entities {
		e.ID = fmt.Sprintf("e%d", i+1)
	}
}

// Score sets each entity's salience from how often it is named, how early
// it first appears and how many quotes it speaks (spoken maps an entity's
// index to its quotes): mentions + 2 × quotes + 2 × (1 - first position /
// length), scaled so that the most central entity has 1.
func (r *Result) Score(spoken map[int]int, textLen int) {
	raw := make([]float64, len(r.Entities))
	top := 0.0
	for i, e := range r.Entities {
		raw[i] = float64(len(e.Mentions)) + 2*float64(spoken[i])
		if len(e.Mentions) > 0 && textLen > 0 {
			raw[i] += 2 * (1 - float64(e.Mentions[0].Start)/float64(textLen))
		}
		top = max(top, raw[i])
	}
	for i, e := range r.Entities {
		if top > 0 {
			e.Salience = float64(int(raw[i]/top*100+0.5)) / 100
		}
	}
}
