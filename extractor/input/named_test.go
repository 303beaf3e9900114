package input

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFileSourcesMatchSources checks that a file read from an io.Reader
// lists the same documents, names and errors as Sources gives for the file
// on disk, for every kind of file.
func TestFileSourcesMatchSources(t *testing.T) {
	dir := t.TempDir()
	cut := buildWARC(t, false, newsRecords(t)[:4]...)
	files := map[string][]byte{
		"a.html":         []byte("<html><p>Story</p></html>"),
		"b.txt.gz":       gzipped(t, []byte("Plain story.")),
		"c.dat":          []byte("<!doctype html><p>Sniffed</p>"),
		"d.bin":          {0, 1, 2, 3},
		"e.jsonl":        []byte(`{"text": "one"}` + "\n\n" + `not json` + "\n" + `{"url": "https://x.example", "html": "<p>two</p>"}`),
		"f.ndjson.gz":    gzipped(t, []byte(`{"text": "packed"}`)),
		"g.jsonl.gz":     {0x1f, 0x8b, 0},
		"h.warc":         buildWARC(t, false, newsRecords(t)...),
		"i.warc.gz":      buildWARC(t, true, newsRecords(t)...),
		"j.warc":         cut[:len(cut)-40],
		"k.html.gz":      {0x1f, 0x8b, 8, 0},
		"sub/l.xhtml.gz": gzipped(t, []byte("<p>deep</p>")),
	}
	r := NewReader(DefaultOptions(), nil)
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, dir, name, data)
			want := list(t, r, path)
			if len(want) == 0 {
				t.Fatal("Sources listed nothing")
			}
			got := listReader(t, r, path, data)
			if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
				t.Errorf("FileSources differs from Sources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIsContainer checks which names hold many documents.
func TestIsContainer(t *testing.T) {
	for name, want := range map[string]bool{
		"a.jsonl": true, "gs://b/a.NDJSON.gz": true, "cc/news.warc.gz": true, "x.warc": true,
		"a.html": false, "a.txt.gz": false, "a.json": false, "warc": false,
	} {
		if got := IsContainer(name); got != want {
			t.Errorf("IsContainer(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestFileSourcesStops checks that yield returning false stops the listing.
func TestFileSourcesStops(t *testing.T) {
	data := []byte(`{"text": "one"}` + "\n" + `{"text": "two"}` + "\n")
	n := 0
	done := NewReader(DefaultOptions(), nil).FileSources("x.jsonl", bytes.NewReader(data), func(Source, error) bool {
		n++
		return false
	})
	if done || n != 1 {
		t.Errorf("done = %v after %d sources, want false after 1", done, n)
	}
}

// TestDocumentSource checks that a Source made from a document loads it.
func TestDocumentSource(t *testing.T) {
	doc := Document{Source: "gs://bucket/a.warc.gz:3", URL: "https://x.example", Kind: HTML, Data: []byte("<p>x</p>")}
	src := DocumentSource(doc)
	got, err := src.Load(context.Background())
	if err != nil || src.Name != doc.Source || !cmp.Equal(got, doc) {
		t.Errorf("DocumentSource: name %q, doc %+v, err %v", src.Name, got, err)
	}
}

// listReader lists the file called name from its content with FileSources,
// loading every source.
func listReader(t *testing.T, r *Reader, name string, data []byte) []listed {
	t.Helper()
	return collect(func(yield func(Source, error) bool) { r.FileSources(name, bytes.NewReader(data), yield) })
}

// describe turns listed sources into comparable strings.
func describe(ls []listed) []string {
	var out []string
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s %+v err=%v", l.name, l.doc, l.err))
	}
	return out
}
