package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"
	"time"
)

// summary is one tool's timing over all pages.
type summary struct {
	Tool     string  `json:"tool"`
	Pages    int     `json:"pages"`
	Errors   int     `json:"errors"`
	TotalSec float64 `json:"total_s"`
	MeanMs   float64 `json:"mean_ms"`
	MedianMs float64 `json:"median_ms"`
	P95Ms    float64 `json:"p95_ms"`
}

// timingFile is the content of timing.json.
type timingFile struct {
	In    string             `json:"in"`
	Runs  int                `json:"runs"` // passes per tool; the fastest is reported
	Tools map[string]summary `json:"tools"`
}

// summarize computes a tool's timing summary from one pass.
func summarize(name string, res []outcome) summary {
	ms := make([]float64, len(res))
	errs := 0
	for i, o := range res {
		ms[i] = float64(o.took) / float64(time.Millisecond)
		if o.err != nil {
			errs++
		}
	}
	slices.Sort(ms)
	total := totalTime(res)
	return summary{
		Tool: name, Pages: len(res), Errors: errs, TotalSec: total.Seconds(),
		MeanMs:   total.Seconds() * 1000 / float64(len(res)),
		MedianMs: quantile(ms, 0.5), P95Ms: quantile(ms, 0.95),
	}
}

// quantile returns the q-quantile of the sorted values, interpolating
// linearly between neighbours.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := q * float64(len(sorted)-1)
	lo := int(pos)
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// writeTiming writes the summaries to path as JSON.
func writeTiming(path string, cfg config, sums []summary) error {
	tf := timingFile{In: cfg.in, Runs: cfg.runs, Tools: map[string]summary{}}
	for _, s := range sums {
		tf.Tools[s.Tool] = s
	}
	data, err := json.MarshalIndent(tf, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// printTable writes the summaries to w as an aligned table.
func printTable(w io.Writer, sums []summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tool\tpages\terrors\ttotal s\tmean ms\tmedian ms\tp95 ms\t")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n",
			s.Tool, s.Pages, s.Errors, s.TotalSec, s.MeanMs, s.MedianMs, s.P95Ms)
	}
	return tw.Flush()
}
