package input

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// warcRecord is a WARC record to write in a test.
type warcRecord struct {
	typ, uri, contentType, block string
}

// bytes writes the record, numbered n for its WARC-Record-ID.
func (w warcRecord) bytes(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", w.typ, n)
	b.WriteString("WARC-Date: 2024-05-06T07:08:09Z\r\n")
	if w.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", w.uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", w.contentType, len(w.block), w.block)
	return b.Bytes()
}

// buildWARC writes records one after the other, each gzipped on its own
// when gz is set, as CC-NEWS does.
func buildWARC(t testing.TB, gz bool, records ...warcRecord) []byte {
	var b bytes.Buffer
	for i, rec := range records {
		data := rec.bytes(i + 1)
		if gz {
			data = gzipped(t, data)
		}
		b.Write(data)
	}
	return b.Bytes()
}

// httpResponse is an HTTP response as a WARC response record holds it.
func httpResponse(status, header, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + header + "\r\n" + body
}

func response(uri, status, header, body string) warcRecord {
	return warcRecord{"response", uri, "application/http; msgtype=response", httpResponse(status, header, body)}
}

// newsRecords are the records of a small news crawl: two articles among
// records that are not articles.
func newsRecords(t testing.TB) []warcRecord {
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write([]byte("<html><p>Brotli story</p></html>"))
	bw.Close()
	return []warcRecord{
		{"warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"},
		{"request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"},
		response("https://news.example/a", "200 OK", "Content-Type: text/html; charset=utf-8\r\n", "<html><p>Story A</p></html>"),
		{"metadata", "https://news.example/a", "application/warc-fields", "fetchTimeMs: 12\r\n"},
		response("https://news.example/logo.png", "200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n"),
		response("https://news.example/gone", "404 Not Found", "Content-Type: text/html\r\n", "<html><p>Not found</p></html>"),
		response("https://news.example/old", "301 Moved Permanently", "Location: /a\r\nContent-Type: text/html\r\n", ""),
		response("https://news.example/b", "200 OK", "Content-Type: application/xhtml+xml\r\nContent-Encoding: br\r\n", br.String()),
		response("https://news.example/c", "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "5\r\n<p>Ch\r\n9\r\nunked</p>\r\n0\r\n\r\n"),
	}
}

func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			name := map[bool]string{false: "news.warc", true: "news.warc.gz"}[gz]
			path := writeFile(t, t.TempDir(), name, buildWARC(t, gz, newsRecords(t)...))
			got := list(t, NewReader(DefaultOptions(), nil), path)
			if want := []string{path + ":3", path + ":8", path + ":9"}; !slices.Equal(names(got), want) {
				t.Fatalf("names = %q, want %q", names(got), want)
			}
			checkDoc(t, got[0], HTML, "https://news.example/a", "<html><p>Story A</p></html>")
			checkDoc(t, got[1], HTML, "https://news.example/b", "<html><p>Brotli story</p></html>")
			checkDoc(t, got[2], HTML, "https://news.example/c", "<p>Chunked</p>")
			if ct := got[0].doc.ContentType; ct != "text/html; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
		})
	}
}

func TestWARCInFolderAndUncompressedGzipBody(t *testing.T) {
	dir := t.TempDir()
	body := gzipped(t, []byte("<html><p>Gzip story</p></html>"))
	rec := response("<https://news.example/g>", "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", string(body))
	path := writeFile(t, dir, "crawl/x.warc.gz", buildWARC(t, true, rec))
	got := list(t, NewReader(DefaultOptions(), nil), dir)
	if len(got) != 1 || got[0].name != path+":1" {
		t.Fatalf("got %q", names(got))
	}
	checkDoc(t, got[0], HTML, "https://news.example/g", "<html><p>Gzip story</p></html>")
}

func TestWARCTruncated(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data := buildWARC(t, gz, newsRecords(t)[:4]...)
			dir := t.TempDir()
			path := writeFile(t, dir, "cut.warc", data[:len(data)-40])
			next := writeFile(t, dir, "next.jsonl", []byte(`{"text": "after"}`))
			got := list(t, NewReader(DefaultOptions(), nil), path, next)
			if want := []string{path + ":3", path + ":4", next + ":1"}; !slices.Equal(names(got), want) {
				t.Fatalf("names = %q, want %q", names(got), want)
			}
			checkDoc(t, got[0], HTML, "https://news.example/a", "<html><p>Story A</p></html>")
			if got[1].err == nil || !strings.HasPrefix(got[1].err.Error(), path+":4: the WARC file is corrupt or cut short: ") {
				t.Errorf("error %v, want one naming %s:4", got[1].err, path)
			}
			checkDoc(t, got[2], Text, "", "after")
		})
	}
}

func TestWARCCorrupt(t *testing.T) {
	good := buildWARC(t, false, newsRecords(t)[2])
	for name, data := range map[string][]byte{
		"not a WARC":         []byte("<html><p>This is not a WARC file.</p></html>"),
		"garbage after":      append(slices.Clone(good), []byte("garbage that is not a record")...),
		"short last record":  good[:len(good)-10],
		"no content length":  []byte("WARC/1.1\r\nWARC-Type: response\r\n\r\n"),
		"header cut short":   good[:30],
		"gzip member broken": append(gzipped(t, good)[:20], gzipped(t, good)...),
		"gowarc panics":      []byte("WARC/\n"),
	} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "bad.warc", data)
			got := list(t, NewReader(DefaultOptions(), nil), path)
			last := got[len(got)-1]
			if last.err == nil || !strings.Contains(last.err.Error(), "the WARC file is corrupt or cut short") {
				t.Fatalf("got %q, last error %v", names(got), last.err)
			}
			if !strings.HasPrefix(last.name, path+":") {
				t.Errorf("name %q does not name the file and record", last.name)
			}
		})
	}
}

func TestWARCTrailingNewline(t *testing.T) {
	data := append(buildWARC(t, false, newsRecords(t)[2]), "\r\n"...)
	path := writeFile(t, t.TempDir(), "nl.warc", data)
	got := list(t, NewReader(DefaultOptions(), nil), path)
	if len(got) != 1 || got[0].err != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestWARCBodyOverLimit(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxBytes = 100
	big := response("https://news.example/big", "200 OK", "Content-Type: text/html\r\n", "<p>"+strings.Repeat("x", 500)+"</p>")
	small := response("https://news.example/small", "200 OK", "Content-Type: text/html\r\n", "<p>small</p>")
	path := writeFile(t, t.TempDir(), "big.warc.gz", buildWARC(t, true, big, small))
	got := list(t, NewReader(opts, nil), path)
	if len(got) != 2 {
		t.Fatalf("got %q", names(got))
	}
	want := path + ":1 (WARC record <urn:uuid:00000000-0000-0000-0000-000000000001>): reading the HTTP body: larger than the limit of 100 bytes (see --max-bytes)"
	checkErr(t, got[0], want)
	checkDoc(t, got[1], HTML, "https://news.example/small", "<p>small</p>")
}

func TestWARCStopsWhenAsked(t *testing.T) {
	path := writeFile(t, t.TempDir(), "news.warc.gz", buildWARC(t, true, newsRecords(t)...))
	n := 0
	NewReader(DefaultOptions(), nil).Sources([]string{path, path}, func(Source, error) bool {
		n++
		return false
	})
	if n != 1 {
		t.Fatalf("yield was called %d times after it returned false", n)
	}
}

func TestKnownFile(t *testing.T) {
	for name, want := range map[string]bool{
		"a.html": true, "a.TXT.gz": true, "a.jsonl": true, "a.ndjson.gz": true, "a.warc": true,
		"CC-NEWS-2024.warc.gz": true, "a.json": false, "a.gz": false, "a.warc.zst": false,
	} {
		if KnownFile(name) != want {
			t.Errorf("KnownFile(%q) = %v, want %v", name, !want, want)
		}
	}
}
