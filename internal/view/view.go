// Package view writes what extract found in articles as one self-contained
// HTML page: each article's text with its entities and quotes marked in the
// HTML itself, a label after each quote naming its speaker, tables of the
// speakers and entities, and, for a run of several articles, an index. The
// page's style and script are inlined, so it opens anywhere without a
// network; the script adds highlighting and filters, and without it the
// marks, labels and tables are all there (on screen and in print).
package view

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/extract-news/extract/extractor/record"
)

//go:embed page.html
var pageHTML string

//go:embed view.css
var viewCSS string

//go:embed view.js
var viewJS string

// Options are what a page shows besides the records.
type Options struct {
	// Title is the page's title; "" for the article's title, or for a run,
	// the number of articles.
	Title string
	// Home, when set, is the address of a link back to where the page was
	// asked for (the form of extract serve).
	Home string
}

// page is the data of the template.
type page struct {
	Title    string
	Home     string
	Articles []article
	Run      bool
	Types    []typeCount
	Key      []keyEntry
	Style    template.CSS
	Script   template.JS
}

// typeCount is how many quotes of one type the page holds.
type typeCount struct {
	Type  string
	Count int
}

// keyEntry explains one entity type in the key.
type keyEntry struct{ Type, Name, Label string }

// entityKey is the key of the entity types, in the order it shows them.
func entityKey() []keyEntry {
	names := [][2]string{
		{"PERSON", "person"}, {"ORG", "organization"}, {"GPE", "country or city"}, {"LOC", "place"},
		{"FAC", "structure"}, {"NORP", "group"}, {"EVENT", "event"},
	}
	out := make([]keyEntry, len(names))
	for i, n := range names {
		out[i] = keyEntry{Type: n[0], Name: n[1], Label: entityTypes[n[0]]}
	}
	return out
}

// Write writes the page of recs, one article or a run of them, to w.
func Write(w io.Writer, recs []record.Record, opt Options) error {
	tmpl, err := template.New("page").Parse(pageHTML)
	if err != nil {
		return fmt.Errorf("parsing the page's template: %w", err)
	}
	p := page{Title: opt.Title, Home: opt.Home, Run: len(recs) != 1, Key: entityKey(), Style: template.CSS(viewCSS), Script: template.JS(viewJS)}
	counts := map[string]int{}
	for i, rec := range recs {
		a := newArticle(rec, i+1)
		p.Articles = append(p.Articles, a)
		for _, q := range rec.Quotes {
			counts[quoteType(q.Type)]++
		}
	}
	for _, t := range []string{"direct", "partial", "indirect"} {
		p.Types = append(p.Types, typeCount{t, counts[t]})
	}
	if p.Title == "" {
		p.Title = defaultTitle(p.Articles)
	}
	if err := tmpl.Execute(w, p); err != nil {
		return fmt.Errorf("writing the page: %w", err)
	}
	return nil
}

// defaultTitle is the page's title when none is given.
func defaultTitle(as []article) string {
	switch {
	case len(as) == 1 && as[0].Title != "":
		return as[0].Title
	case len(as) == 1:
		return as[0].Source
	}
	return fmt.Sprintf("%d articles", len(as))
}
