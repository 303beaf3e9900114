package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestViewSeedArticle checks that extract view of the seed article names
// the speakers of its quotes in their labels.
func TestViewSeedArticle(t *testing.T) {
	code, out, errs := runCLI(t, "", nil, "view", "../../fixtures/seed-html/input.html")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<title>Putin to meet US envoy Witkoff",
		`<span class="who-name">Karoline Leavitt</span>`, `<span class="who-name">Volodymyr Zelensky</span>`,
		`<span class="who-name">Emmanuel Macron</span>`, `<span class="who-name">Kaja Kallas</span>`} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestViewRecords checks extract view --records: the page of records read
// from a file, where a line that is no record is an error of its own, and
// --output.
func TestViewRecords(t *testing.T) {
	dir := t.TempDir()
	_, recs, _ := runCLI(t, article, nil, "-")
	path := filepath.Join(dir, "run.jsonl")
	writeFile(t, path, []byte(recs+"not json\n"))
	page := filepath.Join(dir, "page.html")
	code, out, errs := runCLI(t, "", nil, "view", "--records", path, "-o", page, "--title", "Monday's run")
	if code != ExitFailed || out != "" || !strings.Contains(errs, "run.jsonl:2: not a record of extract") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 1 and the bad line named", code, out, errs)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Monday&#39;s run · extract</title>", `<span class="who-name">Elena Duarte</span>`, "run.jsonl:2: not a record of extract", `href="#a2"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if code, out, _ := runCLI(t, "", nil, "view", "--help"); code != ExitOK || !strings.Contains(out, "write the page to FILE") {
		t.Errorf("view --help: exit %d, the output flag not told as the page's:\n%s", code, out)
	}
	if code, _, errs := runCLI(t, "", nil, "view", "--records", path, "other.html"); code != ExitUsage || !strings.Contains(errs, "not both") {
		t.Errorf("--records with inputs: exit %d, %s", code, errs)
	}
}

// TestServeCommand starts extract serve on a free loopback port, asks it
// for a record, and stops it as Ctrl-C would.
func TestServeCommand(t *testing.T) {
	if code, out, _ := runCLI(t, "", nil, "serve", "--help"); code != ExitOK || !strings.Contains(out, "--addr") {
		t.Errorf("serve --help: exit %d\n%s", code, out)
	}
	if code, _, errs := runCLI(t, "", nil, "serve", "extra"); code != ExitUsage || !strings.Contains(errs, "no arguments") {
		t.Errorf("serve extra: exit %d, %s", code, errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan ExitCode, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, pw, func(string) string { return "" })
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	lines.Scan()
	addr := regexp.MustCompile(`http://\S+/`).FindString(lines.Text())
	if addr == "" {
		t.Fatalf("no address in %q", lines.Text())
	}
	go io.Copy(io.Discard, pr)
	resp, err := http.Post(addr+"extract", "text/plain", strings.NewReader(article))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"name":"Elena Duarte"`) {
		t.Errorf("POST /extract: %d %s", resp.StatusCode, b)
	}
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("exit %d after the stop", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("extract serve did not stop")
	}
}
