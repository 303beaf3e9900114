package input

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// listAll lists in with r and loads every source.
func listAll(r *Reader, in Inputs) []listed {
	return collect(func(yield func(Source, error) bool) { r.List(context.Background(), in, yield) })
}

func TestListFile(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.html", []byte("<p>First story.</p>"))
	b := writeFile(t, dir, "b.txt", []byte("Second story."))
	list := "\ufeff# stories to do\r\n" + a + "\r\n\n   \n  " + b + "  \n#" + a + "\n" + filepath.Join(dir, "missing.html")
	plain := writeFile(t, dir, "list.txt", []byte(list))
	packed := writeFile(t, dir, "list.txt.gz", gzipped(t, []byte(list)))
	want := []string{"<p>First story.</p>", "Second story.", "cannot read " + filepath.Join(dir, "missing.html")}
	for _, path := range []string{plain, packed} {
		got := listAll(NewReader(DefaultOptions(), nil), Inputs{Lists: []string{path}})
		if diff := cmp.Diff([]string{a, b, filepath.Join(dir, "missing.html")}, names(got)); diff != "" {
			t.Fatalf("%s: names (-want +got):\n%s", path, diff)
		}
		for i, l := range got {
			if s := string(l.doc.Data) + errText(l.err); !strings.Contains(s, want[i]) {
				t.Errorf("%s: %s gave %q, want %q", path, l.name, s, want[i])
			}
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestListOrderAndErrors lists args first, then each list in turn; a list
// that cannot be read and a line too long are errors that name them, and the
// listing goes on.
func TestListOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("A."))
	b := writeFile(t, dir, "b.txt", []byte("B."))
	long := writeFile(t, dir, "long.txt", []byte(strings.Repeat("x", maxListLine+1)+"\n"+b+"\n"))
	r := NewReader(DefaultOptions(), strings.NewReader(a+"\n"))
	got := listAll(r, Inputs{Args: []string{b}, Lists: []string{"-", filepath.Join(dir, "nope.txt"), long}})
	want := []string{b, a, filepath.Join(dir, "nope.txt"), long + ":1", b}
	if diff := cmp.Diff(want, names(got)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	if err := errText(got[2].err); !strings.Contains(err, "cannot read the list of inputs") || !strings.Contains(err, "nope.txt") {
		t.Errorf("missing list: %q", err)
	}
	if err := errText(got[3].err); !strings.Contains(err, "line 1: longer than") {
		t.Errorf("long line: %q", err)
	}
}

// TestListSkipFetchesNothing checks that a URL a resumed run has done is
// not fetched again.
func TestListSkipFetchesNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			hits.Add(1)
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("A story."))
	}))
	defer srv.Close()
	dir := t.TempDir()
	done := srv.URL + "/done"
	list := writeFile(t, dir, "urls.txt", []byte(done+"\n"+srv.URL+"/new\n"))
	got := listAll(NewReader(DefaultOptions(), nil), Inputs{Lists: []string{list}, Skip: func(n string) bool { return n == done }})
	if diff := cmp.Diff([]string{srv.URL + "/new"}, names(got)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests, want 1 (the skipped URL fetched?)", hits.Load())
	}
}
