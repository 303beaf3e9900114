package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/fixture"
	"github.com/extract-news/extract/rules"
)

const rulesUsage = `extract rules checks, tests and lists extraction rules.

Usage:
  extract rules check [DIR]              load and validate a rules folder (DIR,
                                         else the one configured, else the
                                         built-in rules alone) and run every
                                         rule's own examples
  extract rules test [--update] [FIXTURE...]
                                         run the pipeline over fixtures and
                                         compare each record with what the
                                         fixture expects (default: ./fixtures)
  extract rules list                     every rule, where it comes from, and
                                         which are switched off

Flags:
      --rules DIR     add the rules in DIR to the built-in ones
      --config FILE   read settings from this YAML FILE
      --update        (test) rewrite the fixtures' expectations to what
                      extract gives now

The rules commands take their configuration as extract itself does, highest
precedence first: --rules DIR; $EXTRACT_RULES; rules: in your config file
(--config FILE, else $EXTRACT_CONFIG, else ~/.config/extract/config.yaml
when it exists); with none of these, the built-in rules alone.

A rules folder holds YAML files that extend the built-in rules; see
docs/writing-rules.md. A fixture is a folder holding input.txt or input.html
and its expectations: expected.json, or want lines in the input.

Exit status: 0 when all is well, 1 when a fixture fails, 2 when the rules
are broken or the command is used wrongly.
`

// runRules runs "extract rules ...".
func runRules(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, rulesUsage)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	cmd := args[0]
	if cmd != "check" && cmd != "test" && cmd != "list" {
		fmt.Fprintf(stderr, "extract rules: no command %q; the commands are check, test and list\n", cmd)
		return ExitUsage
	}
	flags, update := newRulesFlags(cmd)
	if err := flags.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, rulesUsage)
			return ExitOK
		}
		fmt.Fprintf(stderr, "extract rules %s: %v\nRun 'extract rules --help' for usage.\n", cmd, err)
		return ExitUsage
	}
	cfg, err := loadConfig(flags, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	switch cmd {
	case "check":
		return rulesCheck(ctx, flags, cfg.Rules, stdout, stderr)
	case "test":
		return rulesTest(ctx, flags.Args(), cfg.Rules, *update, stdout, stderr)
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "extract rules list: no arguments, but %s; give the folder as --rules DIR\n", strings.Join(flags.Args(), " "))
		return ExitUsage
	}
	return rulesList(cfg.Rules, stdout, stderr)
}

// newRulesFlags declares the flags of one rules command: --rules and
// --config, as extract has them (rulesUsage describes them), and for test
// --update.
func newRulesFlags(cmd string) (flags *pflag.FlagSet, update *bool) {
	flags = pflag.NewFlagSet("extract rules "+cmd, pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.String("rules", "", "")
	flags.String("config", "", "")
	update = new(bool)
	if cmd == "test" {
		flags.BoolVar(update, "update", false, "")
	}
	return flags, update
}

// loadForRules loads the rules and builds an extractor from them, printing
// every error.
func loadForRules(dir string, stderr io.Writer) (*rules.Set, *extractor.Extractor, bool) {
	set, err := loadRules(dir)
	if err != nil {
		printRuleErrors(err, stderr)
		return nil, nil, false
	}
	x, err := extractor.New(set)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return nil, nil, false
	}
	return set, x, true
}

// printRuleErrors prints one line per rules error.
func printRuleErrors(err error, stderr io.Writer) {
	var errs rules.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		return
	}
	fmt.Fprintln(stderr, err.Error())
}

// rulesCheck validates a rules folder, DIR or else the configured one, and
// runs its rules' examples.
func rulesCheck(ctx context.Context, flags *pflag.FlagSet, dir string, stdout, stderr io.Writer) ExitCode {
	if flags.NArg() > 1 || flags.NArg() == 1 && flags.Changed("rules") {
		fmt.Fprintln(stderr, "extract rules check: give one rules folder")
		return ExitUsage
	}
	if flags.NArg() == 1 {
		dir = flags.Arg(0)
	}
	set, x, ok := loadForRules(dir, stderr)
	if !ok {
		return ExitUsage
	}
	found, err := x.CheckExamples(ctx, set)
	var fails []exampleFailure
	if err == nil {
		fails, err = needSwitchedOff(ctx, set, found)
	}
	if err != nil {
		fmt.Fprintf(stderr, "extract: running the rules' examples: %v\n", err)
		return ExitFailed
	}
	failed, skipped := reportExamples(fails, stdout, stderr)
	if failed > 0 {
		return ExitUsage
	}
	fmt.Fprintf(stdout, "%d rules are valid and pass their %d examples", countRules(set), countExamples(set)-skipped)
	if skipped > 0 {
		fmt.Fprintf(stdout, "; %d built-in %s skipped", skipped, plural(skipped, "example", "examples"))
	}
	fmt.Fprintln(stdout)
	return ExitOK
}

// reportExamples prints the failing examples and counts them: a built-in
// example that passes only with the rules the user switched off is skipped,
// as the user cannot change it; the others are failures.
func reportExamples(fails []exampleFailure, stdout, stderr io.Writer) (failed, skipped int) {
	for _, f := range fails {
		switch {
		case !f.needsOff:
			fmt.Fprintln(stderr, f.Error())
			failed++
		case strings.HasPrefix(f.Origin.File, rules.BuiltinSource):
			fmt.Fprintf(stdout, "skipped %s; it passes only with the rules you switched off\n", f.Error())
			skipped++
		default:
			fmt.Fprintf(stderr, "%s; it passes only with the rules you switched off\n", f.Error())
			failed++
		}
	}
	return failed, skipped
}

// exampleFailure is a failing example, and whether it passes when the
// switched-off rules are on: then only they made it pass.
type exampleFailure struct {
	extractor.ExampleFailure
	needsOff bool
}

// needSwitchedOff runs the failing examples' rules again with the
// switched-off rules on, and marks the failures that go away.
func needSwitchedOff(ctx context.Context, set *rules.Set, fails []extractor.ExampleFailure) ([]exampleFailure, error) {
	out := make([]exampleFailure, len(fails))
	for i, f := range fails {
		out[i] = exampleFailure{ExampleFailure: f}
	}
	whole := set.WithoutDisabling()
	if len(fails) == 0 || whole == set {
		return out, nil
	}
	x, err := extractor.New(whole)
	if err != nil {
		return nil, err
	}
	wholeFails, err := x.CheckExamples(ctx, whole)
	if err != nil {
		return nil, err
	}
	type key struct {
		rule, example string
		match         bool
	}
	still := map[key]bool{}
	for _, f := range wholeFails {
		still[key{f.Rule, f.Example, f.Match}] = true
	}
	for i, f := range fails {
		out[i].needsOff = !still[key{f.Rule, f.Example, f.Match}]
	}
	return out, nil
}

// rulesTest runs the fixtures and prints what differs.
func rulesTest(ctx context.Context, args []string, dir string, update bool, stdout, stderr io.Writer) ExitCode {
	if len(args) == 0 {
		args = []string{"fixtures"}
	}
	dirs, err := fixture.Find(args)
	if err == nil && len(dirs) == 0 {
		err = fmt.Errorf("no fixtures in %s (a fixture is a folder holding input.txt or input.html)", strings.Join(args, ", "))
	}
	if err != nil {
		fmt.Fprintf(stderr, "extract rules test: %v\n", err)
		return ExitUsage
	}
	_, x, ok := loadForRules(dir, stderr)
	if !ok {
		return ExitUsage
	}
	failed := 0
	for _, d := range dirs {
		if !testFixture(ctx, x, d, update, stdout) {
			failed++
		}
	}
	fmt.Fprintf(stdout, "%d %s, %d failed\n", len(dirs), plural(len(dirs), "fixture", "fixtures"), failed)
	if failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

// testFixture runs one fixture, updating it first when asked, and reports
// whether it passes.
func testFixture(ctx context.Context, x *extractor.Extractor, dir string, update bool, out io.Writer) bool {
	f, err := fixture.Load(dir)
	if err != nil {
		fmt.Fprintf(out, "FAIL %s\n    %v\n", dir, err)
		return false
	}
	rec := f.Run(ctx, x)
	if update {
		if err := f.Update(rec); err != nil {
			fmt.Fprintf(out, "FAIL %s\n    updating: %v\n", dir, err)
			return false
		}
		if f, err = fixture.Load(dir); err != nil {
			fmt.Fprintf(out, "FAIL %s\n    %v\n", dir, err)
			return false
		}
		rec = f.Run(ctx, x)
	}
	problems := f.Check(rec)
	if len(problems) == 0 {
		fmt.Fprintf(out, "ok   %s\n", dir)
		return true
	}
	fmt.Fprintf(out, "FAIL %s\n", dir)
	for _, p := range problems {
		fmt.Fprintf(out, "    %s\n", strings.ReplaceAll(strings.TrimRight(p, "\n"), "\n", "\n    "))
	}
	return false
}

// rulesList prints every rule, and why one is off.
func rulesList(dir string, stdout, stderr io.Writer) ExitCode {
	set, err := loadRules(dir)
	if err != nil {
		printRuleErrors(err, stderr)
		return ExitUsage
	}
	fmt.Fprintf(stdout, "%-18s %-32s %-30s %s\n", "KIND", "ID", "FROM", "HOLDS")
	for _, r := range set.List() {
		holds := fmt.Sprintf("%d %s, %d %s", r.Count, plural(r.Count, "entry", "entries"), r.Examples, plural(r.Examples, "example", "examples"))
		if r.Off != "" {
			holds = "off: " + r.Off
		}
		fmt.Fprintf(stdout, "%-18s %-32s %-30s %s\n", r.Kind, r.ID, r.Origin, holds)
	}
	return ExitOK
}

// countRules counts the rules in force.
func countRules(set *rules.Set) int {
	n := 0
	for _, r := range set.List() {
		if r.Off == "" {
			n++
		}
	}
	return n
}

// countExamples counts the examples of the rules in force.
func countExamples(set *rules.Set) int {
	n := 0
	for _, r := range set.List() {
		if r.Off == "" {
			n += r.Examples
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
