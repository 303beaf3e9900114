package rules

import (
	"fmt"
	"strings"
)

// ElementKind says what one element of a pattern matches.
type ElementKind int

// The kinds of pattern element.
const (
	Quote         ElementKind = iota // QUOTE: the quotation itself
	Clause                           // CLAUSE: reported words without quotation marks
	Speaker                          // SPEAKER: a name, pronoun or noun phrase
	Cue                              // CUE or CUE.class: a cue word of that class
	Verb                             // VERB: any verb, taken as the cue
	Gap                              // ...: a few words of anything, within the sentence
	Literal                          // a word or punctuation mark; a|b for either
	SentenceStart                    // ^: the start of the sentence
	SentenceEnd                      // $: the end of the sentence
)

// Element is one parsed element of a pattern.
type Element struct {
	Kind     ElementKind
	Class    string   // for Cue: the cue class, "speech" when not given
	Words    []string // for Literal: the alternatives, lower-cased
	Optional bool     // written with a trailing ?
	Object   bool     // for Clause: written OBJECT, what the cue takes whatever its shape
}

// Pattern is a parsed attribution pattern. A quote pattern (one with QUOTE)
// is anchored at each quotation, a clause pattern (one with CLAUSE) at each
// cue word: the elements before the anchor are matched leftwards from it,
// the ones after it rightwards.
//
// The language, one element per space-separated word:
//
//	QUOTE          the quotation
//	CLAUSE         reported words without quotation marks, up to the end of
//	               the clause ("that the plan was dead"); after ..., a clause
//	               must start with "that", "how", "whether" and the like
//	OBJECT         what the cue takes, whatever its shape, up to the end of
//	               the clause: "(criticized) the new toll", "(vowed) to
//	               rebuild the bridge"; it follows its CUE, of a verb used
//	               actively, whose SPEAKER is a name, a pronoun or a role
//	               the rules list
//	SPEAKER        who spoke (exactly once): a name with its title and
//	               appositive, a pronoun, or a noun phrase such as "the spokesman"
//	CUE            a cue word of class speech; CUE.name for class name
//	VERB           any verb, taken as the cue (for what speakers do with
//	               quoted words: "accused Clinton of being “duped”")
//	...            a few words of anything within the sentence
//	^  $           the start and the end of the sentence
//	word, : , —    that word or mark; a|b for either; a trailing ? makes it optional
//
// A pattern has exactly one QUOTE, CLAUSE or OBJECT; a clause pattern (one
// with CLAUSE or OBJECT) needs a CUE. It has at most MaxElements elements, of which at most MaxGaps are
// ..., which bounds what matching it can cost.
type Pattern struct {
	Source   string
	Elements []Element
	// Anchor is the index of the element the pattern is anchored at: QUOTE,
	// or CUE in a clause pattern.
	Anchor int
	// Clause says the pattern finds reported speech without quotation marks.
	Clause bool
	// Object says its CLAUSE is an OBJECT.
	Object bool
	// Gaps is how many ... the pattern has.
	Gaps int
}

// The most elements, and the most ..., a pattern may have.
const (
	MaxElements = 12
	MaxGaps     = 3
)

// ParsePattern parses the pattern language described at Pattern.
func ParsePattern(src string) (*Pattern, error) {
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return nil, fmt.Errorf("the pattern is empty; write one such as `QUOTE ,? SPEAKER CUE`")
	}
	if len(fields) > MaxElements {
		return nil, fmt.Errorf("pattern %q: %d elements; at most %d are allowed (write several patterns instead)", src, len(fields), MaxElements)
	}
	p := &Pattern{Source: src, Anchor: -1}
	counts := map[ElementKind]int{}
	for i, f := range fields {
		el, err := parsePlacedElement(f, p.Elements, i == len(fields)-1)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %v", src, err)
		}
		counts[el.Kind]++
		p.Elements = append(p.Elements, el)
	}
	if err := checkCounts(counts); err != nil {
		return nil, fmt.Errorf("pattern %q: %v", src, err)
	}
	p.Clause, p.Gaps = counts[Clause] == 1, counts[Gap]
	p.setAnchor()
	return p, nil
}

// parsePlacedElement parses field f, which follows the elements before it
// and is the pattern's last when last is true, and checks that it may stand
// there: ^ only first, $ only last, never two ... in a row.
func parsePlacedElement(f string, before []Element, last bool) (Element, error) {
	el, err := parseElement(f)
	if err != nil {
		return el, err
	}
	i := len(before)
	if el.Kind == SentenceStart && i != 0 || el.Kind == SentenceEnd && !last {
		return el, fmt.Errorf("^ may only come first and $ only last")
	}
	if el.Kind == Gap && i > 0 && before[i-1].Kind == Gap {
		return el, fmt.Errorf("two ... in a row; one is enough")
	}
	return el, nil
}

// checkCounts checks how many elements of each kind a pattern has: one
// QUOTE, CLAUSE or OBJECT; a CUE with a CLAUSE; one SPEAKER; at most one
// CUE or VERB; at most MaxGaps gaps.
func checkCounts(counts map[ElementKind]int) error {
	switch {
	case counts[Quote]+counts[Clause] != 1:
		return fmt.Errorf("write QUOTE, CLAUSE or OBJECT, exactly once")
	case counts[Clause] == 1 && counts[Cue] != 1:
		return fmt.Errorf("a CLAUSE or OBJECT pattern needs a CUE, which it is anchored at")
	case counts[Speaker] != 1:
		return fmt.Errorf("SPEAKER must appear exactly once")
	case counts[Cue]+counts[Verb] > 1:
		return fmt.Errorf("CUE or VERB may appear at most once")
	}
	if counts[Gap] > MaxGaps {
		return fmt.Errorf("%d gaps (...); at most %d are allowed (write several patterns instead)", counts[Gap], MaxGaps)
	}
	return nil
}

// setAnchor sets Anchor to the index of the element the pattern is
// anchored at (QUOTE, or CUE in a clause pattern) and Object when any
// element is an OBJECT.
func (p *Pattern) setAnchor() {
	anchor := Quote
	if p.Clause {
		anchor = Cue
	}
	for i, el := range p.Elements {
		if el.Kind == anchor {
			p.Anchor = i
		}
		p.Object = p.Object || el.Object
	}
}

// parseElement parses one field of a pattern.
func parseElement(f string) (Element, error) {
	optional := len(f) > 1 && strings.HasSuffix(f, "?")
	if optional {
		f = strings.TrimSuffix(f, "?")
	}
	el, err := elementOf(f)
	el.Optional = optional
	if err != nil {
		return el, err
	}
	if optional && el.Kind != Literal {
		return el, fmt.Errorf("only literal words can be optional (%s?)", f)
	}
	return el, nil
}

// elementOf returns the element that field f, without its trailing ?,
// stands for: a named element (QUOTE, CUE.class, ..., ^) or a literal.
func elementOf(f string) (Element, error) {
	switch f {
	case "QUOTE":
		return Element{Kind: Quote}, nil
	case "CLAUSE":
		return Element{Kind: Clause}, nil
	case "OBJECT":
		return Element{Kind: Clause, Object: true}, nil
	case "SPEAKER":
		return Element{Kind: Speaker}, nil
	case "CUE":
		return Element{Kind: Cue, Class: "speech"}, nil
	case "VERB":
		return Element{Kind: Verb}, nil
	case "...":
		return Element{Kind: Gap}, nil
	case "^":
		return Element{Kind: SentenceStart}, nil
	case "$":
		return Element{Kind: SentenceEnd}, nil
	}
	if class, ok := strings.CutPrefix(f, "CUE."); ok {
		if class == "" {
			return Element{Kind: Cue}, fmt.Errorf("CUE. needs a class name after the dot, as in CUE.characterize")
		}
		return Element{Kind: Cue, Class: class}, nil
	}
	return literalElement(f)
}

// literalElement returns the literal f: a word or mark in lower case, or
// several separated by |, each folded by NormalizeWord.
func literalElement(f string) (Element, error) {
	el := Element{Kind: Literal}
	if isUpperWord(f) {
		return el, fmt.Errorf("%q is not an element; use QUOTE, CLAUSE, OBJECT, SPEAKER, CUE, CUE.class, VERB, ..., ^, $ or a literal word in lower case", f)
	}
	for _, w := range strings.Split(f, "|") {
		if w == "" {
			return el, fmt.Errorf("%q has an empty alternative", f)
		}
		el.Words = append(el.Words, NormalizeWord(w))
	}
	return el, nil
}

// isUpperWord reports whether s has two capital letters or more and no
// lower-case one, as element names have (QUOTE, CUE.name).
func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 1
}

// NormalizeWord folds a word for comparison: lower case, curly apostrophes
// and quotation marks made straight, dashes made one.
func NormalizeWord(w string) string {
	return wordFolder.Replace(strings.ToLower(w))
}

var wordFolder = strings.NewReplacer("''", `"`, "``", `"`, "\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u201e", `"`,
	"\u00ab", `"`, "\u00bb", `"`, "\u2013", "—", "\u2015", "—", "--", "—")
