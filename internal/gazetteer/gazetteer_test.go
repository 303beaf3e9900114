package gazetteer

import (
	"slices"
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return loaded
}

func TestPlace(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name, typ, country string
	}{
		{"Moscow", "GPE", "RU"},
		{"ST LOUIS", "GPE", "US"},
		{"St Petersburg", "GPE", "RU"},
		{"MOSCOW", "GPE", "RU"},
		{"Kyiv", "GPE", "UA"},
		{"Kiev", "GPE", "UA"},
		{"Kharkiv", "GPE", "UA"},
		{"Paris", "GPE", "FR"},
		{"Florida", "GPE", "US"},
		{"United States", "GPE", "US"},
		{"U.S.", "GPE", "US"},
		{"US", "GPE", "US"},
		{"USA", "GPE", "US"},
		{"America", "GPE", "US"},
		{"United Kingdom", "GPE", "GB"},
		{"UK", "GPE", "GB"},
		{"U.K.", "GPE", "GB"},
		{"Britain", "GPE", "GB"},
		{"Great Britain", "GPE", "GB"},
		{"Russia", "GPE", "RU"},
		{"Russian Federation", "GPE", "RU"},
		{"South Korea", "GPE", "KR"},
		{"North Korea", "GPE", "KP"},
		{"Iran", "GPE", "IR"},
		{"Syria", "GPE", "SY"},
		{"Vietnam", "GPE", "VN"},
		{"Laos", "GPE", "LA"},
		{"Bolivia", "GPE", "BO"},
		{"Venezuela", "GPE", "VE"},
		{"Tanzania", "GPE", "TZ"},
		{"Moldova", "GPE", "MD"},
		{"Czech Republic", "GPE", "CZ"},
		{"Czechia", "GPE", "CZ"},
		{"Ivory Coast", "GPE", "CI"},
		{"Côte d'Ivoire", "GPE", "CI"},
		{"Côte d\u2019Ivoire", "GPE", "CI"}, // curly apostrophe
		{"Taiwan", "GPE", "TW"},
		{"Palestine", "GPE", "PS"},
		{"Washington", "GPE", "US"},
		{"New York", "GPE", "US"},
		{"São Paulo", "GPE", "BR"},
		{"Sao Paulo", "GPE", "BR"},
		{"St. Petersburg", "GPE", "RU"},
		{"Wellington", "GPE", "NZ"},
		{"Alberta", "GPE", "CA"},
		{"Bali", "GPE", "ID"},
		{"Europe", "LOC", ""},
		{"Antarctica", "LOC", ""},
		{"Middle East", "LOC", ""},
		{"Pacific Ocean", "LOC", ""},
	}
	for _, tt := range tests {
		p, ok := g.Place(tt.name)
		if !ok || p.Type != tt.typ || p.Country != tt.country {
			t.Errorf("Place(%q) = %+v, %v; want %s %s", tt.name, p, ok, tt.typ, tt.country)
		}
	}
}

func TestPlaceUnknown(t *testing.T) {
	g := gaz(t)
	for _, name := range []string{
		"Reading", "Mobile", "Nice", "Bath", "Of", "Male", "Victoria",
		"President", "The", "Moscow ", "moscow", "IT", "IN", "NO", "",
	} {
		if p, ok := g.Place(name); ok {
			t.Errorf("Place(%q) = %+v; want not found", name, p)
		}
	}
}

func TestDemonym(t *testing.T) {
	g := gaz(t)
	tests := []struct{ word, country string }{
		{"Russian", "RU"},
		{"Russians", "RU"},
		{"Ukrainian", "UA"},
		{"Ukrainians", "UA"},
		{"French", "FR"},
		{"American", "US"},
		{"Americans", "US"},
		{"British", "GB"},
		{"Chinese", "CN"},
		{"Congolese", "CD"},
		{"European", ""},
		{"Europeans", ""},
		{"Arab", ""},
		{"RUSSIAN", "RU"},
	}
	for _, tt := range tests {
		c, ok := g.Demonym(tt.word)
		if !ok || c != tt.country {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, c, ok, tt.country)
		}
	}
	for _, w := range []string{"Frenches", "Chineses", "Russia", "Djibouti", "russian"} {
		if c, ok := g.Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q; want not found", w, c)
		}
	}
}

func TestGivenName(t *testing.T) {
	g := gaz(t)
	tests := []struct{ name, gender string }{
		{"Karoline", "female"},
		{"Vladimir", "male"},
		{"Steve", "male"},
		{"Emmanuel", "male"},
		{"Kaja", "female"},
		{"Mary", "female"},
		{"John", "male"},
		{"STEVE", "male"},
		{"Jordan", ""}, // about a quarter of US Jordans are girls
	}
	for _, tt := range tests {
		gender, ok := g.GivenName(tt.name)
		if !ok || gender != tt.gender {
			t.Errorf("GivenName(%q) = %q, %v; want %q", tt.name, gender, ok, tt.gender)
		}
	}
	for _, n := range []string{"The", "President", "Unknown", "Baby", "King", "S", "steve", ""} {
		if gender, ok := g.GivenName(n); ok {
			t.Errorf("GivenName(%q) = %q; want not found", n, gender)
		}
	}
}

func TestSurname(t *testing.T) {
	g := gaz(t)
	for _, n := range []string{"Kowalczyk", "Abernathy", "Nguyen", "Merkel", "KOWALCZYK"} {
		if !g.Surname(n) {
			t.Errorf("Surname(%q) = false; want true", n)
		}
	}
	// Common words and places say little about a person.
	for _, n := range []string{"Brown", "Park", "Houston", "Young", "kowalczyk", ""} {
		if g.Surname(n) {
			t.Errorf("Surname(%q) = true; want false", n)
		}
	}
}

func TestWordNet(t *testing.T) {
	g := gaz(t)
	for name, want := range map[string]string{
		"Federal Emergency Management Agency": "ORG",
		"Hezbollah":                           "ORG",
		"Svalbard":                            "GPE",
		"Gertrude Stein":                      "PERSON",
		"Washington":                          "GPE,ORG,PERSON",
		"DNA":                                 "TERM",
		"TV":                                  "TERM",
		"Kurds":                               "NORP",
		"DKK":                                 "TERM",
	} {
		if got, ok := g.WordNet(name); !ok || got != want {
			t.Errorf("WordNet(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, n := range []string{"River", "Jamaican capital", "Nowhere Town", ""} {
		if got, ok := g.WordNet(n); ok {
			t.Errorf("WordNet(%q) = %q; want not listed", n, got)
		}
	}
}

func TestCompany(t *testing.T) {
	g := gaz(t)
	for _, n := range []string{"Airbnb", "Motorola", "Netflix"} {
		if !g.Company(n) {
			t.Errorf("Company(%q) = false; want true", n)
		}
	}
	// words, places, nationalities and people's names are left out
	for _, n := range []string{"Advanced", "Alliance", "Exeter", "British", "Allen", "AAPL", ""} {
		if g.Company(n) {
			t.Errorf("Company(%q) = true; want false", n)
		}
	}
}

func TestCountryName(t *testing.T) {
	g := gaz(t)
	for code, want := range map[string]string{
		"RU": "Russia", "US": "United States", "GB": "United Kingdom",
		"UA": "Ukraine", "FR": "France", "KR": "South Korea", "ru": "Russia",
		"ZZ": "", "": "",
	} {
		if got := g.CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q; want %q", code, got, want)
		}
	}
}

func TestAliases(t *testing.T) {
	g := gaz(t)
	for _, name := range []string{"U.S.", "US", "America", "United States", "USA"} {
		a := g.Aliases(name)
		for _, want := range []string{"United States", "US", "U.S.", "USA", "America"} {
			if !slices.Contains(a, want) {
				t.Errorf("Aliases(%q) = %q; missing %q", name, a, want)
			}
		}
		if len(a) == 0 || a[0] != "United States" {
			t.Errorf("Aliases(%q) = %q; want United States first", name, a)
		}
	}
	if a := g.Aliases("Russia"); !slices.Contains(a, "Russian Federation") {
		t.Errorf("Aliases(Russia) = %q; want Russian Federation in it", a)
	}
	// The result is a copy.
	a := g.Aliases("UK")
	a[0] = "changed"
	if g.CountryName("GB") != "United Kingdom" {
		t.Error("Aliases returned the gazetteer's own slice")
	}
	for _, name := range []string{"Moscow", "Florida", "Europe", "Nowhere"} {
		if a := g.Aliases(name); a != nil {
			t.Errorf("Aliases(%q) = %q; want nil", name, a)
		}
	}
}

// TestData checks properties of the embedded lists as a whole.
func TestData(t *testing.T) {
	g := gaz(t)
	if n := len(g.given); n < 5000 || n > 16000 {
		t.Errorf("%d given names; want 5,000-16,000", n)
	}
	if n := len(g.names); n < 240 {
		t.Errorf("%d countries; want every ISO 3166-1 country", n)
	}
	for k, p := range g.places {
		if p.Type == "GPE" && len(p.Country) != 2 {
			t.Errorf("place %q: GPE without a country", k)
		}
	}
	for n := range g.given {
		if len([]rune(n)) < 2 {
			t.Errorf("given name %q is shorter than 2 letters", n)
		}
	}
	if n := len(g.surnames); n < 20000 || n > 60000 {
		t.Errorf("%d surnames; want 20,000-60,000", n)
	}
	if n := len(g.wordnet); n < 10000 {
		t.Errorf("%d WordNet names; want at least 10,000", n)
	}
	size := len(placesTSV) + len(countriesTSV) + len(demonymsTSV) + len(givenNamesTSV) + len(surnamesTXT) + len(wordnetTSV) + len(companiesTXT)
	if size > 2500000 {
		t.Errorf("embedded data is %d bytes; want under 2.5 MB", size)
	}
}

func TestConcurrent(t *testing.T) {
	g := gaz(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				g.Place("MOSCOW")
				g.Aliases("U.S.")
				g.GivenName("STEVE")
				g.Demonym("Russians")
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlace(b *testing.B) {
	g := gaz(b)
	for b.Loop() {
		g.Place("Moscow")
		g.Place("MOSCOW")
	}
}
