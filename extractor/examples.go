package extractor

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/article"
	"github.com/extract-news/extract/rules"
)

// ExampleFailure is a rule example that did not behave as its rule says.
type ExampleFailure struct {
	Rule    string
	Origin  rules.Origin
	Example string
	Match   bool // true for a match example that did not match
	Got     string
}

func (f ExampleFailure) Error() string {
	verb := "should not match but does"
	if f.Match {
		verb = "should match but does not"
	}
	return fmt.Sprintf("%s: rule %q: example %q %s (%s)", f.Origin, f.Rule, f.Example, verb, f.Got)
}

// CheckExamples runs every example of every rule in set through the
// extractor and returns the examples that fail. The extractor should have
// been built from the same set.
func (x *Extractor) CheckExamples(ctx context.Context, set *rules.Set) ([]ExampleFailure, error) {
	var fails []ExampleFailure
	check := func(r rules.Rule, hit func(record.Record) (bool, string)) error {
		for _, ex := range r.Examples.Match {
			ok, got, err := x.runExample(ctx, ex, hit)
			if err != nil {
				return err
			}
			if !ok {
				fails = append(fails, ExampleFailure{Rule: r.ID, Origin: r.Origin, Example: ex, Match: true, Got: got})
			}
		}
		for _, ex := range r.Examples.NoMatch {
			ok, got, err := x.runExample(ctx, ex, hit)
			if err != nil {
				return err
			}
			if ok {
				fails = append(fails, ExampleFailure{Rule: r.ID, Origin: r.Origin, Example: ex, Got: got})
			}
		}
		return nil
	}
	for _, c := range exampleChecks(set) {
		if err := check(c.rule, c.hit); err != nil {
			return nil, err
		}
	}
	return fails, nil
}

func (x *Extractor) runExample(ctx context.Context, text string, hit func(record.Record) (bool, string)) (bool, string, error) {
	rec, err := x.analyze(ctx, "example", article.Article{Text: text}, text) // the rules' own language
	if err != nil {
		return false, "", err
	}
	ok, got := hit(rec)
	return ok, got, nil
}

// exampleCheck pairs a rule with what its examples must find in a record.
type exampleCheck struct {
	rule rules.Rule
	hit  func(record.Record) (bool, string)
}

// recordHit reports whether a record holds what a rule's examples must
// find, and describes what it found.
type recordHit func(record.Record) (bool, string)

// exampleChecks says, for each kind of rule, what "matching" means: a cue
// rule matches when a quote's cue is one of its words, a pattern when it
// attributed a quote, a title when a person carries it, and so on.
func exampleChecks(set *rules.Set) []exampleCheck {
	out := cueChecks(set.Cues)
	out = append(out, patternChecks(set.Patterns)...)
	out = append(out, wordChecks(set.Titles, titleHit)...)
	out = append(out, wordChecks(set.Honorifics, honorificHit)...)
	out = append(out, wordChecks(set.Roles, roleHit)...)
	for _, list := range []struct {
		rules []*rules.WordRule
		typ   string
	}{{set.Organizations, "ORG"}, {set.OrgNames, "ORG"}, {set.Places, "LOC"}, {set.Facilities, "FAC"}, {set.Events, "EVENT"}} {
		out = append(out, wordChecks(list.rules, entityHit(list.typ))...)
	}
	return out
}

// cueChecks returns the checks of cue rules: a quote's cue is one of the
// rule's forms.
func cueChecks(cues []*rules.CueRule) []exampleCheck {
	var out []exampleCheck
	for _, r := range cues {
		forms := map[string]bool{}
		for _, f := range r.Forms {
			forms[strings.Join(f, " ")] = true
		}
		out = append(out, exampleCheck{r.Rule, func(rec record.Record) (bool, string) {
			return anyQuote(rec, func(q record.Quote) bool { return q.Cue != nil && forms[rules.NormalizeWord(q.Cue.Text)] })
		}})
	}
	return out
}

// patternChecks returns the checks of pattern rules: the pattern
// attributed a quote.
func patternChecks(patterns []*rules.PatternRule) []exampleCheck {
	var out []exampleCheck
	for _, r := range patterns {
		id := r.ID
		out = append(out, exampleCheck{r.Rule, func(rec record.Record) (bool, string) {
			return anyQuote(rec, func(q record.Quote) bool { return q.Pattern == id })
		}})
	}
	return out
}

// wordChecks returns a check for each rule of list, which hit makes of the
// rule's words.
func wordChecks(list []*rules.WordRule, hit func(words []string) recordHit) []exampleCheck {
	var out []exampleCheck
	for _, r := range list {
		out = append(out, exampleCheck{r.Rule, hit(r.Words)})
	}
	return out
}

// titleHit says a title rule matches when a person carries one of its
// words in the title.
func titleHit(words []string) recordHit {
	return func(rec record.Record) (bool, string) {
		return anyEntity(rec, func(e record.Entity) bool { return e.Type == "PERSON" && containsWord(e.Title, words) })
	}
}

// honorificHit says an honorific rule matches when one of its words stands
// before a person's name.
func honorificHit(words []string) recordHit {
	return func(rec record.Record) (bool, string) {
		return anyEntity(rec, func(e record.Entity) bool { return e.Type == "PERSON" && precededBy(rec.Text, e, words) })
	}
}

// roleHit says a role rule matches when a quote's speaker holds one of its
// words or their plurals.
func roleHit(words []string) recordHit {
	return func(rec record.Record) (bool, string) {
		return anyQuote(rec, func(q record.Quote) bool {
			return q.Speaker != nil && (containsWord(q.Speaker.Text, words) || containsWord(q.Speaker.Text, plurals(words)))
		})
	}
}

// entityHit says a rule of names' words matches when an entity of type typ
// holds one of its words in its name.
func entityHit(typ string) func(words []string) recordHit {
	return func(words []string) recordHit {
		return func(rec record.Record) (bool, string) {
			return anyEntity(rec, func(e record.Entity) bool { return e.Type == typ && containsWord(e.Name, words) })
		}
	}
}

func anyQuote(rec record.Record, ok func(record.Quote) bool) (bool, string) {
	var got []string
	for _, q := range rec.Quotes {
		if ok(q) {
			return true, describeQuote(q)
		}
		got = append(got, describeQuote(q))
	}
	if len(got) == 0 {
		return false, "no quote found"
	}
	return false, "found " + strings.Join(got, "; ")
}

func describeQuote(q record.Quote) string {
	s := fmt.Sprintf("quote %q", q.Text)
	if q.Speaker != nil {
		s += fmt.Sprintf(" by %q", q.Speaker.Text)
	}
	if q.Cue != nil {
		s += fmt.Sprintf(" cue %q", q.Cue.Text)
	}
	if q.Pattern != "" {
		s += " via " + q.Pattern
	}
	return s
}

func anyEntity(rec record.Record, ok func(record.Entity) bool) (bool, string) {
	var got []string
	for _, e := range rec.Entities {
		if ok(e) {
			return true, fmt.Sprintf("%s %q", e.Type, e.Name)
		}
		desc := fmt.Sprintf("%s %q", e.Type, e.Name)
		if e.Title != "" {
			desc += fmt.Sprintf(" (title %q)", e.Title)
		}
		got = append(got, desc)
	}
	if len(got) == 0 {
		return false, "no entity found"
	}
	return false, "found " + strings.Join(got, ", ")
}

// containsWord reports whether any of words stands in s as whole words,
// ignoring case.
func containsWord(s string, words []string) bool {
	fields := strings.Fields(rules.NormalizeWord(s))
	for _, w := range words {
		ws := strings.Fields(rules.NormalizeWord(w))
		for i := 0; i+len(ws) <= len(fields); i++ {
			if slices.Equal(fields[i:i+len(ws)], ws) {
				return true
			}
		}
	}
	return false
}

// precededBy reports whether one of an entity's mentions comes right after
// one of words.
func precededBy(text string, e record.Entity, words []string) bool {
	runes := []rune(text)
	for _, m := range e.Mentions {
		before := strings.TrimSpace(string(runes[:m.Start]))
		for _, w := range words {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
	}
	return false
}

func plurals(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = rules.Plural(w)
	}
	return out
}
