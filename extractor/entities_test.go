package extractor_test

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestEntityLinking checks titles kept apart from names, possessives,
// acronyms and aliases on a fixture written for them.
func TestEntityLinking(t *testing.T) {
	rec := runFixture(t, newExtractor(t), filepath.Join(fixturesDir, "entities-linking"))
	wantEntity(t, rec, "Ursula von der Leyen", "PERSON", "European Commission President", "Von der Leyen")
	wantEntity(t, rec, "Friedrich Merz", "PERSON", "German Chancellor", "Merz")
	wantEntity(t, rec, "European Union", "ORG", "", "EU")
	wantEntity(t, rec, "United States", "GPE", "", "US")
	wantEntity(t, rec, "Mark Rutte", "PERSON", "NATO Secretary-General", "Rutte")
	wantEntity(t, rec, "NATO", "ORG", "", "")
	for _, e := range rec.Entities {
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		switch e.Name {
		case "Friedrich Merz": // "Merz’s government", "Mr. Merz"
			if !slices.Equal(texts, []string{"Friedrich Merz", "Merz", "Merz"}) {
				t.Errorf("Merz's mentions = %q", texts)
			}
		case "Kyiv": // "Kyiv’s main airport"
			if !slices.Equal(texts, []string{"Kyiv"}) || e.Type != "GPE" {
				t.Errorf("Kyiv: %s %q", e.Type, texts)
			}
		}
	}
}
