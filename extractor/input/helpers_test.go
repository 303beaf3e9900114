package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// listed is one Source as a test sees it: its document loaded, or the error
// of listing or loading it.
type listed struct {
	name string
	feed string // the Source's Feed
	doc  Document
	err  error
}

// list lists args with r and loads every source.
func list(t *testing.T, r *Reader, args ...string) []listed {
	t.Helper()
	return collect(func(yield func(Source, error) bool) { r.Sources(args, yield) })
}

// collect runs a listing and loads every source it yields.
func collect(listing func(yield func(Source, error) bool)) []listed {
	var out []listed
	listing(func(src Source, err error) bool {
		l := listed{name: src.Name, feed: src.Feed, err: err}
		if err == nil {
			l.doc, l.err = src.Load(context.Background())
		}
		out = append(out, l)
		return true
	})
	return out
}

// names are the names of what was listed.
func names(ls []listed) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.name)
	}
	return out
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// gzipped packs data as one gzip member.
func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
