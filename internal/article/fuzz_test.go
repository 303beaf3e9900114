package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFromHTML feeds arbitrary bytes to the HTML stage: it must not panic,
// and what it returns must be valid UTF-8.
func FuzzFromHTML(f *testing.F) {
	f.Add([]byte(`<html lang="en"><head><title>A | B</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":"X"}]}]}</script></head><body><article><p>One, two.</p></article></body></html>`))
	f.Add([]byte(`<meta charset="windows-1252"><p>caf` + "\xe9" + `</p>`))
	f.Add([]byte(`<script type="application/ld+json">[[[{"@type":["Article"],"author":"By Jo, and Al"}]]]</script>`))
	f.Add([]byte{0xff, 0xfe, 0x3c, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromHTML(data, "", "")
		if err != nil {
			return
		}
		for _, s := range append([]string{a.Title, a.Text, a.Site, a.URL, a.Published, a.Language}, a.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("paragraphs separated by more than one blank line: %q", a.Text)
		}
	})
}

// FuzzFromText checks that plain text comes back unchanged when it is valid
// UTF-8.
func FuzzFromText(f *testing.F) {
	f.Add("Title\n\nBody.")
	f.Add("\ufeff\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		a := FromText(text)
		if utf8.ValidString(text) && a.Text != text {
			t.Fatalf("text changed: %q -> %q", text, a.Text)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatal("invalid UTF-8 in output")
		}
	})
}
