// Package rules holds extract's declarative rules: the cue words that tie a
// quotation to its speaker, the titles, honorifics and roles that mark people,
// the words that mark organizations, and the attribution patterns.
//
// Rules are YAML files. They load in two phases, as in vale and gitleaks:
// each file is first decoded strictly (an unknown key is an error naming the
// file and line), then every rule is compiled and validated (empty word lists,
// duplicate ids and patterns that do not parse are errors). The built-in rules
// are embedded in the binary, so extract runs from any folder; a user's rules
// folder extends them and can switch built-in rules off by id.
package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/extract-news/extract/internal/regular"
)

//go:embed *.yaml
var builtin embed.FS

// BuiltinSource is the Origin.File prefix of rules that come with extract.
const BuiltinSource = "builtin:"

// Origin says where a rule was written.
type Origin struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// String formats the origin as file:line.
func (o Origin) String() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

// Examples are a rule's own test cases: texts it must match and texts it must
// not. They are checked by `extract rules check` and by the project's tests.
type Examples struct {
	Match   []string `yaml:"match" json:"match,omitempty"`
	NoMatch []string `yaml:"no_match" json:"no_match,omitempty"`
}

// Rule is what every kind of rule has in common.
type Rule struct {
	ID          string   `yaml:"id" json:"id"`
	Description string   `yaml:"description" json:"description,omitempty"`
	Examples    Examples `yaml:"examples" json:"examples"`
	Origin      Origin   `yaml:"-" json:"origin"`
}

// Cue kinds of inflection.
const (
	InflectVerb = "verb"
	InflectNoun = "noun"
	InflectNone = "none"
)

// CueRule lists words that signal speech: verbs (said, told, stressed),
// nouns (statement, remarks) and phrases (according to). Patterns refer to
// cues by class: CUE means class "speech", CUE.characterize means class
// "characterize".
type CueRule struct {
	Rule    `yaml:",inline"`
	Class   string   `yaml:"class" json:"class"`
	Inflect string   `yaml:"inflect" json:"inflect"`
	Words   []string `yaml:"words" json:"words"`
	// Forms holds every form the words take, lower-cased, each split into
	// its words: "pointed out" is ["pointed", "out"]. Filled by compiling.
	Forms [][]string `yaml:"-" json:"-"`
}

// WordRule lists words or phrases of one kind: titles, honorifics, roles or
// organization words. Gender, when set, is "male" or "female" and says what
// the words tell of the person they go with.
type WordRule struct {
	Rule   `yaml:",inline"`
	Gender string   `yaml:"gender" json:"gender,omitempty"`
	Words  []string `yaml:"words" json:"words"`
}

// PatternRule is an attribution pattern such as `QUOTE ,? SPEAKER CUE`.
// See Pattern for the language.
type PatternRule struct {
	Rule       `yaml:",inline"`
	Pattern    string  `yaml:"pattern" json:"pattern"`
	Confidence float64 `yaml:"confidence" json:"confidence"`
	// Compiled is the parsed pattern, filled by compiling.
	Compiled *Pattern `yaml:"-" json:"-"`
}

// Set is a compiled, validated collection of rules.
type Set struct {
	Cues          []*CueRule
	Titles        []*WordRule
	Honorifics    []*WordRule
	Roles         []*WordRule
	Organizations []*WordRule // words that mark an organization's name
	OrgNames      []*WordRule // whole names of organizations
	Places        []*WordRule // words that mark a natural place's name
	Facilities    []*WordRule // words that mark a building's or structure's name
	Events        []*WordRule // words that mark an event's name
	Patterns      []*PatternRule
	// Disabled lists the ids this set switched off, with where it said so.
	Disabled map[string]Origin

	// whole is the set before the disable lists applied, when they did.
	whole *Set
	// off says, by id, why a rule of whole is not in force.
	off map[string]string
}

// WithoutDisabling returns the set as it would be if no file switched rules
// off: every rule, in the same order. Comparing the two tells what only
// the switched-off rules did.
func (s *Set) WithoutDisabling() *Set {
	if s.whole == nil {
		return s
	}
	return s.whole
}

// Default returns the built-in rules, embedded in the binary.
func Default() (*Set, error) {
	files, err := decodeFS(builtin, ".", BuiltinSource)
	if err != nil {
		return nil, err
	}
	return compile(files, nil)
}

// LoadDir returns the built-in rules extended by the rules in dir: every
// *.yaml and *.yml file in it, in name order. A user's rule may not reuse a
// built-in rule's id, but the folder may disable built-in rules by id. Each
// file must be a regular file (or a link to one) of at most MaxFileBytes,
// and the files MaxFolderBytes together; dir names the files in errors.
func LoadDir(dir string, fsys fs.FS) (*Set, error) {
	base, err := decodeFS(builtin, ".", BuiltinSource)
	if err != nil {
		return nil, err
	}
	user, err := decodeFS(fsys, ".", dir+string('/'))
	if err != nil {
		return nil, err
	}
	if len(user) == 0 {
		return nil, fmt.Errorf("rules folder %s holds no .yaml or .yml files", dir)
	}
	return compile(base, user)
}

// Limits on what a rules folder may hold: each file, and its files together.
// Rules are small (the built-in ones are a few kilobytes a file); the limits
// keep a mistaken folder from taking the memory and minutes of a run.
const (
	MaxFileBytes   = 1_000_000
	MaxFolderBytes = 10_000_000
)

// decodeFS decodes every YAML file at the top of dir in fsys.
func decodeFS(fsys fs.FS, dir, label string) ([]*file, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading rules folder %s: %w", strings.TrimSuffix(label, "/"), err)
	}
	var files []*file
	var errs Errors
	total := 0
	for _, e := range entries { // ReadDir sorts them by name
		ext := path.Ext(e.Name())
		if e.IsDir() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		data, err := regular.ReadFile(fsys, path.Join(dir, e.Name()), MaxFileBytes)
		if err != nil {
			errs = append(errs, &Error{Origin: Origin{File: label + e.Name()}, Msg: "the file " + err.Error()})
			continue
		}
		if total += len(data); total > MaxFolderBytes {
			errs = append(errs, &Error{Origin: Origin{File: label + e.Name()},
				Msg: fmt.Sprintf("the folder's rules files come to more than the limit of %s together", regular.Size(MaxFolderBytes))})
			break
		}
		f, err := decodeFile(label+e.Name(), data)
		if err != nil {
			errs = append(errs, asErrors(err)...)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

// IDs returns every rule id in the set, in order of kind then file.
func (s *Set) IDs() []string {
	var ids []string
	s.each(func(_ string, r *Rule, _ int) { ids = append(ids, r.ID) })
	return ids
}

// wordKind is one section of word rules and where the set keeps them.
type wordKind struct {
	name string
	list *[]*WordRule
}

// wordKinds returns the sections of word rules, in the order they are
// listed.
func (s *Set) wordKinds() []wordKind {
	return []wordKind{
		{"titles", &s.Titles}, {"honorifics", &s.Honorifics}, {"roles", &s.Roles},
		{"organizations", &s.Organizations}, {"organization_names", &s.OrgNames}, {"places", &s.Places},
		{"facilities", &s.Facilities}, {"events", &s.Events},
	}
}

// wordKindNames are the sections of word rules a file may hold.
var wordKindNames = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range (&Set{}).wordKinds() {
		m[k.name] = true
	}
	return m
}()

// each calls fn for every rule in the set with the name of its kind.
func (s *Set) each(fn func(kind string, r *Rule, n int)) {
	for _, r := range s.Cues {
		fn("cues", &r.Rule, len(r.Words))
	}
	for _, k := range s.wordKinds() {
		for _, r := range *k.list {
			fn(k.name, &r.Rule, len(r.Words))
		}
	}
	for _, r := range s.Patterns {
		fn("patterns", &r.Rule, 1)
	}
}

// Listing is one line of `extract rules list`.
type Listing struct {
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Origin   Origin `json:"origin"`
	Count    int    `json:"count"`         // words or patterns the rule holds
	Examples int    `json:"examples"`      // its match and no_match examples
	Off      string `json:"off,omitempty"` // why the rule is not in force, or ""
}

// List describes every rule: its kind, id, origin, how many words or
// patterns and examples it holds, and, for a rule that is not in force, why.
func (s *Set) List() []Listing {
	var out []Listing
	s.WithoutDisabling().each(func(kind string, r *Rule, n int) {
		ex := len(r.Examples.Match) + len(r.Examples.NoMatch)
		out = append(out, Listing{Kind: kind, ID: r.ID, Origin: r.Origin, Count: n, Examples: ex, Off: s.off[r.ID]})
	})
	return out
}
