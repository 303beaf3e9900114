package extractor_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/extract-news/extract/extractor/record"
)

// TestSeedArticle checks, on the seed article as text and as a web page,
// the quotes and entities a reader would name.
func TestSeedArticle(t *testing.T) {
	x := newExtractor(t)
	for _, dir := range []string{"seed-text", "seed-html"} {
		t.Run(dir, func(t *testing.T) {
			rec := runFixture(t, x, filepath.Join(fixturesDir, dir))
			checkOffsets(t, rec)
			wantQuote(t, rec, "We’re hopeful that this war can finally come to an end", "Karoline Leavitt", "stating")
			wantQuote(t, rec, "constructive", "Volodymyr Zelensky", "")
			wantQuote(t, rec, "only be finalized by President Zelensky", "Emmanuel Macron", "")
			wantQuote(t, rec, "pivotal", "Kaja Kallas", "")
			q := findQuote(rec, "very optimistic")
			if q == nil || q.Speaker == nil || q.Speaker.Name == nil ||
				(*q.Speaker.Name != "White House" && *q.Speaker.Name != "Karoline Leavitt") {
				t.Errorf("the first paragraph's “very optimistic” should be the White House's or Leavitt's: %+v", q)
			}
			if q := findQuote(rec, "only be finalized"); q != nil && (q.Speaker.Text != "He" || q.Resolved != "pronoun") {
				t.Errorf("Macron's quote should be tied to the pronoun He: %+v", q.Speaker)
			}
			wantEntity(t, rec, "Vladimir Putin", "PERSON", "Russian President", "Putin")
			wantEntity(t, rec, "Steve Witkoff", "PERSON", "US Special Envoy", "Witkoff")
			for _, name := range []string{"Karoline Leavitt", "Emmanuel Macron", "Volodymyr Zelensky", "Kaja Kallas", "Jared Kushner"} {
				wantEntity(t, rec, name, "PERSON", "", "")
			}
			wantEntity(t, rec, "Moscow", "GPE", "", "")
			wantEntity(t, rec, "Kyiv", "GPE", "", "")
		})
	}
}

func findQuote(rec record.Record, text string) *record.Quote {
	for i, q := range rec.Quotes {
		if strings.Contains(q.Text, text) {
			return &rec.Quotes[i]
		}
	}
	return nil
}

func wantQuote(t *testing.T, rec record.Record, text, speaker, cue string) {
	t.Helper()
	q := findQuote(rec, text)
	switch {
	case q == nil:
		t.Errorf("no quote holds %q", text)
	case q.Speaker == nil || q.Speaker.Name == nil || *q.Speaker.Name != speaker:
		t.Errorf("quote %q: speaker %+v, want %s", text, q.Speaker, speaker)
	case q.Speaker.Entity == nil:
		t.Errorf("quote %q: speaker %s has no entity id", text, speaker)
	case cue != "" && (q.Cue == nil || q.Cue.Text != cue):
		t.Errorf("quote %q: cue %+v, want %q", text, q.Cue, cue)
	}
}

func wantEntity(t *testing.T, rec record.Record, name, typ, title, alias string) {
	t.Helper()
	for _, e := range rec.Entities {
		if e.Name != name {
			continue
		}
		if e.Type != typ {
			t.Errorf("entity %s: type %s, want %s", name, e.Type, typ)
		}
		if title != "" && e.Title != title {
			t.Errorf("entity %s: title %q, want %q", name, e.Title, title)
		}
		if alias != "" && !slices.Contains(e.Aliases, alias) {
			t.Errorf("entity %s: aliases %q lack %q", name, e.Aliases, alias)
		}
		return
	}
	t.Errorf("no entity named %s", name)
}
