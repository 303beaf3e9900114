package main

import (
	"fmt"
	"runtime"
	"time"
)

// outcome is one page's result from one tool, with its extraction time.
type outcome struct {
	rec  record
	err  error
	took time.Duration
}

// bestPass runs t over pages runs times and returns the pass with the least
// total time.
func bestPass(t tool, pages []page, runs int) []outcome {
	var best []outcome
	var bestTotal time.Duration
	for i := 0; i < runs; i++ {
		res := pass(t, pages)
		if total := totalTime(res); best == nil || total < bestTotal {
			best, bestTotal = res, total
		}
	}
	return best
}

// pass runs t once over every page, in order, timing each page.
func pass(t tool, pages []page) []outcome {
	runtime.GC() // start each pass without the previous one's garbage
	res := make([]outcome, len(pages))
	for i, p := range pages {
		start := time.Now()
		rec, err := safeExtract(t.extract, p.html)
		res[i] = outcome{rec: rec, err: err, took: time.Since(start)}
		res[i].rec.Source = p.source
	}
	return res
}

// safeExtract calls f, turning a panic into an error.
func safeExtract(f extractFunc, html []byte) (rec record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = record{}, fmt.Errorf("panic: %v", r)
		}
	}()
	return f(html)
}

// totalTime is the sum of the outcomes' extraction times.
func totalTime(res []outcome) time.Duration {
	var total time.Duration
	for _, o := range res {
		total += o.took
	}
	return total
}
