package extractor_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
)

// A program that has a page's HTML makes one Extractor (it loads the models
// once and is safe for concurrent use) and asks it for the page's record.
func ExampleExtractor_FromHTML() {
	x, err := extractor.New(nil) // the built-in rules
	if err != nil {
		log.Fatal(err)
	}
	page := []byte(`<html><head><title>Bridge to reopen in May</title></head><body>
		<article><h1>Bridge to reopen in May</h1>
		<p>The old bridge over the river will reopen in May, the city said on Tuesday.</p>
		<p>“We are on schedule and on budget,” said Mayor Ana Ruiz, who has crossed it every day for thirty years.</p>
		</article></body></html>`)
	rec := x.FromHTML(context.Background(), page, "https://news.example/bridge")
	fmt.Println(rec.Title)
	for _, q := range rec.Quotes {
		if q.Speaker != nil && q.Speaker.Name != nil { // nil: nobody, or a pronoun not resolved
			fmt.Printf("%s (%s): %s\n", *q.Speaker.Name, q.Type, q.Text)
		}
	}
	// Output:
	// Bridge to reopen in May
	// Ana Ruiz (direct): “We are on schedule and on budget,”
}

// A plain text goes through the same stages; the record lists the people,
// organizations and places it names.
func ExampleExtractor_FromText() {
	x, err := extractor.New(nil)
	if err != nil {
		log.Fatal(err)
	}
	rec := x.FromText(context.Background(), "Maria Lopez, the chief executive of Acme Corp, visited Lisbon on Monday.")
	for _, e := range rec.Entities {
		fmt.Println(e.Type, e.Name)
	}
	// Output:
	// PERSON Maria Lopez
	// ORG Acme Corp
	// GPE Lisbon
}

// A program that reads what the extract command reads (files, folders,
// URLs, feeds and sitemaps) lists the inputs with an input.Reader and turns
// each into its record; a failed input gives a failed record, and the run
// goes on.
func ExampleExtractor_FromSource() {
	x, err := extractor.New(nil)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "articles")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("“It is done,” said Mayor Ana Ruiz.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte("<p>“We are late,” Jon Bell said.</p>"), 0o644)

	ctx := context.Background()
	reader := input.NewReader(input.DefaultOptions(), nil) // the command's limits
	for src, err := range reader.All(ctx, input.Inputs{Args: []string{dir}}) {
		if err != nil {
			fmt.Println("cannot list:", err)
			continue
		}
		rec := x.FromSource(ctx, src)
		fmt.Println(filepath.Base(rec.Source), len(rec.Quotes), "quote(s)")
	}
	// Output:
	// a.txt 1 quote(s)
	// b.html 1 quote(s)
}
