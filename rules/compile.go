package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// compile is the second phase: it checks every decoded rule, fills in what is
// derived from it (word forms, parsed patterns) and applies the user's
// disable lists. user may be nil.
func compile(base, user []*file) (*Set, error) {
	s := &Set{Disabled: map[string]Origin{}}
	var errs Errors
	seen := map[string]Origin{}
	for _, f := range append(append([]*file(nil), base...), user...) {
		for id, at := range f.disable {
			s.Disabled[id] = at
		}
		errs = append(errs, s.add(f, seen)...)
	}
	errs = append(errs, s.applyDisabled(seen)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// add validates the rules of one file and appends them to the set.
func (s *Set) add(f *file, seen map[string]Origin) Errors {
	var errs Errors
	check := func(r *Rule) bool {
		bad := checkID(r, seen)
		errs = append(errs, bad...)
		return len(bad) == 0
	}
	for _, r := range f.cues {
		if check(&r.Rule) {
			if e := compileCue(r); e != nil {
				errs = append(errs, e)
				continue
			}
			s.Cues = append(s.Cues, r)
		}
	}
	for _, k := range s.wordKinds() {
		for _, r := range f.words[k.name] {
			if check(&r.Rule) {
				if e := checkWords(r); e != nil {
					errs = append(errs, e)
					continue
				}
				*k.list = append(*k.list, r)
			}
		}
	}
	for _, r := range f.patterns {
		if check(&r.Rule) {
			if e := compilePatternRule(r); e != nil {
				errs = append(errs, e)
				continue
			}
			s.Patterns = append(s.Patterns, r)
		}
	}
	return errs
}

func checkID(r *Rule, seen map[string]Origin) Errors {
	fail := func(msg string) Errors { return Errors{{Origin: r.Origin, Rule: r.ID, Msg: msg}} }
	switch {
	case r.ID == "":
		return fail("the rule has no id; add a line such as `id: my-rule`")
	case strings.ContainsAny(r.ID, " \t"):
		return fail("an id may not contain spaces")
	}
	if prev, ok := seen[r.ID]; ok {
		return fail(fmt.Sprintf("the id is already used by the rule at %s; give each rule its own id", prev))
	}
	seen[r.ID] = r.Origin
	return nil
}

func checkWords(r *WordRule) *Error {
	if len(r.Words) == 0 {
		return &Error{Origin: r.Origin, Rule: r.ID, Msg: "the words list is empty; list at least one word"}
	}
	for _, w := range r.Words {
		if strings.TrimSpace(w) == "" {
			return &Error{Origin: r.Origin, Rule: r.ID, Msg: "the words list holds an empty entry"}
		}
	}
	switch r.Gender {
	case "", "male", "female":
		return nil
	}
	return &Error{Origin: r.Origin, Rule: r.ID, Msg: fmt.Sprintf("gender is %q; use male, female, or leave it out", r.Gender)}
}

func compileCue(r *CueRule) *Error {
	fail := func(msg string) *Error { return &Error{Origin: r.Origin, Rule: r.ID, Msg: msg} }
	if len(r.Words) == 0 {
		return fail("the words list is empty; list at least one word")
	}
	if r.Class == "" {
		r.Class = "speech"
	}
	if strings.ContainsAny(r.Class, " .\t") {
		return fail(fmt.Sprintf("class %q may not contain spaces or dots", r.Class))
	}
	switch r.Inflect {
	case "":
		r.Inflect = InflectVerb
	case InflectVerb, InflectNoun, InflectNone:
	default:
		return fail(fmt.Sprintf("inflect is %q; use verb, noun or none", r.Inflect))
	}
	r.Forms = nil
	for _, entry := range r.Words {
		forms, err := cueForms(entry, r.Inflect)
		if err != nil {
			return fail(err.Error())
		}
		r.Forms = append(r.Forms, forms...)
	}
	return nil
}

func compilePatternRule(r *PatternRule) *Error {
	fail := func(msg string) *Error { return &Error{Origin: r.Origin, Rule: r.ID, Msg: msg} }
	if r.Confidence == 0 {
		r.Confidence = 0.8
	}
	if r.Confidence < 0 || r.Confidence > 1 {
		return fail(fmt.Sprintf("confidence is %v; it must be between 0 and 1", r.Confidence))
	}
	p, err := ParsePattern(r.Pattern)
	if err != nil {
		return fail(err.Error())
	}
	r.Compiled = p
	return nil
}

// applyDisabled removes the rules whose ids a file disabled, and the
// patterns that need a class of cue whose every rule is disabled: such a
// pattern can match nothing. Disabling an id that no rule has is an error,
// so that a typo does not go unnoticed.
func (s *Set) applyDisabled(seen map[string]Origin) Errors {
	var errs Errors
	ids := make([]string, 0, len(s.Disabled))
	for id := range s.Disabled {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		at := s.Disabled[id]
		if _, ok := seen[id]; !ok {
			errs = append(errs, &Error{Origin: at, Msg: fmt.Sprintf("disable names %q, but no rule has that id (see `extract rules list`)", id)})
		}
	}
	if len(ids) == 0 {
		return errs
	}
	s.whole = s.clone()
	s.off = map[string]string{}
	for id, at := range s.Disabled {
		s.off[id] = "switched off at " + at.String()
	}
	keep := func(r *Rule) bool { return s.off[r.ID] == "" }
	s.Cues = filter(s.Cues, func(r *CueRule) bool { return keep(&r.Rule) })
	for _, k := range s.wordKinds() {
		*k.list = filter(*k.list, func(r *WordRule) bool { return keep(&r.Rule) })
	}
	s.markIdlePatterns()
	s.Patterns = filter(s.Patterns, func(r *PatternRule) bool { return keep(&r.Rule) })
	return errs
}

// markIdlePatterns marks off the patterns that need a class of cue that the
// whole set has but the disable lists took away.
func (s *Set) markIdlePatterns() {
	had, has := cueClasses(s.whole.Cues), cueClasses(s.Cues)
	for _, r := range s.Patterns {
		for _, el := range r.Compiled.Elements {
			if el.Kind == Cue && had[el.Class] && !has[el.Class] && s.off[r.ID] == "" {
				s.off[r.ID] = fmt.Sprintf("needs CUE.%s, and every cue of that class is switched off", el.Class)
			}
		}
	}
}

func cueClasses(cues []*CueRule) map[string]bool {
	m := map[string]bool{}
	for _, r := range cues {
		m[r.Class] = true
	}
	return m
}

// clone copies the set's lists, so that filtering one leaves the other.
func (s *Set) clone() *Set {
	c := &Set{Cues: slices.Clone(s.Cues), Patterns: slices.Clone(s.Patterns), Disabled: map[string]Origin{}}
	from := s.wordKinds()
	for i, k := range c.wordKinds() {
		*k.list = slices.Clone(*from[i].list)
	}
	return c
}

func filter[T any](list []T, keep func(T) bool) []T {
	out := list[:0]
	for _, x := range list {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
