package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// recordsIn reads the records of an output file.
func recordsIn(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return records(t, string(data))
}

// onePerInput fails unless the records in path are exactly one per source
// in want, none failed.
func onePerInput(t *testing.T, path string, want []string) {
	t.Helper()
	var got []string
	for _, r := range recordsIn(t, path) {
		if r["error"] != nil {
			t.Errorf("%v failed: %v", r["source"], r["error"])
		}
		got = append(got, r["source"].(string))
	}
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("records of %q, want one each of %q", got, want)
	}
}

// filesIn lists the .txt files of dir.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestOutputInsideInputFolder writes the records into the folder being
// read: the output is never read back as an input, run after run.
func TestOutputInsideInputFolder(t *testing.T) {
	dir := articles(t, 5)
	out := filepath.Join(dir, "records.jsonl")
	for _, args := range [][]string{{"-o", out, dir}, {"-o", out, dir}, {"-o", out, "--resume", dir}} {
		if code, _, errs := runCLI(t, "", nil, args...); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		onePerInput(t, out, filesIn(t, dir))
	}
}

// TestOutputThatIsAnInput refuses to write over an input, however it is
// named, and leaves it as it was.
func TestOutputThatIsAnInput(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.html")
	writeFile(t, page, []byte("<p>"+article+"</p>"))
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(page, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-o", page, page}, {"-o", page, "--resume", dir + "/./a.html"}, {"-o", link, page}} {
		code, _, errs := runCLI(t, "", nil, args...)
		if code != ExitUsage || !strings.Contains(errs, "is also an input") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if data, _ := os.ReadFile(page); string(data) != "<p>"+article+"</p>" {
			t.Fatalf("%v: the input now holds %q", args, data)
		}
	}
}

// TestResumeRefusesAnotherFile leaves a file that extract did not write as
// it was.
func TestResumeRefusesAnotherFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notes.txt":   "notes\n",
		"unended.txt": "my notes, unended",
		"other.jsonl": `{"id": 1, "text": "a line of another tool"}` + "\n" + `{"id": 2}` + "\n",
	} {
		path := filepath.Join(dir, name)
		writeFile(t, path, []byte(content))
		code, _, errs := runCLI(t, article, nil, "-o", path, "--resume")
		if code != ExitUsage || !strings.Contains(errs, "not the output of a run") {
			t.Errorf("%s: exit %d, stderr %q", name, code, errs)
		}
		if data, _ := os.ReadFile(path); string(data) != content {
			t.Errorf("%s now holds %q", name, data)
		}
	}
}

// TestResumeAfterABadLine keeps every good record of a file with a line
// broken in its middle, does again only the input of the broken line, and
// keeps that line aside.
func TestResumeAfterABadLine(t *testing.T) {
	dir := articles(t, 12)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if code, _, errs := runCLI(t, "", nil, "-o", out, dir); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(out)
	lines := strings.SplitAfter(string(data), "\n")
	broken := lines[4][:len(lines[4])/2] + "\x00garbage\n"
	lines[4] = broken
	os.WriteFile(out, []byte(strings.Join(lines, "")), 0o644)

	code, _, errs := runCLI(t, "", nil, "-o", out, "--resume", dir)
	if code != ExitOK || !strings.Contains(errs, out+":5: not a record") || !strings.Contains(errs, "11 skipped") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	onePerInput(t, out, filesIn(t, dir))
	if rejected, _ := os.ReadFile(out + ".rejected"); string(rejected) != broken {
		t.Errorf("%s.rejected holds %q, want the broken line", out, rejected)
	}
}

// TestResumeRetriesFailures does again, on --resume, an input whose record
// is an error, and leaves one record for it, the new one.
func TestResumeRetriesFailures(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, article)
	}))
	defer srv.Close()
	dir := articles(t, 3)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := append([]string{"-o", out, "--attempts", "1", srv.URL + "/story"}, filesIn(t, dir)...)
	if code, _, _ := runCLI(t, "", nil, args...); code != ExitFailed {
		t.Fatalf("first run: exit %d, want %d", code, ExitFailed)
	}
	code, _, errs := runCLI(t, "", nil, append(args, "--resume")...)
	if code != ExitOK || !strings.Contains(errs, "1 input that failed before is tried again") {
		t.Fatalf("resumed: exit %d, stderr %q", code, errs)
	}
	onePerInput(t, out, append(filesIn(t, dir), srv.URL+"/story"))
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.jsonl.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

// TestInvalidUTF8FileNames gives two files whose names differ only in bytes
// that are not UTF-8 a record each, with distinct names, also on --resume.
func TestInvalidUTF8FileNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "x\xfe.txt"), []byte(article))
	writeFile(t, filepath.Join(dir, "x\xff.txt"), []byte(article))
	out := filepath.Join(t.TempDir(), "out.jsonl")
	want := []string{filepath.Join(dir, `x\xfe.txt`), filepath.Join(dir, `x\xff.txt`)}
	for _, args := range [][]string{{"-o", out, dir}, {"-o", out, "--resume", dir}} {
		if code, _, errs := runCLI(t, "", nil, args...); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		onePerInput(t, out, want)
	}
}

// TestNamedPipeInFolder gives a named pipe in a folder an error record
// without waiting on it, and reads the rest.
func TestNamedPipeInFolder(t *testing.T) {
	dir := articles(t, 2)
	if err := syscall.Mkfifo(filepath.Join(dir, "feed.jsonl"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan []map[string]any)
	go func() {
		_, out, _ := runCLI(t, "", nil, dir)
		done <- records(t, out)
	}()
	select {
	case recs := <-done:
		if len(recs) != 3 || !strings.Contains(recs[2]["error"].(string), "not a regular file but a named pipe") {
			t.Errorf("records %v", recs)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a named pipe in a folder hangs the run")
	}
}

// TestStopWhileStdinBlocks stops a run whose standard input never ends: it
// ends within two seconds of the stop, keeping the records it finished.
func TestStopWhileStdinBlocks(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	dir := articles(t, 2)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan ExitCode)
	go func() {
		var stdout, stderr bytes.Buffer
		ended <- run(ctx, []string{"-o", out, filesIn(t, dir)[0], "-", filesIn(t, dir)[1]}, pr, &stdout, &stderr, func(string) string { return "" })
	}()
	time.Sleep(500 * time.Millisecond)
	cancel()
	select {
	case code := <-ended:
		if code != ExitFailed {
			t.Errorf("exit %d, want %d", code, ExitFailed)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the run did not end within two seconds of the stop")
	}
	if recs := recordsIn(t, out); len(recs) != 1 || recs[0]["source"] != filesIn(t, dir)[0] {
		t.Errorf("kept %v, want the first file's record", recs)
	}
}

// TestEmptyInputsFail gives an empty file and empty standard input an error
// record.
func TestEmptyInputsFail(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	writeFile(t, empty, nil)
	for _, tc := range []struct{ stdin, arg string }{{"", empty}, {"", "-"}, {" \n", "-"}} {
		code, out, _ := runCLI(t, tc.stdin, nil, tc.arg)
		recs := records(t, out)
		if code != ExitFailed || len(recs) != 1 || !strings.Contains(recs[0]["error"].(string), "empty input") {
			t.Errorf("%q with stdin %q: exit %d, records %v", tc.arg, tc.stdin, code, recs)
		}
	}
}

// TestUTF16PlainText reads plain text in UTF-16 with a byte-order mark.
func TestUTF16PlainText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.txt")
	writeFile(t, path, utf16LE(article))
	code, out, errs := runCLI(t, "", nil, path)
	recs := records(t, out)
	if code != ExitOK || len(recs) != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if text := recs[0]["text"].(string); strings.ContainsRune(text, 0) || !strings.Contains(text, "Elena Duarte") {
		t.Errorf("text %q", text)
	}
	if qs := recs[0]["quotes"].([]any); len(qs) != 1 {
		t.Errorf("quotes %v", qs)
	}
}

// utf16LE is s in UTF-16, little-endian, with a byte-order mark (s has no
// characters beyond the Basic Multilingual Plane).
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestSymlinkedFolder follows a link to a folder inside the input folder.
func TestSymlinkedFolder(t *testing.T) {
	dir := articles(t, 1)
	other := articles(t, 2)
	if err := os.Symlink(other, filepath.Join(dir, "more")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", nil, dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := sourcesOf(t, out); !slices.Equal(got, []string{"000.txt", "000.txt", "001.txt"}) {
		t.Errorf("records of %q, want the linked folder's two as well", got)
	}
}

// FuzzScanRecords checks that reading an output file for --resume never
// fails on any content, loses no byte (the chunks put together are the
// file), and ends each chunk where the next starts.
func FuzzScanRecords(f *testing.F) {
	f.Add([]byte(`{"source":"a.txt","text":"x"}` + "\n" + `{"source":"b.txt","error":"e"}` + "\n"))
	f.Add([]byte("notes\n{\"source\":\"a\"}junk\n{\n  \"source\": \"p\"\n}\n{\"source\":\"cut"))
	f.Add([]byte("{\n{\n}\n\n\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got []byte
		var last int64
		err := scanRecords(bytes.NewReader(data), func(c chunk) {
			if c.end != last+int64(len(c.text)) {
				t.Fatalf("chunk %d ends at %d, after %d bytes from %d", c.index, c.end, len(c.text), last)
			}
			if c.rec != nil && (c.rec.Source == "" || c.cutShort) {
				t.Fatalf("chunk %d: record %+v, cut short %v", c.index, c.rec, c.cutShort)
			}
			last = c.end
			got = append(got, c.text...)
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("chunks hold %q, the file %q", got, data)
		}
	})
}
