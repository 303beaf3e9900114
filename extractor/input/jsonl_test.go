package input

import (
	"bufio"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const articlesJSONL = `{"id": "a1", "url": "https://example.com/a", "html": "<html><p>Story A</p></html>"}
{"text": "Story B, in plain text."}

not json at all
{"url": "https://example.com/c"}
["an", "array"]
{"url": "https://example.com/d", "text": "Story D."}
{"html": "<p>Story E</p>", "text": "ignored"}
{"html": "<p>cut
`

func TestJSONLinesFile(t *testing.T) {
	path := writeFile(t, t.TempDir(), "articles.jsonl", []byte(articlesJSONL))
	got := list(t, NewReader(DefaultOptions(), nil), path)
	want := []string{path + ":1", path + ":2", path + ":4", path + ":5", path + ":6", path + ":7", path + ":8", path + ":9"}
	if !slices.Equal(names(got), want) {
		t.Fatalf("names = %q, want %q", names(got), want)
	}
	checkDoc(t, got[0], HTML, "https://example.com/a", "<html><p>Story A</p></html>")
	checkDoc(t, got[1], Text, "", "Story B, in plain text.")
	checkErr(t, got[2], path+`:4: not a JSON object: starts with "not json at all"`)
	checkErr(t, got[3], path+`:5: the object has neither "html" nor "text"`)
	checkErr(t, got[4], path+`:6: not a JSON object: starts with "[\"an\", \"array\"]"`)
	checkDoc(t, got[5], Text, "https://example.com/d", "Story D.")
	checkDoc(t, got[6], HTML, "", "<p>Story E</p>")
	checkErr(t, got[7], path+":9: not a JSON object: unexpected end of JSON input")
}

func TestJSONLinesGzipAndCRLF(t *testing.T) {
	data := gzipped(t, []byte("\ufeff{\"text\": \"one\"}\r\n\r\n{\"html\": \"<p>two</p>\"}"))
	path := writeFile(t, t.TempDir(), "a.ndjson.gz", data)
	got := list(t, NewReader(DefaultOptions(), nil), path)
	if !slices.Equal(names(got), []string{path + ":1", path + ":3"}) {
		t.Fatalf("names = %q", names(got))
	}
	checkDoc(t, got[0], Text, "", "one")
	checkDoc(t, got[1], HTML, "", "<p>two</p>")
}

func TestJSONLinesInFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/x.jsonl", []byte(`{"text": "x1"}`+"\n"+`{"text": "x2"}`+"\n"))
	writeFile(t, dir, "a.txt", []byte("plain"))
	writeFile(t, dir, "c.json", []byte(`{"text": "not walked"}`))
	got := list(t, NewReader(DefaultOptions(), nil), dir)
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b/x.jsonl") + ":1", filepath.Join(dir, "b/x.jsonl") + ":2"}
	if !slices.Equal(names(got), want) {
		t.Fatalf("names = %q, want %q", names(got), want)
	}
}

func TestJSONLinesTooLong(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxBytes = 40
	long := `{"text": "` + strings.Repeat("x", 200) + `"}`
	data := `{"text": "short"}` + "\n" + long + "\n" + `{"text": "after"}` + "\n" + long
	path := writeFile(t, t.TempDir(), "long.jsonl", []byte(data))
	got := list(t, NewReader(opts, nil), path)
	if len(got) != 4 {
		t.Fatalf("got %d sources, want 4: %q", len(got), names(got))
	}
	checkDoc(t, got[0], Text, "", "short")
	checkErr(t, got[1], path+":2: longer than the limit of 40 bytes (see --max-bytes)")
	checkDoc(t, got[2], Text, "", "after")
	checkErr(t, got[3], path+":4: longer than the limit of 40 bytes (see --max-bytes)")
}

func TestReadLineAcrossBuffer(t *testing.T) {
	line := strings.Repeat("y", 100)
	br := bufio.NewReaderSize(strings.NewReader(line+"\n"+line), 16)
	for i := range 2 {
		got, err := readLine(br, 100)
		if err != nil || string(got) != line {
			t.Fatalf("line %d: %q, %v", i+1, got, err)
		}
	}
	if _, err := readLine(br, 100); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
	br = bufio.NewReaderSize(strings.NewReader(line+"\nok\n"), 16)
	if _, err := readLine(br, 99); !errors.Is(err, errLineTooLong) {
		t.Fatalf("over the limit: %v", err)
	}
	if got, err := readLine(br, 99); err != nil || string(got) != "ok" {
		t.Fatalf("after a long line: %q, %v", got, err)
	}
}

func TestStdinJSONLines(t *testing.T) {
	stdin := "\n  " + `{"url": "https://example.com/1", "html": "<p>one</p>"}` + "\nbroken\n" + `{"text": "three"}`
	got := list(t, NewReader(DefaultOptions(), strings.NewReader(stdin)))
	if !slices.Equal(names(got), []string{"-:2", "-:3", "-:4"}) {
		t.Fatalf("names = %q", names(got))
	}
	checkDoc(t, got[0], HTML, "https://example.com/1", "<p>one</p>")
	checkErr(t, got[1], `-:3: not a JSON object: starts with "broken"`)
	checkDoc(t, got[2], Text, "", "three")
}

func TestStdinOneDocument(t *testing.T) {
	for _, tc := range []struct {
		name, stdin string
		kind        Kind
	}{
		{"text", "A plain story.\n{\"text\": \"not JSON Lines\"}\n", Text},
		{"JSON without html or text", "{\"title\": \"x\"}\n{\"text\": \"y\"}\n", Text},
		{"HTML", "  <!DOCTYPE html><p>x</p>", HTML},
		{"gzip", string(gzipped(t, []byte("<html><p>zipped</p></html>"))), HTML},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := list(t, NewReader(DefaultOptions(), strings.NewReader(tc.stdin)), "-")
			if len(got) != 1 || got[0].name != "-" || got[0].err != nil {
				t.Fatalf("got %+v, want one document named -", got)
			}
			want := tc.stdin
			if tc.name == "gzip" {
				want = "<html><p>zipped</p></html>"
			}
			checkDoc(t, got[0], tc.kind, "", want)
		})
	}
}

func TestParseJSONLineFields(t *testing.T) {
	doc, err := parseJSONLine("f:1", []byte(`{"id": 7, "url": "u", "text": "t", "extra": [1]}`))
	if err != nil || doc.Source != "f:1" || doc.URL != "u" || string(doc.Data) != "t" || doc.Kind != Text {
		t.Fatalf("got %+v, %v", doc, err)
	}
	for _, line := range []string{`{"text": ""}`, `{"text": null}`, `{"url": 5, "text": "t"}`, `{"text": "t"} x`} {
		if _, err := parseJSONLine("f:1", []byte(line)); err == nil || !strings.HasPrefix(err.Error(), "f:1: ") {
			t.Errorf("%s: error %v, want one naming f:1", line, err)
		}
	}
}

// checkDoc checks a listed document.
func checkDoc(t *testing.T, l listed, kind Kind, url, data string) {
	t.Helper()
	if l.err != nil {
		t.Errorf("%s: %v", l.name, l.err)
		return
	}
	if l.doc.Source != l.name || l.doc.Kind != kind || l.doc.URL != url || string(l.doc.Data) != data {
		t.Errorf("%s: got source %q kind %v url %q data %.60q; want kind %v url %q data %.60q",
			l.name, l.doc.Source, l.doc.Kind, l.doc.URL, l.doc.Data, kind, url, data)
	}
}

// checkErr checks that a listed source failed with the message want.
func checkErr(t *testing.T, l listed, want string) {
	t.Helper()
	if l.err == nil || l.err.Error() != want {
		t.Errorf("%s: error %v, want %q", l.name, l.err, want)
	}
}

// TestJSONLinesOwnFields checks that a line's "id" and its other fields
// come with its document, for the record to carry back.
func TestJSONLinesOwnFields(t *testing.T) {
	for _, c := range []struct{ line, id, meta string }{
		{`{"id": "a1", "url": "https://example.com/a", "text": "Story A", "desk": "metro", "tags": ["x", 2]}`,
			`"a1"`, `{"desk":"metro","tags":["x",2]}`},
		{`{"id": 42, "text": "Story B"}`, `42`, ``},
		{`{"text": "Story C", "meta": {"n": 1}}`, ``, `{"meta":{"n":1}}`},
		{`{"text": "Story D"}`, ``, ``},
	} {
		doc, err := parseJSONLine("f:1", []byte(c.line))
		if err != nil {
			t.Fatal(err)
		}
		if string(doc.ID) != c.id || string(doc.Meta) != c.meta {
			t.Errorf("%s: id %s, meta %s; want %s and %s", c.line, doc.ID, doc.Meta, c.id, c.meta)
		}
	}
}
