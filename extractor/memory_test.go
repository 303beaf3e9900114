package extractor_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/internal/article"
)

// newsParagraphs returns the paragraphs of the plain-text fixtures, the
// building blocks of the big inputs below.
func newsParagraphs(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixturesDir, "*", "input.txt"))
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); len(line) > 40 {
				out = append(out, line)
			}
		}
	}
	if len(out) == 0 {
		tb.Fatal("no fixture paragraphs")
	}
	return out
}

// bigInput is a large document of one shape, size bytes or a little less.
type bigInput struct {
	name string
	ext  string
	make func(paras []string, size int) string
}

var bigInputs = []bigInput{
	{"prose-page", "html", prosePage},
	{"markup-page", "html", markupPage},
	{"plain-text", "txt", plainText},
}

// prosePage is a page whose body is news prose: paragraphs in divs, each
// with a link.
func prosePage(paras []string, size int) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>A long page</title></head><body>\n" +
		`<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>A long page</h1>` + "\n")
	for i := 0; b.Len() < size-200; i++ {
		w := strings.Fields(paras[i%len(paras)])
		w[2] = fmt.Sprintf(`<a href="https://example.com/story/%d">%s</a>`, i, w[2])
		fmt.Fprintf(&b, "<div class=\"para\"><p>%s</p></div>\n", strings.Join(w, " "))
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>\n")
	return b.String()
}

// markupPage is a page that is mostly markup: a grid of linked images, with
// a paragraph of prose now and then.
func markupPage(paras []string, size int) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>A gallery</title></head><body><main><h1>A gallery</h1>\n")
	for i := 0; b.Len() < size-400; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&b, "<p>%s</p>\n", paras[i%len(paras)])
		}
		fmt.Fprintf(&b, `<div class="cell c%d" data-id="%d"><span><a href="https://example.com/item/%d">`+
			`<img src="/img/%d.jpg" alt=""></a></span></div>`+"\n", i%7, i, i, i)
	}
	b.WriteString("</main></body></html>\n")
	return b.String()
}

// plainText is news text, paragraphs separated by blank lines.
func plainText(paras []string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size-1000; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()
}

var bigDir = flag.String("bigdir", "", "write BenchmarkMemory's inputs to this folder and keep them")

// BenchmarkMemory runs the whole pipeline on inputs of 1, 2 and 19 MB
// (2 MB is the most text the language stages read, extractor.MaxAnalyzed;
// 19 MB is under the default --max-bytes of 20 MB), from reading the file
// to writing its record, and reports the peak of the Go heap over the run per byte of
// input (peak-heap/in-byte) and in MB (peak-heap-MB), and the most memory
// that was live at once, as the garbage collector measured it
// (peak-live/in-byte). The heap is sampled every millisecond. Run it with
// -benchtime 1x; -bigdir DIR keeps the inputs, for /usr/bin/time -v extract:
//
//	go test ./extractor -run '^$' -bench Memory -benchtime 1x
func BenchmarkMemory(b *testing.B) {
	x := newExtractor(b)
	paras := newsParagraphs(b)
	dir := *bigDir
	if dir == "" {
		dir = b.TempDir()
	}
	for _, in := range bigInputs {
		for _, mb := range []int{1, 2, 19} {
			path := filepath.Join(dir, fmt.Sprintf("%s-%dMB.%s", in.name, mb, in.ext))
			if err := os.WriteFile(path, []byte(in.make(paras, mb<<20)), 0o644); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s-%dMB", in.name, mb), func(b *testing.B) {
				benchmarkMemory(b, x, path)
			})
		}
	}
}

func benchmarkMemory(b *testing.B, x *extractor.Extractor, path string) {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	src := sourceOf(b, path)
	b.SetBytes(info.Size())
	b.ReportAllocs()
	var peak memPeak
	for b.Loop() {
		runtime.GC()
		base := readMem()
		p := peakDuring(func() {
			rec := x.FromSource(context.Background(), src)
			if rec.Error != "" {
				b.Fatal(rec.Error)
			}
			if err := rec.WriteJSON(io.Discard); err != nil {
				b.Fatal(err)
			}
		})
		peak.heap = max(peak.heap, p.heap-min(p.heap, base.heap))
		peak.live = max(peak.live, p.live-min(p.live, base.live))
	}
	size := float64(info.Size())
	b.ReportMetric(float64(peak.heap)/size, "peak-heap/in-byte")
	b.ReportMetric(float64(peak.heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peak.live)/size, "peak-live/in-byte")
}

// memPeak is the Go heap in bytes: heap is every object, live or not yet
// collected; live is what the last garbage collection found live.
type memPeak struct{ heap, live uint64 }

// peakDuring runs f and returns the largest heap seen while it ran.
func peakDuring(f func()) memPeak {
	var (
		peak memPeak
		wg   sync.WaitGroup
	)
	sample := func() {
		m := readMem()
		peak.heap, peak.live = max(peak.heap, m.heap), max(peak.live, m.live)
	}
	stop := make(chan struct{})
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			sample()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	sample()
	return peak
}

func readMem() memPeak {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return memPeak{heap: s[0].Value.Uint64(), live: s[1].Value.Uint64()}
}

// TestLongTextAnalyzedInPart checks that the language stages read no more
// than extractor.MaxAnalyzed bytes of a text, cut at a line break, and that
// the record keeps the whole text and says how much was read.
func TestLongTextAnalyzedInPart(t *testing.T) {
	x := newExtractor(t)
	head := "Council notes\n\n“We will open the bridge,” Mayor Elena Duarte said.\n"
	text := head + strings.Repeat("\n", extractor.MaxAnalyzed-len(head)-1) + "“It is late,” Governor Tom Reyes said.\n"
	rec, err := x.FromArticle(context.Background(), "long", article.FromText(text))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Text != text {
		t.Errorf("the record's text is not the whole text")
	}
	want := utf8.RuneCountInString(text[:strings.LastIndexByte(text[:extractor.MaxAnalyzed], '\n')])
	if rec.Analyzed != want {
		t.Errorf("analyzed %d code points, want %d", rec.Analyzed, want)
	}
	wantQuote(t, rec, "We will open the bridge", "Elena Duarte", "said")
	if len(rec.Quotes) != 1 || findQuote(rec, "It is late") != nil {
		t.Errorf("quotes past the analyzed part: %+v", rec.Quotes)
	}
	short, err := x.FromArticle(context.Background(), "short", article.FromText(head))
	if err != nil || short.Analyzed != 0 || len(short.Quotes) != 1 {
		t.Errorf("a short text: analyzed %d, %d quotes (%v)", short.Analyzed, len(short.Quotes), err)
	}
}
