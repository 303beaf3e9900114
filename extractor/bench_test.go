package extractor_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/internal/article"
	"github.com/extract-news/extract/internal/language"
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

// BenchmarkDetect measures language detection on the same 5 KB article, a
// stage of BenchmarkText: its cost per article next to the whole.
func BenchmarkDetect(b *testing.B) {
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if g := language.Detect(text, extractor.RulesLanguages...); g.Code != "en" {
			b.Fatalf("Detect = %+v, want en", g)
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

// quotedParagraph returns one paragraph of about n bytes full of short
// quotes: quoted words nobody is credited with, quotes with a cue and a
// speaker, quoted words that echo no quote, and a new person every few
// sentences, named in full and then by surname.
func quotedParagraph(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		name := surname(i)
		fmt.Fprintf(&b, "“Yes.” “No.” “yes” “no” “fine” “Not now.” Mr. Ana %s called it “a plan.” “Maybe,” %s said. The “good plan” failed. %s left. ", name, name, name)
	}
	return b.String()
}

// surname makes the i-th of many distinct capitalized words.
func surname(i int) string {
	w := []byte{byte('A' + i%26)}
	for i /= 26; i > 0; i /= 26 {
		w = append(w, byte('a'+i%26))
	}
	return string(w) + "son"
}

// BenchmarkLongParagraph measures the whole pipeline after the HTML stage
// on one paragraph of short quotes, 10 KB to 1 MB: the time per byte
// should not grow with the paragraph (compare the MB/s of the sizes).
func BenchmarkLongParagraph(b *testing.B) {
	x := newExtractor(b)
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		a := article.FromText(quotedParagraph(size))
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(a.Text)))
			for b.Loop() {
				if _, err := x.FromArticle(context.Background(), "bench", a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
