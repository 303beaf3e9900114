package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// badInputs writes a corpus of inputs that have broken tools before into
// dir and returns their paths, in the order given to extract.
func badInputs(t *testing.T, dir string) []string {
	t.Helper()
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	files := []struct {
		name string
		data []byte
	}{
		{"empty.html", nil},
		{"empty.txt", nil},
		{"blank.txt", []byte(" \n\t\n")},
		{"random.html", random},
		{"random.txt", random},
		{"huge.html", bytes.Repeat([]byte("<p>All work and no play makes a dull page. </p>\n"), 50<<20/48)},
		{"deep.html", []byte("<html><body>" + strings.Repeat("<div>", 100000) + "deep" + strings.Repeat("</div>", 100000))},
		{"deep-inline.html", []byte("<p>" + strings.Repeat("<b>", 100000) + "bold")},
		{"invalid-utf8.txt", []byte("Caf\xe9 owners \xff\xfe said \"no,\" she said.\n")},
		{"truncated.html.gz", gz(t, "<html><body><p>"+article+"</p></body></html>")[:30]},
		{"not-gzip.txt.gz", []byte("plain text with the wrong name")},
		{"nul.txt", []byte("a\x00b\x00c")},
		{"unclosed.html", []byte("<html><body><p>“Never closed,” she said. <script>var x = '")},
		{"quotes-only.txt", []byte(strings.Repeat("“", 5000) + strings.Repeat("”", 5000))},
		{"long-line.txt", bytes.Repeat([]byte("word "), 400000)},
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		writeFile(t, p, f.data)
		paths = append(paths, p)
	}
	return paths
}

// wantErrors are the errors that some of the bad inputs must give.
var wantErrors = map[string]string{
	"empty.html": "empty input", "empty.txt": "empty input", "blank.txt": "empty input",
	"pipe.jsonl": "not a regular file", "up": "would loop", "utf16.txt": "<nil>",
}

// TestBadInputs runs extract over the corpus and URLs that hang or redirect
// forever: every input gets exactly one record, in order, an error names
// its input, and the run goes on to a good article at the end.
func TestBadInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hangs", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	inputs := append(badInputs(t, dir), srv.URL+"/hangs", srv.URL+"/loop", "no/such/file.txt")
	sources := slices.Clone(inputs) // one record each, and one per line or record of these:
	lines := filepath.Join(dir, "lines.jsonl")
	writeFile(t, lines, []byte("{\"text\": \"A line.\"}\nnot json\n{\"title\": \"neither html nor text\"}\n{\"html\": \"<p>A page</p>\"}"))
	crawl := filepath.Join(dir, "crawl.warc.gz")
	writeFile(t, crawl, gz(t, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\ncut short"))
	folder := filepath.Join(dir, "folder") // a named pipe, a link that loops, names that are not UTF-8
	writeFile(t, filepath.Join(folder, "utf16.txt"), utf16LE(article))
	writeFile(t, filepath.Join(folder, "x\xfe.txt"), []byte(article))
	writeFile(t, filepath.Join(folder, "x\xff.txt"), []byte(article))
	if err := syscall.Mkfifo(filepath.Join(folder, "pipe.jsonl"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(folder, filepath.Join(folder, "up")); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, []byte(article))
	inputs = append(inputs, lines, crawl, folder, good)
	sources = append(sources, lines+":1", lines+":2", lines+":3", lines+":4", crawl+":1")
	for _, name := range []string{"pipe.jsonl", "up", "utf16.txt", `x\xfe.txt`, `x\xff.txt`} {
		sources = append(sources, filepath.Join(folder, name))
	}
	sources = append(sources, good)

	args := append([]string{"--jobs", "2", "--timeout", "300ms", "--article-timeout", "20s"}, inputs...)
	code, out, errs := runCLI(t, "", nil, args...)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d", code, ExitFailed)
	}
	recs := records(t, out)
	if len(recs) != len(sources) {
		t.Fatalf("%d inputs gave %d records; stderr:\n%s", len(sources), len(recs), errs)
	}
	for i, r := range recs {
		if want, ok := wantErrors[filepath.Base(sources[i])]; ok && !strings.Contains(fmt.Sprint(r["error"]), want) {
			t.Errorf("record of %s: error %v, want one that says %q", sources[i], r["error"], want)
		}
		if r["source"] != sources[i] {
			t.Errorf("record %d is of %v, want %s", i, r["source"], sources[i])
		}
		if msg, failed := r["error"].(string); failed && !strings.Contains(msg, filepath.Base(sources[i])) {
			t.Errorf("error %q does not name its input %s", msg, sources[i])
		}
		if _, failed := r["error"]; !failed && r["text"] == nil {
			t.Errorf("record %d has neither text nor error: %v", i, r)
		}
	}
	if last := recs[len(recs)-1]; last["error"] != nil || len(last["quotes"].([]any)) != 1 {
		t.Errorf("the good article after the bad ones: %v", last)
	}
}
