package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/fixture"
	"github.com/extract-news/extract/rules"
)

const rulesUsage = `extract rules checks, tests and lists extraction rules.

Usage:
  extract rules check [DIR]              load and validate a rules folder (the
                                         built-in rules alone without DIR) and
                                         run every rule's own examples
  extract rules test [--rules DIR] [--update] [FIXTURE...]
                                         run the pipeline over fixtures and
                                         compare each record with what the
                                         fixture expects (default: ./fixtures)
  extract rules list [--rules DIR]       the rules in force and where each
                                         comes from

A rules folder holds YAML files that extend the built-in rules; see
docs/writing-rules.md. A fixture is a folder holding input.txt or input.html
and its expectations: expected.json, or want lines in the input.

Exit status: 0 when all is well, 1 when a fixture fails, 2 when the rules
are broken or the command is used wrongly.
`

// runRules runs "extract rules ...".
func runRules(ctx context.Context, args []string, stdout, stderr io.Writer) ExitCode {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, rulesUsage)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	flags := pflag.NewFlagSet("extract rules "+args[0], pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dir := flags.String("rules", "", "add the rules in this `DIR` to the built-in ones")
	update := flags.Bool("update", false, "rewrite the fixtures' expectations to what extract gives now")
	if err := flags.Parse(args[1:]); err != nil {
		fmt.Fprintf(stderr, "extract rules %s: %v\nRun 'extract rules --help' for usage.\n", args[0], err)
		return ExitUsage
	}
	switch args[0] {
	case "check":
		return rulesCheck(ctx, flags.Args(), *dir, stdout, stderr)
	case "test":
		return rulesTest(ctx, flags.Args(), *dir, *update, stdout, stderr)
	case "list":
		return rulesList(*dir, stdout, stderr)
	}
	fmt.Fprintf(stderr, "extract rules: no command %q; the commands are check, test and list\n", args[0])
	return ExitUsage
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

// rulesCheck validates a rules folder and runs its rules' examples.
func rulesCheck(ctx context.Context, args []string, dir string, stdout, stderr io.Writer) ExitCode {
	if len(args) > 1 || len(args) == 1 && dir != "" {
		fmt.Fprintln(stderr, "extract rules check: give one rules folder")
		return ExitUsage
	}
	if len(args) == 1 {
		dir = args[0]
	}
	set, x, ok := loadForRules(dir, stderr)
	if !ok {
		return ExitUsage
	}
	fails, err := x.CheckExamples(ctx, set)
	if err != nil {
		fmt.Fprintf(stderr, "extract: running the rules' examples: %v\n", err)
		return ExitFailed
	}
	for _, f := range fails {
		fmt.Fprintln(stderr, f.Error())
	}
	if len(fails) > 0 {
		return ExitUsage
	}
	fmt.Fprintf(stdout, "%d rules are valid and pass their %d examples\n", countRules(set), countExamples(set))
	return ExitOK
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

// rulesList prints the rules in force.
func rulesList(dir string, stdout, stderr io.Writer) ExitCode {
	set, err := loadRules(dir)
	if err != nil {
		printRuleErrors(err, stderr)
		return ExitUsage
	}
	fmt.Fprintf(stdout, "%-18s %-32s %-30s %s\n", "KIND", "ID", "FROM", "HOLDS")
	for _, r := range set.List() {
		fmt.Fprintf(stdout, "%-18s %-32s %-30s %d %s, %d %s\n", r.Kind, r.ID, r.Origin,
			r.Count, plural(r.Count, "entry", "entries"), r.Examples, plural(r.Examples, "example", "examples"))
	}
	ids := make([]string, 0, len(set.Disabled))
	for id := range set.Disabled {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(stdout, "%-18s %-32s %-30s %s\n", "(switched off)", id, set.Disabled[id], "-")
	}
	return ExitOK
}

func countRules(set *rules.Set) int { return len(set.List()) }

func countExamples(set *rules.Set) int {
	n := 0
	for _, r := range set.List() {
		n += r.Examples
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
