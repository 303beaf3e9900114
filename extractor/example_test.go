package extractor_test

import (
	"context"
	"fmt"
	"log"

	"github.com/extract-news/extract/extractor"
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
