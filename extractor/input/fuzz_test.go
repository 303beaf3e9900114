package input

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// FuzzSniff checks that telling HTML from text never panics and that pages
// that start with a tag are HTML.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("<!DOCTYPE html><p>x"))
	f.Add([]byte("Plain text, < and > included."))
	f.Add([]byte("\ufeff  <html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k := Sniff(data)
		trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
		if bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype html")) && k != HTML {
			t.Fatalf("%q: a doctype should be HTML", data)
		}
	})
}

// FuzzJSONLine checks that reading JSON Lines never panics, that a line is
// a document only with "html" or "text", that every error names its line,
// and that lines are named in order, once each, whatever comes before them.
func FuzzJSONLine(f *testing.F) {
	f.Add([]byte(`{"id": "a1", "url": "https://example.com/a", "html": "<p>Story</p>"}`))
	f.Add([]byte(`{"text": "A story.", "url": "https://example.com/b"}` + "\r\n\n" + `{"html": "<p>x</p>", "text": "y"}`))
	f.Add([]byte(`{"url": "https://example.com/c"}` + "\nnot json\n" + `["array"]` + "\n" + `{"text": "` + strings.Repeat("long ", 30) + `"}`))
	f.Add([]byte("\ufeff  {\"text\": \"\\u00e9t\\u00e9\"}\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkJSONLine(t, data)
		checkJSONLines(t, data)
	})
}

// checkJSONLine checks the parser of one line.
func checkJSONLine(t *testing.T, line []byte) {
	doc, err := parseJSONLine("f.jsonl:1", line)
	if err != nil {
		if !strings.HasPrefix(err.Error(), "f.jsonl:1: ") {
			t.Fatalf("error %q does not name the line", err)
		}
		return
	}
	if doc.Source != "f.jsonl:1" || len(doc.Data) == 0 || doc.Kind != HTML && doc.Kind != Text {
		t.Fatalf("document %+v", doc)
	}
}

// checkJSONLines checks the listing of a stream of lines, on standard input
// and in a file, with a byte limit that some lines pass.
func checkJSONLines(t *testing.T, data []byte) {
	r := NewReader(Options{MaxBytes: 64}, bytes.NewReader(data))
	for _, name := range []string{"f.jsonl", "-"} {
		last := 0
		yield := func(src Source, err error) bool {
			if src.Name == "-" {
				return true // standard input as one document
			}
			var n int
			if _, scanErr := fmt.Sscanf(strings.TrimPrefix(src.Name, name+":"), "%d", &n); scanErr != nil || n <= last {
				t.Fatalf("%s follows line %d", src.Name, last)
			}
			last = n
			if err != nil && !strings.HasPrefix(err.Error(), src.Name+": ") {
				t.Fatalf("error %q does not name %s", err, src.Name)
			}
			return true
		}
		if name == "-" {
			r.stdinSources(yield, nil)
		} else {
			r.jsonLines(name, bufio.NewReaderSize(bytes.NewReader(data), 16), yield)
		}
	}
}

// FuzzWARC checks that reading a WARC file never panics, that it names each
// record once, that documents are HTML named as their source, and that
// nothing follows an error that ends the file.
func FuzzWARC(f *testing.F) {
	records := newsRecords(f)
	f.Add(buildWARC(f, false, records...))
	f.Add(buildWARC(f, true, records...))
	f.Add(buildWARC(f, true, records[2], records[7]))
	f.Add(buildWARC(f, false, records[2])[:100])
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"))
	f.Add([]byte("WARC/\n")) // gowarc v1.6.0 panics on it (index out of range); next recovers
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(Options{MaxBytes: 1 << 12}, nil)
		seen := map[string]bool{}
		ended := false
		r.warcRecords("f.warc", bytes.NewReader(data), func(src Source, err error) bool {
			if ended {
				t.Fatalf("%s follows the end of the file", src.Name)
			}
			if seen[src.Name] || !strings.HasPrefix(src.Name, "f.warc:") {
				t.Fatalf("name %q again or not of the file", src.Name)
			}
			seen[src.Name] = true
			if err != nil {
				ended = strings.Contains(err.Error(), "corrupt or cut short")
				return true
			}
			doc, err := src.Load(context.Background())
			if err != nil || doc.Kind != HTML || doc.Source != src.Name || len(doc.Data) > 1<<12 {
				t.Fatalf("%s: %+v, %v", src.Name, doc, err)
			}
			return true
		})
	})
}

// FuzzListParsers checks that telling feeds and sitemaps by content and
// reading their entries never panic, whatever the document, and that a
// list's entries are absolute when the list has a base.
func FuzzListParsers(f *testing.F) {
	for _, s := range []string{rssFeed, atomFeed, sitemapIndexXML, pagesSitemap, newsSitemap} {
		f.Add([]byte(fmt.Sprintf(s, "https://paper.example")))
	}
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1", "items": [{"url": "/a"}, {"id": "x"}]}`))
	f.Add([]byte(`<urlset><url><loc>a</loc><lastmod>2026-13-45</lastmod></url><url><loc>`))
	base, _ := url.Parse("https://paper.example/feeds/")
	f.Fuzz(func(t *testing.T, data []byte) {
		kind := listKindOf(data)
		for _, k := range []listKind{kind, feedList, sitemapList, sitemapIndex} {
			entries, _ := parseList(k, data, base)
			for _, e := range entries {
				if e.url != "" && !isURL(e.url) {
					if u, err := url.Parse(e.url); err == nil && u.Scheme == "" {
						t.Fatalf("%v entry %q not resolved against the base", k, e.url)
					}
				}
			}
		}
	})
}

// FuzzInputList checks that reading a list of inputs never panics, and that
// each input it gives is a line that is not blank, a comment or padded.
func FuzzInputList(f *testing.F) {
	f.Add([]byte("# stories\nhttps://paper.example/a\r\n\n  saved/b.html  \n#c\n"))
	f.Add([]byte("\ufeffhttps://paper.example/a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readList("list", bytes.NewReader(data), func(arg string, err error) bool {
			if err == nil && (arg == "" || arg[0] == '#' || strings.TrimSpace(arg) != arg) {
				t.Fatalf("input %q from %q", arg, data)
			}
			return true
		})
	})
}
