package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/extract-news/extract/internal/article"
	"github.com/markusmobius/go-trafilatura"
)

// extractFunc extracts one page's record (without its source) from HTML.
type extractFunc func(html []byte) (record, error)

// tool is one extractor under test.
type tool struct {
	name    string
	extract extractFunc
}

// allTools returns every tool the benchmark knows, in report order.
func allTools() []tool {
	return []tool{
		{name: "extract", extract: extractHTML},
		{name: "trafilatura", extract: trafilaturaHTML},
		{name: "readability", extract: readabilityHTML},
	}
}

// toolNames returns the names of all tools, comma-separated.
func toolNames() string {
	var names []string
	for _, t := range allTools() {
		names = append(names, t.name)
	}
	return strings.Join(names, ",")
}

// selectTools returns the tools named in the comma-separated list, in the
// list's order.
func selectTools(list string) ([]tool, error) {
	var chosen []tool
	for _, name := range strings.Split(list, ",") {
		t, ok := findTool(strings.TrimSpace(name))
		if !ok {
			return nil, fmt.Errorf("unknown tool %q (known: %s)", name, toolNames())
		}
		chosen = append(chosen, t)
	}
	return chosen, nil
}

// findTool returns the tool called name.
func findTool(name string) (tool, bool) {
	for _, t := range allTools() {
		if t.name == name {
			return t, true
		}
	}
	return tool{}, false
}

// extractHTML runs extract's HTML stage only (no NLP or quotes pipeline).
func extractHTML(html []byte) (record, error) {
	a, err := article.FromHTML(html, "", "")
	if err != nil {
		return record{}, err
	}
	return record{
		Title: strings.TrimSpace(a.Title), Authors: cleanNames(a.Authors),
		Published: normDate(a.Published), Text: a.Text,
	}, nil
}

// trafilaturaHTML runs go-trafilatura with its readability and
// dom-distiller fallback enabled.
func trafilaturaHTML(html []byte) (record, error) {
	res, err := trafilatura.Extract(bytes.NewReader(html), trafilatura.Options{EnableFallback: true})
	if err != nil {
		return record{}, err
	}
	if res == nil {
		return record{}, errors.New("trafilatura returned no result")
	}
	m := res.Metadata
	return record{
		Title: strings.TrimSpace(m.Title), Authors: splitAuthors(m.Author),
		Published: dayOf(m.Date), Text: res.ContentText,
	}, nil
}

// readabilityHTML runs readeck's go-readability. Its v2 Article has no
// TextContent field: the text is rendered from the article's node.
func readabilityHTML(html []byte) (record, error) {
	a, err := readability.FromReader(bytes.NewReader(html), nil)
	if err != nil {
		return record{}, err
	}
	var text strings.Builder
	if a.Node != nil {
		if err := a.RenderText(&text); err != nil {
			return record{}, err
		}
	}
	published := ""
	if t, err := a.PublishedTime(); err == nil {
		published = dayOf(t)
	}
	return record{
		Title: strings.TrimSpace(a.Title()), Authors: splitAuthors(a.Byline()),
		Published: published, Text: text.String(),
	}, nil
}
