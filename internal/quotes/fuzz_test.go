package quotes

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// FuzzFind feeds the quote finder arbitrary text: it must not panic, and
// every span it returns must lie inside the text, on character boundaries,
// with its parts inside the quote.
func FuzzFind(f *testing.F) {
	set, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	lex := lexicon.New(set)
	gaz, err := gazetteer.Load()
	if err != nil {
		f.Fatal(err)
	}
	analyzer, err := nlp.NewAnalyzer(nil)
	if err != nil {
		f.Fatal(err)
	}
	recognizer, finder := entities.NewRecognizer(lex, gaz), NewFinder(lex, set)
	for _, s := range []string{
		"“We are ready,” she said. “Go.”\n\n“More,” he added, “and more",
		"He said, ''It is done.'' ''Again,'' said Ana Ruiz (R-Ohio), a judge, of the court.",
		"According to , “x” — Ana",
		"“", "\"\"\"", "said said said “ ” “",
		"Ana, who, said: “A” and “B” and “C,” she, the chair, said, adding, “D.”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ctx := context.Background()
		doc, err := analyzer.Analyze(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		ents, err := recognizer.Find(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		qs, err := finder.Find(ctx, doc, ents)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			checkSpan(t, text, q.Start, q.End)
			for _, p := range q.Parts {
				checkSpan(t, text, p.Start, p.End)
				if p.Start < q.Start || p.End > q.End {
					t.Fatalf("part %d:%d outside quote %d:%d", p.Start, p.End, q.Start, q.End)
				}
			}
			if q.Cue != nil {
				checkSpan(t, text, q.Cue.Start, q.Cue.End)
			}
			if q.Speaker != nil {
				checkSpan(t, text, q.Speaker.Start, q.Speaker.End)
			}
		}
	})
}

func checkSpan(t *testing.T, text string, start, end int) {
	t.Helper()
	if start < 0 || end > len(text) || start > end {
		t.Fatalf("span %d:%d outside a text of %d bytes", start, end, len(text))
	}
	if !utf8.RuneStart(text[start]) && start < len(text) || end < len(text) && !utf8.RuneStart(text[end]) {
		t.Fatalf("span %d:%d cuts a character", start, end)
	}
}
