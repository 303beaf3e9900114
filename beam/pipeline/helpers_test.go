package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixturesDir holds the project's fixtures, each folder with an input.html
// or input.txt.
const fixturesDir = "../../fixtures"

// writeInputs writes, one folder deep under dir, every fixture's input and
// files of each other kind the command reads, and returns the pattern that
// matches them all.
func writeInputs(t *testing.T, dir string) string {
	t.Helper()
	inputs, err := filepath.Glob(filepath.Join(fixturesDir, "*", "input.*"))
	if err != nil || len(inputs) < 10 {
		t.Fatalf("fixture inputs %q (%v)", inputs, err)
	}
	for _, in := range inputs {
		copyFile(t, in, filepath.Join(dir, filepath.Base(filepath.Dir(in)), filepath.Base(in)))
	}
	page := readFile(t, filepath.Join(fixturesDir, "seed-html", "input.html"))
	text := readFile(t, filepath.Join(fixturesDir, "seed-text", "input.txt"))
	mixed := filepath.Join(dir, "mixed")
	writeFile(t, filepath.Join(mixed, "page.html.gz"), gzipped(t, page))
	writeFile(t, filepath.Join(mixed, "story.dat"), text)
	writeFile(t, filepath.Join(mixed, "binary.html"), []byte{0, 1, 2, 3, 0})
	writeFile(t, filepath.Join(mixed, "articles.jsonl"), jsonLines(t,
		map[string]string{"url": "https://news.example/seed", "html": string(page)}, nil,
		map[string]string{"text": string(text)}, "not a JSON object"))
	crawl := newsCrawl(t, readFile(t, filepath.Join(fixturesDir, "windows-1252", "input.html")), page)
	writeFile(t, filepath.Join(mixed, "crawl.warc.gz"), crawl)
	writeFile(t, filepath.Join(mixed, "cut.warc.gz"), crawl[:len(crawl)-40])
	return filepath.Join(dir, "*", "*")
}

// jsonLines writes each value as a line of JSON; nil is a blank line and a
// string a line of its own.
func jsonLines(t *testing.T, values ...any) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, v := range values {
		switch v := v.(type) {
		case nil:
		case string:
			b.WriteString(v)
		default:
			data, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// newsCrawl is a WARC file as CC-NEWS writes them, each record gzipped on
// its own: a warcinfo record, a request, the two pages as responses, and a
// page not found.
func newsCrawl(t *testing.T, first, second []byte) []byte {
	t.Helper()
	records := [][2]string{
		{"warcinfo", "software: test\r\n"},
		{"request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"},
		{"response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + string(first)},
		{"response", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + string(second)},
		{"response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"},
	}
	var b bytes.Buffer
	for i, r := range records {
		b.Write(gzipped(t, warcRecord(i+1, r[0], r[1])))
	}
	return b.Bytes()
}

// warcRecord is the n-th record of a WARC file, of type typ.
func warcRecord(n int, typ, block string) []byte {
	contentType := "application/warc-fields"
	if typ != "warcinfo" {
		contentType = "application/http; msgtype=" + typ
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", typ, n)
	fmt.Fprintf(&b, "WARC-Date: 2025-12-02T07:08:09Z\r\nWARC-Target-URI: https://news.example/%d\r\n", n)
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.Bytes()
}

// runCLI builds the extract command from the repository and runs it, with
// args, over the files that pattern matches, in sorted order, as a shell
// expands a pattern; it returns the lines it writes, sorted. Settings of
// the user's own (a config file, EXTRACT_* variables) are kept out.
func runCLI(t *testing.T, dir, pattern string, args ...string) []string {
	t.Helper()
	bin := filepath.Join(dir, "bin", "extract")
	build := exec.Command("go", "build", "-o", bin, "./cmd/extract")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the extract command: %v\n%s", err, out)
	}
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append(append(args, "--quiet"), files...)...)
	home := filepath.Join(dir, "home") // holds no config file
	cmd.Env = append(cleanEnv(), "XDG_CONFIG_HOME="+home, "HOME="+home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var exit *exec.ExitError
	if err := cmd.Run(); err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("running the extract command: %v\n%s", err, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	slices.Sort(lines)
	return lines
}

// cleanEnv is the environment without extract's settings.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "EXTRACT_") {
			env = append(env, kv)
		}
	}
	return env
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
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

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	writeFile(t, to, readFile(t, from))
}

// readLines reads the lines of a file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// gzipped packs data as one gzip member.
func gzipped(t *testing.T, data []byte) []byte {
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
