package extractor_test

import (
	"context"
	"slices"
	"testing"

	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/article"
)

const (
	englishStory = "“We have waited a long time for this decision,” said Mayor Karen Vogel after the council meeting. " +
		"The path will be safer for pupils, who now have to ride on the country road."
	germanStory = "„Wir haben lange auf diese Entscheidung gewartet“, sagte Bürgermeisterin Katrin Vogel nach der Sitzung. " +
		"Die Strecke werde vor allem für Schüler sicherer, die bisher auf der Landstraße fahren müssten."
)

// TestLanguage checks where a record's language comes from and that the
// entity and quote stages run on English only.
func TestLanguage(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		name, markup, text string
		lang, from         string
		analyzed           bool
	}{
		{"markup agrees", "en", englishStory, "en", record.FromMarkup, true},
		{"detected", "", englishStory, "en", record.FromDetection, true},
		{"German detected", "", germanStory, "de", record.FromDetection, false},
		{"German by markup", "de", germanStory, "de", record.FromMarkup, false},
		{"a template's lang=en on a German page", "en", germanStory, "de", record.FromDetection, false},
		{"markup of a short text", "de", "Die Stadt", "de", record.FromMarkup, false},
		{"nothing tells", "", "Die Stadt", "", "", true},
	} {
		rec, err := x.FromArticle(context.Background(), "a", article.Article{Language: c.markup, Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		if rec.Language != c.lang || rec.LanguageSource != c.from {
			t.Errorf("%s: language %q from %q, want %q from %q", c.name, rec.Language, rec.LanguageSource, c.lang, c.from)
		}
		if c.analyzed != (rec.Skipped == nil) {
			t.Errorf("%s: skipped %q, want analyzed %v", c.name, rec.Skipped, c.analyzed)
		}
		if !c.analyzed && (len(rec.Entities) > 0 || len(rec.Quotes) > 0 || !slices.Equal(rec.Skipped, []string{"entities", "quotes"})) {
			t.Errorf("%s: %d entities, %d quotes, skipped %q; want none and both stages skipped", c.name, len(rec.Entities), len(rec.Quotes), rec.Skipped)
		}
	}
}

func TestWithLanguages(t *testing.T) {
	x := newExtractor(t)
	a := article.Article{Text: englishStory}
	rec, err := x.WithLanguages("de").FromArticle(context.Background(), "a", a)
	if err != nil || rec.Language != "en" || len(rec.Quotes) > 0 || rec.Skipped == nil {
		t.Errorf("WithLanguages(de) on English: language %q, %d quotes, skipped %q (%v); want en, no stages", rec.Language, len(rec.Quotes), rec.Skipped, err)
	}
	rec, err = x.WithLanguages("en", "de").FromArticle(context.Background(), "a", a)
	if err != nil || len(rec.Quotes) != 1 || rec.Skipped != nil {
		t.Errorf("WithLanguages(en, de) on English: %d quotes, skipped %q (%v); want the quote", len(rec.Quotes), rec.Skipped, err)
	}
	if rec, _ := x.FromArticle(context.Background(), "a", a); len(rec.Quotes) != 1 {
		t.Errorf("the extractor WithLanguages was called on changed: %d quotes", len(rec.Quotes))
	}
}
