// Package cli is the extract command: flags, configuration, the batch loop
// and the output. Run is the whole command, so tests drive it in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/rules"
)

// ExitCode is the command's exit status.
type ExitCode int

// Exit statuses.
const (
	ExitOK     ExitCode = 0 // every input gave a record
	ExitFailed ExitCode = 1 // some input could not be read, fetched or parsed
	ExitUsage  ExitCode = 2 // bad flags, configuration or rules: nothing was done
)

// Run runs the extract command with args (without the program name) and
// returns its exit status. Records go to stdout (or the -o file), messages
// to stderr.
//
// A variable of the environment that starts with EXTRACT_ but names no
// setting is warned about (but with --quiet), since it would be silently
// ignored.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if !quietArgs(args) {
		warnUnknownEnv(os.Environ(), stderr)
	}
	return int(run(ctx, args, stdin, stdout, stderr, os.Getenv))
}

// quietArgs reports whether args ask for --quiet; run reports what is
// wrong with them.
func quietArgs(args []string) bool {
	flags := newFlags(Config{})
	flags.Parse(args)
	q, _ := flags.GetBool("quiet")
	return q
}

// run is Run without the check of the environment: it runs a subcommand
// when args name one, else the batch of the flags and inputs in args.
// getenv reads the variables of the environment.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	if code, ok := runSubcommand(ctx, args, stdin, stdout, stderr, getenv); ok {
		return code
	}
	flags, code, ok := parseCommandLine(args, stdin, stdout, stderr)
	if !ok {
		return code
	}
	return runBatch(ctx, flags, stdin, stdout, stderr, getenv)
}

// runSubcommand runs the subcommand args[0] names (rules, version, config,
// view or serve) with the rest of args; ok is false when args name none.
func runSubcommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (code ExitCode, ok bool) {
	if len(args) == 0 {
		return ExitOK, false
	}
	switch args[0] {
	case "rules":
		return runRules(ctx, args[1:], stdout, stderr, getenv), true
	case "version":
		return runVersion(args[1:], stdout, stderr), true
	case "config":
		return runConfig(args[1:], stdout, stderr), true
	case "view", "serve":
		return runPageCommand(ctx, args[0], args[1:], stdin, stdout, stderr, getenv), true
	}
	return ExitOK, false
}

// parseCommandLine declares the flags over the built-in defaults and parses
// args. ok is false when the run ends there, with code: the completion
// subcommand, --help, --version, a bad flag, or no inputs while standard
// input is a terminal (the usage is shown rather than wait for text typed
// in).
func parseCommandLine(args []string, stdin io.Reader, stdout, stderr io.Writer) (flags *pflag.FlagSet, code ExitCode, ok bool) {
	defaults, err := defaultConfig()
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return nil, ExitUsage, false
	}
	flags = newFlags(defaults)
	if len(args) > 0 && args[0] == "completion" {
		return nil, runCompletion(args[1:], flags, stdout, stderr), false
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, usage(flags))
			return nil, ExitOK, false
		}
		fmt.Fprintf(stderr, "extract: %v\nRun 'extract --help' for usage.\n", err)
		return nil, ExitUsage, false
	}
	if h, _ := flags.GetBool("help"); h {
		fmt.Fprint(stdout, usage(flags))
		return nil, ExitOK, false
	}
	if v, _ := flags.GetBool("version"); v {
		return nil, runVersion(nil, stdout, stderr), false
	}
	if lists, _ := flags.GetStringArray("input-file"); len(flags.Args()) == 0 && len(lists) == 0 && isTerminalReader(stdin) {
		fmt.Fprint(stderr, usage(flags)) // rather than wait for text typed in
		return nil, ExitUsage, false
	}
	return flags, ExitOK, true
}

// runBatch loads the configuration, rules and extractor the parsed flags
// ask for and runs the batch over the inputs. Anything wrong before the
// batch starts is reported on stderr with ExitUsage.
func runBatch(ctx context.Context, flags *pflag.FlagSet, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	cfg, err := loadConfig(flags, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	x, err := newExtractor(cfg.Rules)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	out, _ := flags.GetString("output")
	resume, _ := flags.GetBool("resume")
	if !resumeAllowed(resume, out, cfg.Format, stderr) {
		return ExitUsage
	}
	b := newBatch(cfg, x.WithLanguages(cfg.Languages...), stdin, stderr)
	b.quiet, _ = flags.GetBool("quiet")
	if b.inputs, err = inputsOf(flags, time.Now()); err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	return b.run(ctx, flags.Args(), out, resume, stdout)
}

// newExtractor returns an extractor over the built-in rules, extended by the
// rules folder dir when given.
func newExtractor(dir string) (*extractor.Extractor, error) {
	set, err := loadRules(dir)
	if err != nil {
		return nil, err
	}
	return extractor.New(set)
}

// resumeAllowed reports whether --resume (when asked for) can go on with
// the output file out in format, saying on stderr why not.
func resumeAllowed(resume bool, out, format string, stderr io.Writer) bool {
	if resume && out == "" {
		fmt.Fprintf(stderr, "extract: --resume needs -o FILE, the output of the run to go on with\n")
		return false
	}
	if resume && format != formatJSONL {
		fmt.Fprintf(stderr, "extract: --resume goes on with JSON Lines output only, not --format %s\n", format)
		return false
	}
	return true
}

// newBatch sets up a batch run from the configuration.
func newBatch(cfg Config, x *extractor.Extractor, stdin io.Reader, stderr io.Writer) *batch {
	opts := input.DefaultOptions()
	opts.MaxBytes, opts.Timeout, opts.MaxRedirects, opts.UserAgent = cfg.MaxBytes, cfg.Timeout, cfg.MaxRedirects, cfg.UserAgent
	opts.Attempts, opts.PerHost, opts.AllowPrivateRedirects = cfg.Attempts, cfg.PerHost, cfg.AllowPrivateRedirects
	opts.Delay, opts.IgnoreRobots = cfg.Delay, cfg.IgnoreRobots
	jobs := cfg.Jobs
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	return &batch{
		x: x, reader: input.NewReader(opts, stdin), jobs: jobs, unordered: cfg.Unordered,
		timeLimit: cfg.TimeLimit, pretty: cfg.Pretty, format: cfg.Format, languages: languageSet(cfg.Languages),
		terminal: isTerminal(stderr), stderr: stderr,
	}
}

// languageSet is the set of codes, nil when there are none.
func languageSet(codes []string) map[string]bool {
	if len(codes) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, c := range codes {
		set[c] = true
	}
	return set
}

// isTerminal reports whether w is a terminal, where a live progress line
// can be drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// isTerminalReader reports whether r is a terminal, from which extract
// would wait for a user to type an article.
func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// loadRules returns the built-in rules, extended by a folder when given.
func loadRules(dir string) (*rules.Set, error) {
	if dir == "" {
		return rules.Default()
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("rules folder %s: not a folder that can be read", dir)
	}
	return rules.LoadDir(dir, os.DirFS(dir))
}

// newFlags declares the flags, showing the built-in defaults in the help.
// A flag overrides the configuration only when given.
func newFlags(d Config) *pflag.FlagSet {
	flags := pflag.NewFlagSet("extract", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.SortFlags = false
	flags.StringArrayP("input-file", "i", nil, "read inputs from `FILE`, one path or URL a line (- for standard input; # comments)")
	flags.String("since", "", "take the entries of feeds and sitemaps published on or after `DATE` (2026-11-30, or 36h or 7d back)")
	flags.Int("max-articles", 0, "stop after `N` articles, failed ones counted (0: no limit)")
	flags.StringP("output", "o", "", "write the records to `FILE` instead of standard output")
	flags.Bool("pretty", d.Pretty, "indent each record over several lines")
	flags.String("format", d.Format, "write `FORMAT`: jsonl, json (one array), quotes.csv or entities.csv (tables)")
	flags.String("languages", strings.Join(d.Languages, ","), "write only articles in these `LANGS`, ISO 639-1 codes such as en,de")
	flags.String("config", "", "read settings from this YAML `FILE` (see config.yaml)")
	flags.String("rules", d.Rules, "add the rules in this `DIR` to the built-in ones")
	flags.Duration("timeout", d.Timeout, "give up on a URL after this long")
	flags.String("max-bytes", humanize.IBytes(uint64(d.MaxBytes)), "refuse inputs larger than this `SIZE`, such as 20MB or 512KiB")
	flags.Int("max-redirects", d.MaxRedirects, "follow at most this many redirects")
	flags.Int("attempts", d.Attempts, "try a URL this many times when its server answers 429 or 5xx")
	flags.Int("per-host", d.PerHost, "fetch at most this many URLs of one host at once")
	flags.Bool("allow-private-redirects", d.AllowPrivateRedirects, "follow redirects to loopback, private and link-local addresses")
	flags.Duration("delay", d.Delay, "wait at least this long between two requests to one host (a longer robots.txt Crawl-delay wins)")
	flags.Bool("ignore-robots", d.IgnoreRobots, "fetch pages that the site's robots.txt does not allow")
	flags.String("user-agent", d.UserAgent, "send this User-Agent when fetching (default \""+input.DefaultUserAgent()+"\")")
	flags.IntP("jobs", "j", d.Jobs, "work on `N` articles at once (0: one per CPU core)")
	flags.Bool("unordered", d.Unordered, "write each record when it is done, not in input order")
	flags.Duration("article-timeout", d.TimeLimit, "give an article an error record after this long (0: no limit)")
	flags.Bool("resume", false, "with -o, skip the inputs already in the file and add the rest")
	flags.BoolP("quiet", "q", false, "print nothing on standard error but errors: no progress, no summary")
	flags.BoolP("version", "V", false, "print the version and exit (also: extract version)")
	flags.BoolP("help", "h", false, "show this help")
	return flags
}

func usage(flags *pflag.FlagSet) string {
	var b strings.Builder
	b.WriteString(`extract turns news articles into JSON: the article's text and metadata, the
people, organizations and places in it, and every quotation with who said it.

Usage:
  extract [flags] [INPUT...]

  extract rules check|test|list ...   (see extract rules --help)
  extract view [INPUT...] > page.html  (see extract view --help)
  extract serve [--addr HOST:PORT]     (see extract serve --help)
  extract version                     the version, from the build
  extract config                      print the default configuration, to
                                      start a config file from
  extract completion bash|zsh|fish    print a shell completion script

Each INPUT is
  a file      HTML (.html .htm .xhtml) or plain text (.txt .text), either
              gzipped (.gz); other names are told apart by their content
  JSON Lines  .jsonl or .ndjson (either gzipped): one article per line,
              {"url": ..., "html": ...} or {"text": ...}; named FILE:LINE;
              its "id" and its other fields come back in the record, as
              "id" and "meta"
  WARC        .warc or .warc.gz (such as Common Crawl's CC-NEWS): one article
              per HTML response record; named FILE:RECORD
  a folder    walked recursively in sorted order, taking files of those kinds
  a URL       http:// or https://, fetched
  a feed      RSS, Atom or JSON Feed, or a sitemap (an index too, gzipped or
              not, Google News sitemaps included), as a URL or a file, told
              by content: each article it links to is fetched, and its
              record's "feed" names the list (--since, --max-articles)
  -           standard input: one HTML or text document, told apart by
              content, JSON Lines when its first line is such an object, or
              a feed or sitemap
With no INPUT, standard input is read; on a terminal, this help is shown
instead. (A file or folder named rules, view, serve, version, config or
completion is ./NAME.)
-i FILE adds the inputs that FILE lists, one a line, after those given.
Each site's robots.txt is kept to (--ignore-robots turns that off), and
--delay spaces the requests to one host.

extract writes one JSON record per input, one per line (JSON Lines), in the
order of the inputs (--unordered: as they are done); --format json writes
one JSON array, --format quotes.csv and entities.csv a table (CSV with a
header row) of the quotes or the entities. A record's language is the
page's (its markup) or detected; entities and quotes are looked for in
English articles only, and a record in another language says so. An input
that cannot be read, fetched or parsed gives {"source": ..., "error": ...}
and a line on standard error; the others go on. Records are written as
they are made, so a run that is stopped keeps what it finished: run it
again with the same -o FILE and --resume to go on. On a terminal, a
progress line shows on standard error, and a summary ends a run of many:
articles, failures, quotes, entities and the most quoted speakers (--quiet
silences both).

Flags:
`)
	b.WriteString(flags.FlagUsages())
	b.WriteString(`
Configuration, highest precedence first:
  1. flags
  2. environment variables EXTRACT_*, such as EXTRACT_FETCH_TIMEOUT=10s
     (the setting's path in config.yaml, upper case, dots as underscores)
  3. your config file: --config FILE, else $EXTRACT_CONFIG, else
     ~/.config/extract/config.yaml when it exists (with a warning, and
     skipped, when it cannot be read)
  4. the built-in defaults (config.yaml in the source, which explains each)

Exit status: 0 when every input gave a record, 1 when any input failed,
2 for a usage, configuration or rules error.
`)
	return b.String()
}

// inputsOf reads the flags that say what to list besides the args: the
// lists of -i, refusing standard input as both a list and an input, and
// which entries of feeds and sitemaps to take.
func inputsOf(flags *pflag.FlagSet, now time.Time) (input.Inputs, error) {
	var in input.Inputs
	var err error
	in.Lists, _ = flags.GetStringArray("input-file")
	in.MaxArticles, _ = flags.GetInt("max-articles")
	if in.MaxArticles < 0 {
		return in, fmt.Errorf("--max-articles %d: not a number of articles", in.MaxArticles)
	}
	if since, _ := flags.GetString("since"); since != "" {
		if in.Since, err = parseSince(since, now); err != nil {
			return in, err
		}
	}
	return in, checkStdin(in.Lists, flags.Args())
}

// parseSince reads --since: a date, a date and time, or a duration back
// from now.
func parseSince(s string, now time.Time) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	if days, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && strings.HasSuffix(s, "d") && days > 0 {
		return now.AddDate(0, 0, -days), nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("--since %q: not a date (2026-11-30), a time (2026-11-30T08:00:00Z) or a time back from now (36h, 7d)", s)
}

// checkStdin refuses standard input as both a list and an input.
func checkStdin(lists, args []string) error {
	stdin := 0
	for _, l := range slices.Concat(lists, args) {
		if l == "-" {
			stdin++
		}
	}
	if stdin > 1 && slices.Contains(lists, "-") {
		return errors.New("standard input can be read once: -i - and - cannot both be given")
	}
	return nil
}
