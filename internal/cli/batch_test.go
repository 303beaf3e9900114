package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// articles writes n small articles into a new folder and returns it.
func articles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Story %d\n\n“We will open gate %d on Monday,” Mayor Elena Duarte said.\n", i, i)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text))
	}
	return dir
}

func sourcesOf(t *testing.T, out string) []string {
	t.Helper()
	var s []string
	for _, r := range records(t, out) {
		s = append(s, filepath.Base(r["source"].(string)))
	}
	return s
}

func TestJobsKeepInputOrder(t *testing.T) {
	dir := articles(t, 40)
	_, one, _ := runCLI(t, "", nil, "--jobs", "1", dir)
	code, four, errs := runCLI(t, "", nil, "--jobs", "4", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if one != four {
		t.Errorf("--jobs 4 wrote other records, or in another order, than --jobs 1")
	}
	if got := sourcesOf(t, four); len(got) != 40 || !slices.IsSorted(got) {
		t.Errorf("sources %v, want 40 in input order", got)
	}
	_, unordered, _ := runCLI(t, "", nil, "--jobs", "4", "--unordered", dir)
	got := sourcesOf(t, unordered)
	slices.Sort(got)
	if !slices.Equal(got, sourcesOf(t, four)) {
		t.Errorf("--unordered wrote sources %v", got)
	}
}

// TestArticleTimeout gives up on an article whose URL never answers, and
// goes on with the rest.
func TestArticleTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	dir := articles(t, 1)
	code, out, _ := runCLI(t, "", nil, "--timeout", "1m", "--article-timeout", "200ms", srv.URL+"/hangs", dir)
	recs := records(t, out)
	if code != ExitFailed || len(recs) != 2 {
		t.Fatalf("exit %d, records %v", code, recs)
	}
	if msg, _ := recs[0]["error"].(string); !strings.Contains(msg, "gave up after 200ms") || !strings.Contains(msg, "/hangs") {
		t.Errorf("error %q should name the URL and the limit", msg)
	}
	if recs[1]["error"] != nil {
		t.Errorf("the next article failed too: %v", recs[1])
	}
}

// TestStopAndResume stops a run while one URL hangs, then resumes it: the
// records are those of a run that was never stopped.
func TestStopAndResume(t *testing.T) {
	hang, reached := make(chan struct{}), make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case reached <- struct{}{}:
		default:
		}
		select {
		case <-hang:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	dir := articles(t, 5)
	args := []string{"--jobs", "2", filepath.Join(dir, "000.txt"), filepath.Join(dir, "001.txt"), srv.URL + "/late",
		filepath.Join(dir, "002.txt"), filepath.Join(dir, "003.txt"), filepath.Join(dir, "004.txt")}
	out := filepath.Join(t.TempDir(), "out.jsonl")

	// Stop once the URL hangs and the two records before it are written
	// (however slow the machine), or after a minute.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	go func() {
		select {
		case <-reached:
		case <-ctx.Done():
			return
		}
		for ctx.Err() == nil {
			if b, _ := os.ReadFile(out); bytes.Count(b, []byte("\n")) >= 2 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
	}()
	var stdout, stderr bytes.Buffer
	code := run(ctx, append([]string{"-o", out}, args...), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
	if code != ExitFailed || !strings.Contains(stderr.String(), "--resume") {
		t.Errorf("stopped run: exit %d, stderr %q", code, stderr.String())
	}
	first, _ := os.ReadFile(out)
	if n := len(records(t, string(first))); n < 2 || n > 5 {
		t.Fatalf("the stopped run wrote %d records, want the ones done before the stop", n)
	}
	// A record cut short by a kill is done again.
	os.WriteFile(out, append(first, []byte(`{"source":"`+filepath.Join(dir, "004.txt")+`","te`)...), 0o644)

	close(hang)
	code, _, errs := runCLI(t, "", nil, append([]string{"-o", out, "--resume"}, args...)...)
	if code != ExitOK || !strings.Contains(errs, "skipped") {
		t.Fatalf("resumed run: exit %d, stderr %q", code, errs)
	}
	resumed, _ := os.ReadFile(out)
	_, whole, _ := runCLI(t, "", nil, args...)
	a, b := strings.Split(strings.TrimSpace(string(resumed)), "\n"), strings.Split(strings.TrimSpace(whole), "\n")
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Errorf("stopped and resumed, the records differ from one run's:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

func TestResumeNeedsOutput(t *testing.T) {
	if code, _, errs := runCLI(t, "", nil, "--resume"); code != ExitUsage || !strings.Contains(errs, "-o") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, failed, total int
		elapsed             time.Duration
		want                string
	}{
		{120, 3, 500, 10 * time.Second, "120/500 articles  12.0/s  3 failed  0:32 left"},
		{120, 0, -1, 10 * time.Second, "120 articles  12.0/s  0 failed"},
		{0, 0, 10, 0, "0/10 articles  0.0/s  0 failed"},
	}
	for _, tt := range tests {
		if got := progressLine(tt.done, tt.failed, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("progressLine(%d, %d, %d, %s) = %q, want %q", tt.done, tt.failed, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// largestWrite is a writer that keeps what it is given and the size of the
// largest single write.
type largestWrite struct {
	bytes.Buffer
	largest int
}

func (w *largestWrite) Write(p []byte) (int, error) {
	w.largest = max(w.largest, len(p))
	return w.Buffer.Write(p)
}

// TestRecordWrittenInPieces checks that a record is written as it is
// encoded, a piece at a time, not made whole in memory first: the record of
// an article with many quotes reaches the output in writes much smaller
// than itself; --pretty writes the same record, indented.
func TestRecordWrittenInPieces(t *testing.T) {
	var text strings.Builder
	text.WriteString("Council notes\n\n")
	for i := range 200 {
		fmt.Fprintf(&text, "“Point %d is settled,” Mayor Elena Duarte said.\n\n", i)
	}
	path := filepath.Join(t.TempDir(), "many-quotes.txt")
	writeFile(t, path, []byte(text.String()))
	var out largestWrite
	var errb bytes.Buffer
	getenv := func(string) string { return "" }
	if code := run(context.Background(), []string{path}, strings.NewReader(""), &out, &errb, getenv); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	recs := records(t, out.String())
	if len(recs) != 1 || len(recs[0]["quotes"].([]any)) != 200 {
		t.Fatalf("want one record with 200 quotes, got %s", out.String())
	}
	if out.largest > out.Len()/4 {
		t.Errorf("largest write %d bytes of a %d-byte record", out.largest, out.Len())
	}
	_, pretty, _ := runCLI(t, "", nil, "--pretty", path)
	var indented bytes.Buffer
	if err := json.Indent(&indented, bytes.TrimSpace(out.Bytes()), "", "  "); err != nil {
		t.Fatal(err)
	}
	if pretty != indented.String()+"\n" {
		t.Errorf("--pretty wrote another record than the compact one, indented")
	}
}
