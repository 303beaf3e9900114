package extractor_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.uber.org/goleak"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/rules"
)

// sourceOf lists the one input at path.
func sourceOf(t testing.TB, path string) input.Source {
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

// TestFromSourceWithinStopsTheWork checks that an article over the time
// limit is not worked on after its failed record is made. Patterns with
// three gaps each, on long sentences, make matching take seconds.
func TestFromSourceWithinStopsTheWork(t *testing.T) {
	var yaml strings.Builder
	yaml.WriteString("patterns:\n")
	for i := range 10 {
		fmt.Fprintf(&yaml, "  - id: gaps-%d\n    pattern: SPEAKER CUE ... ,? ... ,? ... QUOTE\n", i)
	}
	set, err := rules.LoadDir("heavy", fstest.MapFS{"heavy.yaml": {Data: []byte(yaml.String())}})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extractor.New(set)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.txt")
	text := strings.Repeat("Ana Ruiz said "+strings.Repeat("many people ", 60)+"“we will win.”\n\n", 200)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	src := sourceOf(t, path)
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	rec := x.FromSourceWithin(context.Background(), src, 300*time.Millisecond)
	if want := "gave up after 300ms (see --article-timeout)"; !strings.HasSuffix(rec.Error, want) {
		t.Errorf("error %q, want one ending %q", rec.Error, want)
	}
}
