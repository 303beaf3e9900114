package rules

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultRulesLoad(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Cues) == 0 || len(s.Titles) == 0 || len(s.Patterns) == 0 || len(s.Honorifics) == 0 ||
		len(s.Roles) == 0 || len(s.Organizations) == 0 || len(s.OrgNames) == 0 || len(s.Places) == 0 {
		t.Fatalf("some kind of built-in rule is missing: %+v", s.List())
	}
	for _, r := range s.Patterns {
		if r.Compiled == nil {
			t.Errorf("pattern %s was not compiled", r.ID)
		}
	}
}

func TestCueForms(t *testing.T) {
	tests := []struct {
		entry, inflect string
		want           []string
	}{
		{"say/said", InflectVerb, []string{"say", "says", "saying", "said"}},
		{"add", InflectVerb, []string{"add", "adds", "adding", "added"}},
		{"state", InflectVerb, []string{"state", "states", "stating", "stated"}},
		{"deny", InflectVerb, []string{"deny", "denies", "denying", "denied"}},
		{"stress", InflectVerb, []string{"stress", "stresses", "stressing", "stressed"}},
		{"point out", InflectVerb, []string{"point out", "points out", "pointing out", "pointed out"}},
		{"remark", InflectNoun, []string{"remark", "remarks"}},
		{"according to", InflectNone, []string{"according to"}},
	}
	for _, tt := range tests {
		forms, err := cueForms(tt.entry, tt.inflect)
		if err != nil {
			t.Fatalf("%s: %v", tt.entry, err)
		}
		var got []string
		for _, f := range forms {
			got = append(got, strings.Join(f, " "))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("cueForms(%q) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "cues:\n  - id: mine\n    words: [opine]\n    colour: red\n",
			`mine/house.yaml:4: rule "mine": unknown key "colour"`},
		{"unknown section", "verbs:\n  - id: mine\n", `mine/house.yaml:1: unknown section "verbs"`},
		{"empty words", "titles:\n  - id: mine\n    words: []\n", `mine/house.yaml:2: rule "mine": the words list is empty`},
		{"duplicate id", "titles:\n  - id: government-titles\n    words: [Reeve]\n", `mine/house.yaml:2: rule "government-titles": the id is already used by the rule at builtin:people.yaml`},
		{"bad pattern", "patterns:\n  - id: mine\n    pattern: QUOTE SPEAKER SPEAKER\n", `mine/house.yaml:2: rule "mine": pattern "QUOTE SPEAKER SPEAKER": SPEAKER must appear exactly once`},
		{"clause without cue", "patterns:\n  - id: mine\n    pattern: SPEAKER CLAUSE\n", `a CLAUSE or OBJECT pattern needs a CUE`},
		{"quote and clause", "patterns:\n  - id: mine\n    pattern: SPEAKER CUE QUOTE CLAUSE\n", `write QUOTE, CLAUSE or OBJECT, exactly once`},
		{"unknown element", "patterns:\n  - id: mine\n    pattern: QUOTE SPEAKER SAYER\n", `"SAYER" is not an element`},
		{"too many gaps", "patterns:\n  - id: mine\n    pattern: SPEAKER CUE ... , ... , ... , ... QUOTE\n",
			`mine/house.yaml:2: rule "mine": pattern "SPEAKER CUE ... , ... , ... , ... QUOTE": 4 gaps (...); at most 3 are allowed`},
		{"too many elements", "patterns:\n  - id: mine\n    pattern: SPEAKER CUE a b c d e f g h i j k QUOTE\n",
			`mine/house.yaml:2: rule "mine": pattern "SPEAKER CUE a b c d e f g h i j k QUOTE": 14 elements; at most 12 are allowed`},
		{"bad yaml", "cues:\n  - id: [\n", `mine/house.yaml:2: not valid YAML: did not find`},
		{"disable unknown", "disable: [no-such-rule]\n", `mine/house.yaml:1: disable names "no-such-rule"`},
		{"missing id", "roles:\n  - words: [reeve]\n", `mine/house.yaml:2: the rule has no id`},
		{"bad example key", "roles:\n  - id: mine\n    words: [reeve]\n    examples:\n      should_match: [x]\n", `mine/house.yaml:5: rule "mine": unknown key "should_match" under examples`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"house.yaml": {Data: []byte(tt.yaml)}}
			_, err := LoadDir("mine", fsys)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
		})
	}
}

func TestUserRulesExtendAndDisable(t *testing.T) {
	fsys := fstest.MapFS{"house.yaml": {Data: []byte(`
cues:
  - id: house-verbs
    words: [opine]
disable: [possessive-speech-noun]
`)}}
	s, err := LoadDir("mine", fsys)
	if err != nil {
		t.Fatal(err)
	}
	ids := s.IDs()
	if !slices.Contains(ids, "house-verbs") || !slices.Contains(ids, "speech-verbs") {
		t.Errorf("user rules should extend the built-in ones: %v", ids)
	}
	if slices.Contains(ids, "possessive-speech-noun") {
		t.Errorf("disabled rule still in force: %v", ids)
	}
	for _, l := range s.List() {
		if l.ID == "house-verbs" && l.Origin.String() != "mine/house.yaml:3" {
			t.Errorf("origin = %s, want mine/house.yaml:3", l.Origin)
		}
	}
}

func TestParsePattern(t *testing.T) {
	p, err := ParsePattern("QUOTE ,|—? CUE.according SPEAKER")
	if err != nil {
		t.Fatal(err)
	}
	want := []Element{
		{Kind: Quote},
		{Kind: Literal, Words: []string{",", "—"}, Optional: true},
		{Kind: Cue, Class: "according"},
		{Kind: Speaker},
	}
	if len(p.Elements) != len(want) || p.Anchor != 0 || p.Clause {
		t.Fatalf("got %+v", p)
	}
	for i := range want {
		g, w := p.Elements[i], want[i]
		if g.Kind != w.Kind || g.Class != w.Class || g.Optional != w.Optional || !slices.Equal(g.Words, w.Words) {
			t.Errorf("element %d = %+v, want %+v", i, g, w)
		}
	}
}

// TestParseObject checks that OBJECT is a clause element that makes a
// clause pattern anchored at its cue, and that it counts as the pattern's
// one CLAUSE.
func TestParseObject(t *testing.T) {
	p, err := ParsePattern("SPEAKER CUE.attitude OBJECT")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Clause || !p.Object || p.Anchor != 1 || p.Elements[2].Kind != Clause || !p.Elements[2].Object {
		t.Errorf("got %+v", p)
	}
	if p, err := ParsePattern("SPEAKER CUE CLAUSE"); err != nil || p.Object {
		t.Errorf("CLAUSE parsed as %+v, %v; want no OBJECT", p, err)
	}
	for src, want := range map[string]string{
		"SPEAKER CUE CLAUSE OBJECT": "write QUOTE, CLAUSE or OBJECT, exactly once",
		"SPEAKER VERB OBJECT":       "a CLAUSE or OBJECT pattern needs a CUE",
	} {
		if _, err := ParsePattern(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}

// TestLoadDirRefusesHugeAndSpecialFiles checks the limits on a rules
// folder: a file over MaxFileBytes, files over MaxFolderBytes together, and
// what is not a regular file are errors naming the file.
func TestLoadDirRefusesHugeAndSpecialFiles(t *testing.T) {
	comment := func(n int) []byte { return append([]byte("#"), strings.Repeat("x", n-2)+"\n"...) }
	many := fstest.MapFS{}
	for i := range MaxFolderBytes/MaxFileBytes + 1 {
		many[fmt.Sprintf("part%02d.yaml", i)] = &fstest.MapFile{Data: comment(MaxFileBytes)}
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"large file", fstest.MapFS{"big.yaml": {Data: comment(MaxFileBytes + 1)}}, "mine/big.yaml: the file is 1000001 bytes, more than the limit of 1000000 bytes"},
		{"named pipe", fstest.MapFS{"pipe.yaml": {Mode: fs.ModeNamedPipe}}, "mine/pipe.yaml: the file is a named pipe, not a regular file"},
		{"device", fstest.MapFS{"zero.yml": {Mode: fs.ModeDevice | fs.ModeCharDevice}}, "mine/zero.yml: the file is a device"},
		{"folder too large", many, "mine/part10.yaml: the folder's rules files come to more than the limit of 10 MB together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadDir("mine", tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestDisabledRulesAreOff switches a class's only cue rule off: the rule
// and the patterns that need its class are out of the set and listed off,
// and WithoutDisabling has them all again.
func TestDisabledRulesAreOff(t *testing.T) {
	s, err := LoadDir("mine", fstest.MapFS{"off.yaml": {Data: []byte("disable: [according-to]\n")}})
	if err != nil {
		t.Fatal(err)
	}
	off := map[string]string{}
	for _, l := range s.List() {
		if l.Off != "" {
			off[l.ID] = l.Off
		}
	}
	if off["according-to"] != "switched off at mine/off.yaml:1" {
		t.Errorf("according-to is listed %q", off["according-to"])
	}
	whole := s.WithoutDisabling()
	for _, p := range whole.Patterns {
		needs := strings.Contains(p.Pattern, "CUE.according")
		if needs != strings.Contains(off[p.ID], "needs CUE.according") || needs == slices.Contains(s.IDs(), p.ID) {
			t.Errorf("pattern %s (%s): listed off %q, in force %v", p.ID, p.Pattern, off[p.ID], slices.Contains(s.IDs(), p.ID))
		}
	}
	if len(whole.IDs()) != len(s.IDs())+len(off) || !slices.Contains(whole.IDs(), "according-to") {
		t.Errorf("WithoutDisabling has %d rules, the set %d and %d off", len(whole.IDs()), len(s.IDs()), len(off))
	}
}
