package extractor_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"

	"github.com/extract-news/extract/extractor/article"
)

// newsText returns about 5 KB of news text: the plain-text fixtures, joined.
func newsText(tb testing.TB) string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixturesDir, "*", "input.txt"))
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
		if b.Len() >= 5000 {
			break
		}
	}
	return b.String()[:5000]
}

// BenchmarkLanguage measures the language stages on a 5 KB article:
// tokens, sentences, tags and entities. Run with -cpu 1 for one core.
func BenchmarkLanguage(b *testing.B) {
	x := newExtractor(b)
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := x.Entities(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkText measures the whole pipeline after the HTML stage on a 5 KB
// article: tokens, tags, entities, quotes and the record.
func BenchmarkText(b *testing.B) {
	x := newExtractor(b)
	a := article.FromText(newsText(b))
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if _, err := x.FromArticle(context.Background(), "bench", a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseEntities is the comparison: prose's own pipeline with its
// built-in entity model, on the same text.
func BenchmarkProseEntities(b *testing.B) {
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := prose.NewDocument(text); err != nil {
			b.Fatal(err)
		}
	}
}
