package cli

import (
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

// progress reports a batch on stderr: a live line on a terminal, error
// messages, and a summary at the end. Only the writer goroutine calls its
// methods, but for total, which a counting goroutine sets.
type progress struct {
	w        io.Writer
	live     bool // redraw a progress line
	start    time.Time
	done     int
	failed   int
	leftOut  int // records not written: their language is not one of --languages
	quotes   int
	entities int
	speakers map[string]int // quotes by the name of their speaker
	total    atomic.Int64   // inputs in all, -1 while unknown
	lastDraw time.Time
	drawn    bool // a progress line is on screen
}

func newProgress(w io.Writer, live bool) *progress {
	p := &progress{w: w, live: live, start: time.Now(), speakers: map[string]int{}}
	p.total.Store(-1)
	return p
}

// add counts one record written and redraws the line now and then.
func (p *progress) add(rec record.Record) {
	p.done++
	if rec.Error != "" {
		p.failed++
	}
	p.quotes += len(rec.Quotes)
	p.entities += len(rec.Entities)
	for _, q := range rec.Quotes {
		if q.Speaker != nil && q.Speaker.Name != nil {
			p.speakers[*q.Speaker.Name]++
		}
	}
	if p.live && time.Since(p.lastDraw) >= 200*time.Millisecond {
		p.draw()
	}
}

// leaveOut counts one record left out by --languages.
func (p *progress) leaveOut() {
	p.leftOut++
	p.add(record.Record{})
}

// message prints a line, clearing the progress line first.
func (p *progress) message(s string) {
	p.clear()
	fmt.Fprintln(p.w, s)
}

// finish clears the progress line.
func (p *progress) finish() { p.clear() }

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

func (p *progress) draw() {
	p.lastDraw = time.Now()
	fmt.Fprint(p.w, "\r\033[K"+progressLine(p.done, p.failed, int(p.total.Load()), time.Since(p.start)))
	p.drawn = true
}

// progressLine reads "1200/5000 articles  85.1/s  3 failed  0:45 left";
// without a known total, "1200 articles  85.1/s  3 failed".
func progressLine(done, failed, total int, elapsed time.Duration) string {
	rate := float64(done) / max(elapsed.Seconds(), 1e-9)
	var b strings.Builder
	if total >= done {
		fmt.Fprintf(&b, "%d/%d articles", done, total)
	} else {
		fmt.Fprintf(&b, "%d articles", done)
	}
	fmt.Fprintf(&b, "  %.1f/s  %d failed", rate, failed)
	if total >= done && rate > 0 {
		left := time.Duration(float64(total-done) / rate * float64(time.Second))
		fmt.Fprintf(&b, "  %s left", clock(left))
	}
	return b.String()
}

// clock formats a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// summary prints the account of the run: a line of counts and, on a
// terminal, the most quoted speakers.
func (p *progress) summary(skipped int, interrupted bool) {
	elapsed := time.Since(p.start)
	line := fmt.Sprintf("extract: %d articles in %s (%.1f/s), %d failed",
		p.done, elapsed.Round(10*time.Millisecond), float64(p.done)/max(elapsed.Seconds(), 1e-9), p.failed)
	if p.leftOut > 0 {
		line += fmt.Sprintf(", %d left out by --languages", p.leftOut)
	}
	if skipped > 0 {
		line += fmt.Sprintf(", %d skipped as already done", skipped)
	}
	line += fmt.Sprintf("; %d quotes, %d entities", p.quotes, p.entities)
	if interrupted {
		line += "; stopped before the end (run again with --resume to go on)"
	}
	fmt.Fprintln(p.w, line)
	if top := topSpeakers(p.speakers, 5); p.live && top != "" {
		fmt.Fprintln(p.w, "extract: most quoted: "+top)
	}
}

// topSpeakers reads "Elena Duarte 12, Mark Hale 7": the n speakers with
// the most quotes, most first, then by name.
func topSpeakers(counts map[string]int, n int) string {
	names := slices.Collect(maps.Keys(counts))
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	var parts []string
	for _, name := range names[:min(n, len(names))] {
		parts = append(parts, fmt.Sprintf("%s %d", name, counts[name]))
	}
	return strings.Join(parts, ", ")
}

// count sets the total number of inputs when it can be known cheaply:
// files and folders of documents. Standard input, URLs lists and files that
// hold many articles (JSON Lines, WARC) leave it unknown.
func (p *progress) count(args []string) {
	n := 0
	for _, arg := range args {
		k, ok := countArg(arg)
		if !ok {
			return
		}
		n += k
	}
	if len(args) > 0 {
		p.total.Store(int64(n))
	}
}

func countArg(arg string) (int, bool) {
	if arg == "-" {
		return 0, false
	}
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return 1, true
	}
	info, err := os.Stat(arg)
	if err != nil || !info.IsDir() {
		return 1, !manyArticles(arg)
	}
	n, ok := 0, true
	filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || d.IsDir():
		case manyArticles(path):
			ok = false
			return filepath.SkipAll
		case input.KnownFile(path):
			n++
		}
		return nil
	})
	return n, ok
}

// manyArticles reports whether a file name is of a kind that holds many
// articles: JSON Lines or WARC.
func manyArticles(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".warc":
		return true
	}
	return false
}
