package extractor_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/rules"
)

var update = flag.Bool("update", false, "rewrite the expected.json of every fixture")

const fixturesDir = "../fixtures"

func newExtractor(t testing.TB) *extractor.Extractor {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extractor.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// runFixture extracts the record of the fixture in dir, with its source
// given as the input's file name.
func runFixture(t *testing.T, x *extractor.Extractor, dir string) record.Record {
	t.Helper()
	inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
	if len(inputs) != 1 {
		t.Fatalf("%s: want exactly one input.* file, found %d", dir, len(inputs))
	}
	var src input.Source
	input.NewReader(input.DefaultOptions(), nil).Sources(inputs, func(s input.Source, err error) bool {
		if err != nil {
			t.Fatal(err)
		}
		src = s
		return false
	})
	doc, err := src.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	doc.Source = filepath.Base(inputs[0])
	return x.Extract(context.Background(), doc)
}

// TestFixtures runs the pipeline on every folder of fixtures/ and compares
// the record with the folder's expected.json. With -update it rewrites them.
func TestFixtures(t *testing.T) {
	x := newExtractor(t)
	dirs, _ := filepath.Glob(filepath.Join(fixturesDir, "*"))
	if len(dirs) < 7 {
		t.Fatalf("found %d fixtures, want at least 7", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rec := runFixture(t, x, dir)
			checkOffsets(t, rec)
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join(dir, "expected.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extractor -run TestFixtures -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("record differs from %s (-want +got; run with -update to accept):\n%s", path, cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")))
			}
		})
	}
}

// checkOffsets asserts that every span of a record slices its own text out
// of the record's text, in code points.
func checkOffsets(t *testing.T, rec record.Record) {
	t.Helper()
	runes := []rune(rec.Text)
	check := func(what string, start, end int, text string) {
		if start < 0 || end > len(runes) || start > end {
			t.Errorf("%s %q: offsets %d:%d outside the text", what, text, start, end)
			return
		}
		if got := string(runes[start:end]); got != text {
			t.Errorf("%s: text[%d:%d] = %q, want %q", what, start, end, got, text)
		}
	}
	for _, e := range rec.Entities {
		for _, m := range e.Mentions {
			check("mention of "+e.ID, m.Start, m.End, m.Text)
		}
	}
	for _, q := range rec.Quotes {
		check("quote "+q.ID, q.Start, q.End, q.Text)
		for _, p := range q.Parts {
			check("part of "+q.ID, p.Start, p.End, p.Text)
		}
		if q.Cue != nil {
			check("cue of "+q.ID, q.Cue.Start, q.Cue.End, q.Cue.Text)
		}
		if q.Speaker != nil {
			check("speaker of "+q.ID, q.Speaker.Start, q.Speaker.End, q.Speaker.Text)
		}
	}
}
