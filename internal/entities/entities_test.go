package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// findIn returns the entities the built-in rules and the gazetteer find in
// text, as the extractor's stages up to entities do.
func findIn(t *testing.T, text string) *Result {
	t.Helper()
	r, doc := analyzeIn(t, text)
	res, err := r.Find(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// analyzeIn returns a Recognizer with the built-in rules and the gazetteer,
// and text analyzed.
func analyzeIn(t *testing.T, text string) (*Recognizer, *nlp.Doc) {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	analyzer, err := nlp.NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := analyzer.Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return NewRecognizer(lexicon.New(set), gaz), doc
}

// wantMention is a mention a text must hold: its entity's type and name,
// its own text, and where it starts, given as the text from there on up to
// somewhere past the mention's end.
type wantMention struct {
	typ, entity, text, from string
}

// TestFind checks the type, entity and byte offsets of the mentions in a
// few invented sentences: a titled person and a later surname of theirs,
// bodies' names with "of", places, a nationality, a facility.
func TestFind(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []wantMention
	}{
		{"Mayor Helen Marsh of Portland met officials of the World Health Organization on Tuesday. Marsh said the talks went well.",
			[]wantMention{
				{Person, "Helen Marsh", "Helen Marsh", "Helen Marsh of"},
				{GPE, "Portland", "Portland", "Portland met"},
				{Organization, "World Health Organization", "World Health Organization", "World Health Organization on"},
				{Person, "Helen Marsh", "Marsh", "Marsh said"},
			}},
		{"The Ministry of Defence said Dr. Amara Okafor, a Nigerian engineer, would lead the team at the Hudson River bridge.",
			[]wantMention{
				{Organization, "Ministry of Defence", "Ministry of Defence", "Ministry of Defence said"},
				{Person, "Amara Okafor", "Amara Okafor", "Amara Okafor,"},
				{NORP, "Nigerian", "Nigerian", "Nigerian engineer"},
				{Location, "Hudson River", "Hudson River", "Hudson River bridge"},
			}},
		{"Senator Tom Reyes flew to Canada. Reyes met the Canadian prime minister at Toronto City Hall.",
			[]wantMention{
				{Person, "Tom Reyes", "Tom Reyes", "Tom Reyes flew"},
				{GPE, "Canada", "Canada", "Canada."},
				{Person, "Tom Reyes", "Reyes", "Reyes met"},
				{NORP, "Canadian", "Canadian", "Canadian prime"},
				{Facility, "Toronto City Hall", "Toronto City Hall", "Toronto City Hall."},
			}},
	} {
		res := findIn(t, tt.text)
		if len(res.Mentions) != len(tt.want) {
			t.Errorf("%q: %d mentions %v, want %d", tt.text, len(res.Mentions), mentionTexts(res), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			m, e := res.Mentions[i], res.Entities[res.Mentions[i].Entity]
			start := strings.Index(tt.text, w.from)
			if m.Text != w.text || m.Start != start || m.End != start+len(w.text) || e.Type != w.typ || e.Name != w.entity {
				t.Errorf("%q: mention %d is %q [%d, %d) of %s %q, want %q [%d, %d) of %s %q", tt.text, i,
					m.Text, m.Start, m.End, e.Type, e.Name, w.text, start, start+len(w.text), w.typ, w.entity)
			}
			if got := tt.text[m.Start:m.End]; got != m.Text {
				t.Errorf("%q: mention %q spans %q", tt.text, m.Text, got)
			}
			if at, ok := res.MentionAt(m.First); !ok || at.Start != m.Start {
				t.Errorf("%q: MentionAt(%d) = %v, %v; want the mention %q", tt.text, m.First, at, ok, m.Text)
			}
		}
	}
}

// TestFindTitleAndGender checks that a title before a name is the person's
// title and gives, with a given name, the person's gender, and that a later
// mention by surname joins the same entity.
func TestFindTitleAndGender(t *testing.T) {
	res := findIn(t, "Mayor Helen Marsh opened the fair. Later, Marsh thanked the volunteers.")
	var marsh *Entity
	for _, e := range res.Entities {
		if e.Name == "Helen Marsh" {
			marsh = e
		}
	}
	if marsh == nil {
		t.Fatalf("no entity Helen Marsh among %v", mentionTexts(res))
	}
	if marsh.Type != Person || marsh.Title != "Mayor" || marsh.Gender != "female" || len(marsh.Mentions) != 2 {
		t.Errorf("Helen Marsh is %s, title %q, gender %q, %d mentions; want PERSON, Mayor, female, 2",
			marsh.Type, marsh.Title, marsh.Gender, len(marsh.Mentions))
	}
	if len(marsh.Mentions) == 2 && (marsh.Mentions[0].Title != "Mayor" || marsh.Mentions[1].Text != "Marsh") {
		t.Errorf("mentions %+v; want Helen Marsh titled Mayor, then Marsh", marsh.Mentions)
	}
}

// mentionTexts returns the text of each mention, for messages.
func mentionTexts(res *Result) []string {
	var out []string
	for _, m := range res.Mentions {
		out = append(out, m.Text)
	}
	return out
}

// TestFindPlaceAfterBody checks that a place the gazetteer leaves out for
// being a given name too, named after an organization of several words in
// a sentence of prose, is found: the body's capitalized words make no
// headline of the sentence, where such a name would count for nothing.
func TestFindPlaceAfterBody(t *testing.T) {
	for _, tt := range []struct{ text, place string }{
		{"The delegates met the International Labour Organization in Florence.", "Florence"},
		{"Her aunt met the Northwind Trading Company in Charlotte.", "Charlotte"},
		{"The nurses met the Northern Red Crescent Society in Victoria.", "Victoria"},
		{"The envoy met the Gulf Shipping Council in Austin.", "Austin"},
	} {
		res := findIn(t, tt.text)
		found := false
		for _, e := range res.Entities {
			found = found || e.Name == tt.place && e.Type == GPE
		}
		if !found {
			t.Errorf("%q: no place %s among %v", tt.text, tt.place, mentionTexts(res))
		}
	}
}

// TestIsHeadline checks that a line in title case is a headline and a
// sentence of prose that names a body of several words is not.
func TestIsHeadline(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Delegates Meet International Labour Organization Chiefs in Florence", true},
		{"The delegates met the International Labour Organization in Florence.", false},
		{"The delegates met officials in Florence.", false},
	} {
		r, doc := analyzeIn(t, tt.text)
		s := doc.Sentences[0]
		if got := r.isHeadline(doc.Tokens[s.First:s.Last]); got != tt.want {
			t.Errorf("isHeadline(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
