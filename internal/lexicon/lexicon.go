// Package lexicon compiles the word lists of a rules.Set into phrase tables
// that the entity and quote stages look tokens up in.
//
// A Lexicon is built once per process from the rules and shared read-only by
// every article.
package lexicon

import (
	"strings"

	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// Entry is one phrase of a word list, with what its rule says about it.
type Entry struct {
	Words   []string // normalized words (rules.NormalizeWord)
	Rule    string   // id of the rule that lists it
	Gender  string   // "male", "female" or ""
	Class   string   // for cues: the cue class
	Inflect string   // for cues: verb, noun or none
}

// Phrases is a table of phrases of one kind, found by their first word.
type Phrases struct {
	byFirst map[string][]Entry
}

// Add puts a phrase (already split into normalized words) in the table.
func (p *Phrases) Add(e Entry) {
	if len(e.Words) == 0 {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]Entry{}
	}
	p.byFirst[e.Words[0]] = append(p.byFirst[e.Words[0]], e)
}

// Len returns the number of first words in the table.
func (p *Phrases) Len() int { return len(p.byFirst) }

// At returns the longest phrase that starts at token i and ends before token
// limit, and the index just past it.
func (p *Phrases) At(toks []nlp.Token, i, limit int) (Entry, int, bool) {
	return p.AtWhere(toks, i, limit, nil)
}

// AtWhere is At among the phrases that keep accepts (all when keep is nil).
func (p *Phrases) AtWhere(toks []nlp.Token, i, limit int, keep func(Entry) bool) (Entry, int, bool) {
	if i >= limit {
		return Entry{}, i, false
	}
	var best Entry
	bestEnd := -1
	for _, e := range p.byFirst[toks[i].Norm] {
		end := i + len(e.Words)
		if end > limit || end <= bestEnd || keep != nil && !keep(e) {
			continue
		}
		if wordsAt(toks, i, e.Words) {
			best, bestEnd = e, end
		}
	}
	if bestEnd < 0 {
		return Entry{}, i, false
	}
	return best, bestEnd, true
}

// Ending returns the longest phrase that ends just before token end and
// starts at or after token floor, and the index of its first token.
func (p *Phrases) Ending(toks []nlp.Token, end, floor int) (Entry, int, bool) {
	for start := max(floor, end-6); start < end; start++ {
		if e, stop, ok := p.At(toks, start, end); ok && stop == end {
			return e, start, true
		}
	}
	return Entry{}, end, false
}

// Has reports whether the single word w (normalized) is a one-word phrase.
func (p *Phrases) Has(w string) (Entry, bool) {
	for _, e := range p.byFirst[w] {
		if len(e.Words) == 1 {
			return e, true
		}
	}
	return Entry{}, false
}

func wordsAt(toks []nlp.Token, i int, words []string) bool {
	for k, w := range words {
		if toks[i+k].Norm != w {
			return false
		}
	}
	return true
}

// Lexicon holds every word list of a rule set.
type Lexicon struct {
	Titles        Phrases
	Honorifics    Phrases
	Roles         Phrases // includes the titles, in lower case, and plurals
	Organizations Phrases // words that mark an organization's name
	OrgNames      Phrases // whole names of organizations
	Places        Phrases // words that mark a natural place's name
	Facilities    Phrases // words that mark a building's or structure's name
	Events        Phrases // words that mark an event's name
	Cues          Phrases
}

// New compiles the word lists of set.
func New(set *rules.Set) *Lexicon {
	lx := &Lexicon{}
	for _, list := range []struct {
		rules    []*rules.WordRule
		into     []*Phrases // the lists that get each word
		plurals  []*Phrases // the lists that also get each word's plural
		gendered bool       // whether the rule's gender goes with its words
	}{
		{set.Titles, []*Phrases{&lx.Titles, &lx.Roles}, []*Phrases{&lx.Roles}, true},
		{set.Honorifics, []*Phrases{&lx.Honorifics}, nil, true},
		{set.Roles, []*Phrases{&lx.Roles}, []*Phrases{&lx.Roles}, true},
		{set.Organizations, []*Phrases{&lx.Organizations}, nil, true},
		{set.OrgNames, []*Phrases{&lx.OrgNames}, nil, false},
		{set.Places, []*Phrases{&lx.Places}, nil, false},
		{set.Facilities, []*Phrases{&lx.Facilities}, nil, false},
		{set.Events, []*Phrases{&lx.Events}, nil, false},
	} {
		for _, r := range list.rules {
			gender := ""
			if list.gendered {
				gender = r.Gender
			}
			for _, w := range r.Words {
				for _, into := range list.into {
					into.Add(entry(w, r.ID, gender))
				}
				for _, into := range list.plurals {
					into.Add(entry(rules.Plural(w), r.ID, gender))
				}
			}
		}
	}
	for _, r := range set.Cues {
		for _, form := range r.Forms {
			lx.Cues.Add(Entry{Words: normalizeAll(form), Rule: r.ID, Class: r.Class, Inflect: r.Inflect})
		}
	}
	return lx
}

func entry(phrase, rule, gender string) Entry {
	return Entry{Words: normalizeAll(strings.Fields(phrase)), Rule: rule, Gender: gender}
}

func normalizeAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = rules.NormalizeWord(w)
	}
	return out
}
