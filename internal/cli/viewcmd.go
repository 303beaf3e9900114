package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/view"
)

const viewUsage = `extract view writes what extract finds in articles as one HTML page: the
text with every entity and quote marked, a label after each quote naming its
speaker with the confidence, tables of the speakers and the entities, and,
for several articles, an index. The page needs no network (its style and
script are inside it) and reads the same in print and without its script.

Usage:
  extract view [flags] [INPUT...] > page.html
  extract view --records records.jsonl > page.html

Each INPUT is what extract reads (see extract --help); with no INPUT,
standard input. With --records, the page shows records that extract wrote
before instead ("-" for standard input).

Flags:
`

// pageFlags are the flags of extract that view and serve take too: those
// that say how inputs are read and extracted.
var pageFlags = []string{
	"config", "rules", "timeout", "max-bytes", "max-redirects", "attempts", "per-host",
	"allow-private-redirects", "user-agent", "jobs", "article-timeout",
}

// subcommandFlags declares the flags of a subcommand: extract's own flags
// named by names, with their help and defaults, and --help.
func subcommandFlags(cmd string, names ...string) (*pflag.FlagSet, error) {
	defaults, err := defaultConfig()
	if err != nil {
		return nil, err
	}
	all := newFlags(defaults)
	flags := pflag.NewFlagSet("extract "+cmd, pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.SortFlags = false
	for _, name := range names {
		flags.AddFlag(all.Lookup(name))
	}
	return flags, nil
}

// parseSubcommand parses a subcommand's flags. done reports that there is
// nothing more to do (help was asked for, or the flags are wrong), with the
// exit status.
func parseSubcommand(cmd string, flags *pflag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (done bool, code ExitCode) {
	flags.BoolP("help", "h", false, "show this help")
	err := flags.Parse(args)
	if help, _ := flags.GetBool("help"); errors.Is(err, pflag.ErrHelp) || err == nil && help {
		fmt.Fprint(stdout, usage+flags.FlagUsages())
		return true, ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "extract %s: %v\nRun 'extract %s --help' for usage.\n", cmd, err, cmd)
		return true, ExitUsage
	}
	return false, ExitOK
}

// setup resolves the configuration and builds the extractor from its rules.
func setup(flags *pflag.FlagSet, getenv func(string) string, stderr io.Writer) (Config, *extractor.Extractor, bool) {
	cfg, err := loadConfig(flags, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return cfg, nil, false
	}
	set, err := loadRules(cfg.Rules)
	if err == nil {
		var x *extractor.Extractor
		if x, err = extractor.New(set); err == nil {
			return cfg, x, true
		}
	}
	fmt.Fprintf(stderr, "extract: %v\n", err)
	return cfg, nil, false
}

// runView runs "extract view".
func runView(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	flags, err := subcommandFlags("view", append([]string{"output"}, pageFlags...)...)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	flags.Lookup("output").Usage = "write the page to `FILE` instead of standard output"
	recordsFile := flags.String("records", "", "show the records in this JSON Lines `FILE`, written by extract, instead of extracting")
	title := flags.String("title", "", "the page's title (default: the article's title, or the number of articles)")
	if done, code := parseSubcommand("view", flags, args, viewUsage, stdout, stderr); done {
		return code
	}
	out, _ := flags.GetString("output")
	if err := outputIsNoInput(out, append(flags.Args(), *recordsFile)); out != "" && err != nil {
		fmt.Fprintf(stderr, "extract view: %v\n", err)
		return ExitUsage
	}
	var recs []record.Record
	var code ExitCode
	if *recordsFile != "" {
		if flags.NArg() > 0 {
			fmt.Fprintln(stderr, "extract view: give either --records FILE or inputs, not both")
			return ExitUsage
		}
		recs, code = readRecords(*recordsFile, stdin, stderr)
	} else {
		cfg, x, ok := setup(flags, getenv, stderr)
		if !ok {
			return ExitUsage
		}
		recs, code = newBatch(cfg, x, stdin, stderr).collect(ctx, flags.Args())
	}
	if code == ExitUsage {
		return code
	}
	if err := writePage(out, stdout, recs, view.Options{Title: *title}); err != nil {
		fmt.Fprintf(stderr, "extract view: %v\n", err)
		return ExitFailed
	}
	return code
}

// writePage writes the page of recs to the file out, or to stdout when out
// is "".
func writePage(out string, stdout io.Writer, recs []record.Record, opt view.Options) error {
	if out == "" {
		bw := bufio.NewWriter(stdout)
		if err := view.Write(bw, recs, opt); err != nil {
			return err
		}
		return bw.Flush()
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", out, unwrap(err))
	}
	bw := bufio.NewWriter(f)
	err = view.Write(bw, recs, opt)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing %s: %w", out, cerr)
	}
	return err
}

// collect makes the record of every input that args name, in input order,
// as write does, printing each error on stderr.
func (b *batch) collect(ctx context.Context, args []string) ([]record.Record, ExitCode) {
	var recs []record.Record
	code, _ := b.each(ctx, args, newProgress(b.stderr, false), func(rec record.Record) error {
		recs = append(recs, rec)
		return nil
	})
	if ctx.Err() != nil {
		code = ExitFailed
	}
	return recs, code
}

// readRecords reads the records in a JSON Lines file that extract wrote
// ("-" for stdin). A line that is not a record becomes an error record
// named FILE:LINE, and the reading goes on.
func readRecords(path string, stdin io.Reader, stderr io.Writer) ([]record.Record, ExitCode) {
	rd := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "extract view: cannot read the records %s: %v\n", path, unwrap(err))
			return nil, ExitUsage
		}
		defer f.Close()
		rd = f
	}
	br := bufio.NewReader(rd)
	code := ExitOK
	var recs []record.Record
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var rec record.Record
			if jerr := json.Unmarshal(line, &rec); jerr != nil || rec.Source == "" {
				rec = record.Failed(fmt.Sprintf("%s:%d", path, n), fmt.Errorf("%s:%d: not a record of extract", path, n))
			}
			if rec.Error != "" {
				code = ExitFailed
				fmt.Fprintf(stderr, "extract: %s\n", rec.Error)
			}
			recs = append(recs, rec)
		}
		if err == io.EOF {
			return recs, code
		}
		if err != nil {
			fmt.Fprintf(stderr, "extract view: reading the records %s: %v\n", path, err)
			return recs, ExitFailed
		}
	}
}
