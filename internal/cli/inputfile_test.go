package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestInputFile runs a list of inputs given with -i: URLs and paths in
// order, comments and blank lines skipped; a run resumed with the same list
// fetches only what is not done.
func TestInputFile(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	dir := t.TempDir()
	page := filepath.Join(dir, "saved.txt")
	writeFile(t, page, []byte(article))
	list := filepath.Join(dir, "urls.txt")
	writeFile(t, list, []byte("# monday's stories\n"+srv.URL+"/one\n\n"+page+"\n"+srv.URL+"/two\n"))
	out := filepath.Join(dir, "out.jsonl")
	code, _, errs := runCLI(t, "", nil, "-i", list, "-o", out)
	data, _ := os.ReadFile(out)
	recs := records(t, string(data))
	if code != ExitOK || len(recs) != 3 || recs[0]["source"] != srv.URL+"/one" || recs[1]["source"] != page || recs[2]["source"] != srv.URL+"/two" {
		t.Fatalf("exit %d, records %v, stderr %q", code, recs, errs)
	}
	writeFile(t, list, []byte(srv.URL+"/one\n"+page+"\n"+srv.URL+"/two\n"+srv.URL+"/three\n"))
	before := hits.Load()
	code, _, errs = runCLI(t, "", nil, "--input-file", list, "-o", out, "--resume")
	data, _ = os.ReadFile(out)
	if recs := records(t, string(data)); code != ExitOK || len(recs) != 4 || hits.Load()-before != 1 {
		t.Errorf("resumed: exit %d, %d records, %d fetches (want 1), stderr %q", code, len(recs), hits.Load()-before, errs)
	}
}

// TestInputFileStdin reads the list from standard input, and refuses
// standard input as both the list and an input.
func TestInputFileStdin(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.txt")
	writeFile(t, page, []byte(article))
	code, out, errs := runCLI(t, page+"\n", nil, "-i", "-")
	if recs := records(t, out); code != ExitOK || len(recs) != 1 || recs[0]["source"] != page {
		t.Errorf("-i -: exit %d, records %v, stderr %q", code, recs, errs)
	}
	code, out, errs = runCLI(t, page+"\n", nil, "-i", "-", "-")
	if code != ExitUsage || out != "" || !strings.Contains(errs, "standard input") {
		t.Errorf("-i - and -: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	list := filepath.Join(dir, "list.txt")
	writeFile(t, list, []byte(page+"\n"))
	code, _, errs = runCLI(t, "", nil, "-i", list, "-o", list)
	if data, _ := os.ReadFile(list); code != ExitUsage || string(data) != page+"\n" || !strings.Contains(errs, "also an input") {
		t.Errorf("-o the list: exit %d, stderr %q, list now %q", code, errs, data)
	}
	code, _, errs = runCLI(t, "", nil, "-i", filepath.Join(dir, "none.txt"))
	if code != ExitFailed || !strings.Contains(errs, "none.txt") {
		t.Errorf("missing list: exit %d, stderr %q", code, errs)
	}
}
