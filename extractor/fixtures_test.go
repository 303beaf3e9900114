package extractor_test

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/fixture"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/rules"
)

var update = flag.Bool("update", false, "rewrite the expectations of every fixture")

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

// TestFixtures runs the pipeline on every fixture in fixtures/ and checks
// the record against the fixture's expectations, as `extract rules test`
// does. With -update it rewrites them.
func TestFixtures(t *testing.T) {
	x := newExtractor(t)
	dirs, err := fixture.Find([]string{fixturesDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 7 {
		t.Fatalf("found %d fixtures, want at least 7", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			f, err := fixture.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			rec := f.Run(context.Background(), x)
			if *update {
				if err := f.Update(rec); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, p := range f.Check(rec) {
				t.Errorf("%s (run go test ./extractor -run TestFixtures -update to accept)", p)
			}
		})
	}
}

// runFixture extracts the record of the fixture in dir.
func runFixture(t *testing.T, x *extractor.Extractor, dir string) record.Record {
	t.Helper()
	f, err := fixture.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return f.Run(context.Background(), x)
}

// checkOffsets asserts that every span of a record slices its own text out
// of the record's text.
func checkOffsets(t *testing.T, rec record.Record) {
	t.Helper()
	for _, p := range fixture.CheckSpans(rec) {
		t.Error(p)
	}
}
