package extractor_test

import (
	"context"
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

// TestCountryIsNoPerson checks that WordNet's person of a listed place's
// name (Anatole France) does not make the country a person when names
// ending in it are guessed at ("Air France crews", four times).
func TestCountryIsNoPerson(t *testing.T) {
	text := "Strikes hit airline\n\nStrikes in France grounded Air France flights on Monday. Air France crews joined the protest, and Air France planes stayed on the ground until Air France managers gave in.\n"
	res, err := newExtractor(t).Entities(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entities {
		if e.Type == "PERSON" {
			t.Errorf("entity %q is a PERSON; want no person in %q", e.Name, text)
		}
	}
}

// TestOrganizationParts checks that a lone word of an organization's name
// is a mention of it: a common first word inside a sentence ("grab
// Harbour"), and the plural last word of a team's name ("the Hawks").
func TestOrganizationParts(t *testing.T) {
	text := "Rivals circle bank\n\nAnalysts said a rival would try to grab Harbour Bancorp. \"Everyone wants Harbour,\" one trader said, but Harbour did not comment.\n\nHis brother plays for the Boston Hawks and has played for the Hawks since 2019.\n"
	res, err := newExtractor(t).Entities(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"Harbour Bancorp": {"Harbour Bancorp", "Harbour", "Harbour"},
		"Boston Hawks":    {"Boston Hawks", "Hawks"},
	}
	for _, e := range res.Entities {
		w, ok := want[e.Name]
		if !ok {
			continue
		}
		delete(want, e.Name)
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		if e.Type != "ORG" || !slices.Equal(texts, w) {
			t.Errorf("%s: %s %q; want ORG %q", e.Name, e.Type, texts, w)
		}
	}
	for name := range want {
		t.Errorf("no entity %q", name)
	}
}
