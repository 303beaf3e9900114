// Command bench compares article extractors side by side: extract's own HTML
// stage, go-trafilatura (with fallback) and readeck's go-readability.
//
// It reads every ID.html.gz page of a folder into memory once, then, tool by
// tool, times each page's extraction and writes OUT/TOOL.jsonl (one record
// per page, the format the shared body.py and snippets.py score) and OUT/timing.json
// (pages, total seconds, mean, median and p95 milliseconds per tool).
//
// With -jobs N it measures throughput instead: N workers read, gunzip and
// extract the pages as they go (nothing is loaded up front), OUT/TOOL.jsonl
// is written in page order, and pages per second are printed; see
// runThroughput.
//
// Usage:
//
//	go run . -in DIR -out OUT [-tools extract,trafilatura,readability] [-runs N] [-jobs N]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// config is what the command line asks for.
type config struct {
	in, out string
	tools   []tool
	runs    int
	jobs    int // 0: time each page in turn; N > 0: throughput with N workers
}

// main parses the flags, runs the benchmark and exits non-zero on failure.
func main() {
	cfg, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	runMode := run
	if cfg.jobs > 0 {
		runMode = runThroughput
	}
	if err := runMode(cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseFlags reads -in, -out, -tools, -runs and -jobs from args.
func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	in := fs.String("in", "", "folder of pages named ID.html.gz (required)")
	out := fs.String("out", "bench-out", "folder to write TOOL.jsonl and timing.json to")
	names := fs.String("tools", toolNames(), "comma-separated tools to run")
	runs := fs.Int("runs", 1, "timing passes per tool; the fastest is reported")
	jobs := fs.Int("jobs", 0, "if above 0, measure throughput with this many workers instead of timing each page")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if *in == "" || fs.NArg() > 0 {
		return config{}, errors.New("usage: bench -in DIR [-out DIR] [-tools LIST] [-runs N] [-jobs N]")
	}
	if *runs < 1 {
		return config{}, fmt.Errorf("-runs must be at least 1, not %d", *runs)
	}
	if *jobs < 0 {
		return config{}, fmt.Errorf("-jobs must not be negative, not %d", *jobs)
	}
	tools, err := selectTools(*names)
	return config{in: *in, out: *out, tools: tools, runs: *runs, jobs: *jobs}, err
}

// run loads the pages, benchmarks each chosen tool, writes its records and
// the timing file, and prints the timing table to stdout. Progress goes to
// log.
func run(cfg config, stdout, log io.Writer) error {
	pages, err := loadPages(cfg.in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	fmt.Fprintf(log, "bench: %d pages from %s\n", len(pages), cfg.in)
	sums := make([]summary, 0, len(cfg.tools))
	for _, t := range cfg.tools {
		s, err := benchTool(t, pages, cfg, log)
		if err != nil {
			return err
		}
		sums = append(sums, s)
	}
	if err := writeTiming(filepath.Join(cfg.out, "timing.json"), cfg, sums); err != nil {
		return err
	}
	return printTable(stdout, sums)
}

// benchTool times one tool over the pages, writes OUT/TOOL.jsonl and
// returns the tool's timing summary.
func benchTool(t tool, pages []page, cfg config, log io.Writer) (summary, error) {
	res := bestPass(t, pages, cfg.runs)
	path := filepath.Join(cfg.out, t.name+".jsonl")
	if err := writeRecords(path, res); err != nil {
		return summary{}, err
	}
	s := summarize(t.name, res)
	fmt.Fprintf(log, "bench: %-12s %.1f s, %d errors -> %s\n", t.name, s.TotalSec, s.Errors, path)
	return s, nil
}
