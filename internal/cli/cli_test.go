package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const article = "Bridge reopens\n\n“We owe the city a bridge it can trust,” Mayor Elena Duarte said on Monday.\n"

// runCLI runs the command in-process with the given environment.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (code ExitCode, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb, getenv)
	return code, out.String(), errb.String()
}

// records decodes JSON Lines.
func records(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r map[string]any
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output is not JSON Lines: %v\n%s", err, out)
		}
		recs = append(recs, r)
	}
	return recs
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestStdinText(t *testing.T) {
	code, out, errs := runCLI(t, article, nil)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	r := recs[0]
	if r["source"] != "-" || r["text"] != article || r["title"] != "Bridge reopens" {
		t.Errorf("unexpected record: source=%v title=%v text=%q", r["source"], r["title"], r["text"])
	}
	quotes := r["quotes"].([]any)
	if len(quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(quotes))
	}
	sp := quotes[0].(map[string]any)["speaker"].(map[string]any)
	if sp["name"] != "Elena Duarte" {
		t.Errorf("speaker = %v, want Elena Duarte", sp["name"])
	}
}

func TestStdinHTMLToldByContent(t *testing.T) {
	page := "<!doctype html><html lang=en><head><title>Bridge reopens | City Post</title></head><body><article><p>“We owe the city a bridge it can trust,” Mayor Elena Duarte said on Monday, as the first cars crossed.</p></article></body></html>"
	code, out, _ := runCLI(t, page, nil, "-")
	recs := records(t, out)
	if code != ExitOK || len(recs) != 1 {
		t.Fatalf("exit %d, %d records", code, len(recs))
	}
	if recs[0]["title"] != "Bridge reopens" || recs[0]["language"] != "en" || strings.Contains(recs[0]["text"].(string), "<") {
		t.Errorf("HTML on stdin was not read as a page: %v", recs[0])
	}
}

// TestFolderWithBadInputs walks a folder holding good files, a broken gzip
// and a file of another kind: every known file gets exactly one record, the
// broken one an error that names it, and the run goes on.
func TestFolderWithBadInputs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), []byte(article))
	writeFile(t, filepath.Join(dir, "sub", "a.html.gz"), gz(t, "<html><body><p>"+article+"</p></body></html>"))
	writeFile(t, filepath.Join(dir, "c.txt.gz"), []byte{0x1f, 0x8b, 0x08, 0x00, 0x01})
	writeFile(t, filepath.Join(dir, "notes.md"), []byte("ignored"))
	code, out, errs := runCLI(t, "", nil, dir)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d when an input fails", code, ExitFailed)
	}
	recs := records(t, out)
	var sources []string
	for _, r := range recs {
		sources = append(sources, filepath.ToSlash(strings.TrimPrefix(r["source"].(string), dir+"/")))
	}
	if got := strings.Join(sources, " "); got != "b.txt c.txt.gz sub/a.html.gz" {
		t.Errorf("sources in order = %q", got)
	}
	bad := recs[1]
	if msg, _ := bad["error"].(string); !strings.Contains(msg, "c.txt.gz") || !strings.Contains(msg, "gzip") {
		t.Errorf("error record %v should name the file and say what is wrong", bad)
	}
	if len(bad) != 2 {
		t.Errorf("an error record holds only source and error: %v", bad)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "c.txt.gz") || !strings.Contains(lines[1], "3 articles") || !strings.Contains(lines[1], "1 failed") {
		t.Errorf("stderr should hold a line naming the file and a summary, got %q", errs)
	}
}

func TestMissingFile(t *testing.T) {
	code, out, errs := runCLI(t, "", nil, "no/such/file.html")
	recs := records(t, out)
	if code != ExitFailed || len(recs) != 1 || !strings.Contains(recs[0]["error"].(string), "no/such/file.html") {
		t.Errorf("exit %d, records %v, stderr %q", code, recs, errs)
	}
}

// TestURLs fetches from a server on loopback: a page, a missing page, an
// endless redirect and a page that answers too late.
func TestURLs(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.UserAgent(), "extract") {
			t.Errorf("User-Agent %q does not name extract", r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><head><link rel=canonical href='https://news.example/story'></head><body><p>" + article + "</p></body></html>"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	code, out, errs := runCLI(t, "", nil, "--timeout", "200ms", srv.URL+"/story", srv.URL+"/missing", srv.URL+"/loop", srv.URL+"/slow")
	recs := records(t, out)
	if code != ExitFailed || len(recs) != 4 {
		t.Fatalf("exit %d, %d records, stderr %q", code, len(recs), errs)
	}
	if recs[0]["url"] != "https://news.example/story" || recs[0]["error"] != nil {
		t.Errorf("page record: %v", recs[0])
	}
	for i, want := range []string{"404", "redirects", "no answer within 200ms"} {
		if msg, _ := recs[i+1]["error"].(string); !strings.Contains(msg, want) || !strings.Contains(msg, srv.URL) {
			t.Errorf("record %d error %q should name the URL and say %q", i+1, msg, want)
		}
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	writeFile(t, in, []byte(article))
	out := filepath.Join(dir, "out.jsonl")
	code, stdout, errs := runCLI(t, "", nil, "-o", out, "--pretty", in)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("{\n  \"source\": ")) {
		t.Errorf("--pretty output should be indented: %.40q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, errs := runCLI(t, "", nil, "--no-such-flag"); code != ExitUsage || !strings.Contains(errs, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, %q", code, errs)
	}
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	writeFile(t, cfg, []byte("fetch:\n  timout: 3s\n"))
	if code, _, errs := runCLI(t, "", nil, "--config", cfg); code != ExitUsage || !strings.Contains(errs, "fetch.timout") || !strings.Contains(errs, cfg) {
		t.Errorf("unknown setting: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", map[string]string{"EXTRACT_FETCH_TIMEOUT": "soon"}); code != ExitUsage || !strings.Contains(errs, "fetch.timeout") {
		t.Errorf("bad duration: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", nil, "--rules", "no/such/dir"); code != ExitUsage || !strings.Contains(errs, "no/such/dir") {
		t.Errorf("missing rules folder: exit %d, %q", code, errs)
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "--help")
	if code != ExitOK {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"Usage:", "--output", "EXTRACT_", "precedence", "Exit status"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// TestConfigPrecedence checks flag > environment > config file > default.
func TestConfigPrecedence(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	writeFile(t, cfg, []byte("fetch:\n  timeout: 7s\n  max_redirects: 2\noutput:\n  pretty: true\n"))
	defaults, err := defaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	load := func(env map[string]string, args ...string) Config {
		flags := newFlags(defaults)
		if err := flags.Parse(args); err != nil {
			t.Fatal(err)
		}
		c, err := loadConfig(flags, func(k string) string { return env[k] }, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := load(nil); c.Timeout != 30*time.Second || c.Pretty {
		t.Errorf("defaults: %+v", c)
	}
	if c := load(nil, "--config", cfg); c.Timeout != 7*time.Second || c.MaxRedirects != 2 || !c.Pretty {
		t.Errorf("config file: %+v", c)
	}
	env := map[string]string{"EXTRACT_CONFIG": cfg, "EXTRACT_FETCH_TIMEOUT": "9s", "EXTRACT_OUTPUT_PRETTY": "false"}
	if c := load(env); c.Timeout != 9*time.Second || c.MaxRedirects != 2 || c.Pretty {
		t.Errorf("environment over config file: %+v", c)
	}
	if c := load(env, "--timeout", "11s", "--pretty"); c.Timeout != 11*time.Second || !c.Pretty {
		t.Errorf("flag over environment: %+v", c)
	}
}
