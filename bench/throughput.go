package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// runThroughput is the -jobs mode: for each chosen tool, jobs workers read,
// gunzip and extract one page at a time, as extract's command line does with
// a folder, and the records go to OUT/TOOL.jsonl in page order as they come.
// Nothing is loaded up front, so the process's peak memory, measured from
// outside, compares with extract's. It prints one line per tool: pages,
// errors, wall-clock seconds, pages per second and milliseconds per page.
func runThroughput(cfg config, stdout, log io.Writer) error {
	paths, err := pagePaths(cfg.in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	fmt.Fprintf(log, "bench: %d pages from %s, %d workers\n", len(paths), cfg.in, cfg.jobs)
	for _, t := range cfg.tools {
		path := filepath.Join(cfg.out, t.name+".jsonl")
		start := time.Now()
		errs, err := streamTool(t, paths, cfg.jobs, path)
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		fmt.Fprintf(stdout, "%s: %d pages, %d errors, %.2f s, %.2f pages/s, %.2f ms/page -> %s\n",
			t.name, len(paths), errs, secs, float64(len(paths))/secs, secs*1000/float64(len(paths)), path)
	}
	return nil
}

// indexed is one page's outcome with its place in the input order.
type indexed struct {
	i int
	o outcome
}

// streamTool extracts every page with t using jobs workers and writes one
// line per page to out, in input order. It returns how many pages failed.
func streamTool(t tool, paths []string, jobs int, out string) (int, error) {
	f, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	errs, werr := writeInOrder(f, extractInParallel(t, paths, jobs))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return errs, werr
}

// extractInParallel extracts the pages at paths with t using jobs workers
// and sends each outcome, with the page's index in paths, as it comes. The
// channel is closed once every page is done.
func extractInParallel(t tool, paths []string, jobs int) <-chan indexed {
	next := make(chan int)
	go func() {
		for i := range paths {
			next <- i
		}
		close(next)
	}()
	results := make(chan indexed, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				results <- indexed{i, extractFile(t, paths[i])}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

// writeInOrder writes one JSON line per outcome of results to f in the
// order of the pages' indexes, holding back those that finish before an
// earlier one. It returns how many pages failed and the first write error;
// after a write error the results are still drained.
func writeInOrder(f io.Writer, results <-chan indexed) (errs int, werr error) {
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	pending := map[int]outcome{} // finished pages waiting for an earlier one
	want := 0
	for r := range results {
		pending[r.i] = r.o
		for o, ok := pending[want]; ok; o, ok = pending[want] {
			delete(pending, want)
			want++
			if o.err != nil {
				errs++
			}
			if werr == nil {
				werr = enc.Encode(o.line())
			}
		}
	}
	if werr == nil {
		werr = w.Flush()
	}
	return errs, werr
}

// extractFile reads, gunzips and extracts the page at path with t.
func extractFile(t tool, path string) outcome {
	var o outcome
	html, err := readGzip(path)
	if err != nil {
		o.err = err
	} else {
		o.rec, o.err = safeExtract(t.extract, html)
	}
	o.rec.Source = filepath.Base(path)
	return o
}
