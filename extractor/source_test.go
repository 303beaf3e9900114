package extractor_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/extract-news/extract/extractor/input"
)

// sourceOf lists the one input at path.
func sourceOf(t *testing.T, path string) input.Source {
	t.Helper()
	var srcs []input.Source
	input.NewReader(input.DefaultOptions(), nil).Sources([]string{path}, func(src input.Source, err error) bool {
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
		return true
	})
	if len(srcs) != 1 {
		t.Fatalf("%s: %d sources, want 1", path, len(srcs))
	}
	return srcs[0]
}

// TestFromSource checks that a record is named as its input and that an
// input that cannot be read gives a failed record.
func TestFromSource(t *testing.T) {
	x := newExtractor(t)
	ctx := context.Background()
	path := fixturesDir + "/seed-text/input.txt"
	rec := x.FromSourceWithin(ctx, sourceOf(t, path), time.Minute)
	if rec.Source != path || rec.Error != "" || len(rec.Quotes) == 0 {
		t.Errorf("record of %s: source %q, error %q, %d quotes", path, rec.Source, rec.Error, len(rec.Quotes))
	}
	missing := input.Source{Name: "nowhere.html"}
	if rec := x.FromSource(ctx, missing); rec.Source != "nowhere.html" || rec.Error == "" {
		t.Errorf("an unreadable input gave %+v, want a failed record", rec)
	}
}

// TestFromSourceWithin checks the time limit and a stopped context.
func TestFromSourceWithin(t *testing.T) {
	x := newExtractor(t)
	src := sourceOf(t, fixturesDir+"/seed-html/input.html")
	rec := x.FromSourceWithin(context.Background(), src, time.Nanosecond)
	if want := "gave up after 1ns (see --article-timeout)"; !strings.HasSuffix(rec.Error, want) {
		t.Errorf("error %q, want one ending %q", rec.Error, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if rec := x.FromSourceWithin(ctx, src, time.Minute); rec.Error == "" || rec.Source != src.Name {
		t.Errorf("a stopped context gave %+v, want a failed record", rec)
	}
}
