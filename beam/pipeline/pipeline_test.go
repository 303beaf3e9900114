package pipeline

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// TestMain runs the pipelines of these tests on prism, Beam's local runner
// written in Go, in this process: no Docker, no network, no job server to
// start. -runner chooses another.
func TestMain(m *testing.M) { ptest.Main(m) }

// TestPipelineMatchesCLI runs the pipeline over the project's fixtures and
// files of every kind the command reads (gzip, JSON Lines, WARC, and inputs
// that fail), and checks that its records are the very lines the extract
// command writes given the paths the pattern matches, and that the counters
// count them.
func TestPipelineMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	pattern := writeInputs(t, filepath.Join(dir, "in"))
	opts := DefaultOptions(pattern, filepath.Join(dir, "out", "records"))
	opts.Shards = 3
	got, counters := runPipeline(t, opts)
	want := runCLI(t, dir, pattern)
	compareLines(t, got, want)
	matched, _ := filepath.Glob(pattern)
	checkCounters(t, counters, got, len(matched))
	for _, name := range []string{"articles.jsonl:1", "articles.jsonl:3", "crawl.warc.gz:3", "crawl.warc.gz:4", "page.html.gz", "binary.html"} {
		if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, name+`"`) }) {
			t.Errorf("no record of %s", name)
		}
	}
	t.Logf("%d files, %d records (%d error records, %d quotes), the command's lines", counters.Files, counters.Articles, counters.Failures, counters.Quotes)
	if counters.Failures < 3 {
		t.Errorf("%d error records, want the binary file's, the bad line's and the cut WARC's", counters.Failures)
	}
}

// TestPipelineRulesFolder checks that a folder of the user's rules reaches
// the workers and gives the records extract --rules gives.
func TestPipelineRulesFolder(t *testing.T) {
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "myrules")
	writeFile(t, filepath.Join(rulesDir, "verbs.yaml"), []byte(houseVerbs))
	writeFile(t, filepath.Join(rulesDir, "off.yaml"), []byte("disable:\n  - according-to\n"))
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "thunder.txt"), []byte("“The budget is a fantasy,” thundered Ana Ruiz.\n"))
	copyFile(t, filepath.Join(fixturesDir, "according-to", "input.txt"), filepath.Join(in, "according.txt"))
	pattern := filepath.Join(in, "*.txt")
	opts := DefaultOptions(pattern, filepath.Join(dir, "out", "records"))
	var err error
	if opts.Rules, err = ReadRules(rulesDir); err != nil {
		t.Fatal(err)
	}
	got, _ := runPipeline(t, opts)
	compareLines(t, got, runCLI(t, dir, pattern, "--rules", rulesDir))
	if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, `"cue":{"text":"thundered"`) }) {
		t.Errorf("the rules folder's verb was not used: %q", got)
	}
}

// houseVerbs is the rule of docs/writing-rules.md.
const houseVerbs = `cues:
  - id: house-verbs
    description: Verbs of saying our reporters use that extract does not know.
    class: speech
    words:
      - thunder
`

// runPipeline builds and runs the pipeline on the test runner, and returns
// the lines of every shard, sorted, with the job's counters.
func runPipeline(t *testing.T, opts Options) ([]string, Counters) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, opts); err != nil {
		t.Fatal(err)
	}
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("running the pipeline: %v", err)
	}
	shards, err := filepath.Glob(opts.Output + "-*-of-*.jsonl")
	if err != nil || len(shards) == 0 || len(shards) > opts.Shards {
		t.Fatalf("shards %q (%v), want 1 to %d", shards, err, opts.Shards)
	}
	var lines []string
	for _, shard := range shards {
		lines = append(lines, readLines(t, shard)...)
	}
	slices.Sort(lines)
	return lines, CountersOf(res)
}

// compareLines fails the test unless got and want hold the same lines,
// naming the sources of those that differ.
func compareLines(t *testing.T, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		t.Fatal("the command wrote no record")
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("the pipeline lacks the command's record of %s:\n%s", sourceOf(l), l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("the pipeline wrote a record the command did not, of %s:\n%s", sourceOf(l), l)
		}
	}
	if len(got) != len(want) {
		t.Errorf("the pipeline wrote %d records, the command %d", len(got), len(want))
	}
}

// checkCounters checks the job's counters against the records written.
func checkCounters(t *testing.T, c Counters, lines []string, files int) {
	t.Helper()
	want := Counters{Files: int64(files)}
	for _, l := range lines {
		var rec struct {
			Error  string
			Quotes []json.RawMessage
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		want.Articles++
		want.Quotes += int64(len(rec.Quotes))
		if rec.Error != "" {
			want.Failures++
		}
	}
	if c != want {
		t.Errorf("counters %+v, want %+v", c, want)
	}
}

// sourceOf is the "source" of a record's line.
func sourceOf(line string) string {
	var rec struct{ Source string }
	json.Unmarshal([]byte(line), &rec)
	return rec.Source
}
