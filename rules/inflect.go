package rules

import (
	"fmt"
	"strings"
)

// cueForms expands one entry of a cue rule into every form it takes, each
// split into words and lower-cased.
//
// An entry is a word or phrase. For verbs the first word is the base form,
// optionally followed by its irregular forms after slashes ("say/said",
// "write/wrote/written", "speak/spoke/spoken out"); -s and -ing forms are
// always made, and the -ed form is made only when no irregular forms are
// given. For nouns the last word takes a plural. With inflect "none" the entry
// is used as written.
func cueForms(entry, inflect string) ([][]string, error) {
	words := strings.Fields(strings.ToLower(entry))
	if len(words) == 0 {
		return nil, fmt.Errorf("the words list holds an empty entry")
	}
	for _, w := range words[1:] {
		if strings.Contains(w, "/") {
			return nil, fmt.Errorf("in %q only the first word may list forms after a slash", entry)
		}
	}
	heads := strings.Split(words[0], "/")
	for _, h := range heads {
		if h == "" {
			return nil, fmt.Errorf("in %q a form between slashes is empty", entry)
		}
	}
	var variants []string
	switch inflect {
	case InflectVerb:
		variants = verbForms(heads[0], heads[1:])
	case InflectNoun:
		if len(heads) > 1 {
			return nil, fmt.Errorf("in %q slashes are for verb forms; list nouns' irregular plurals as entries of their own", entry)
		}
		return nounForms(words), nil
	default:
		variants = heads
	}
	out := make([][]string, 0, len(variants))
	for _, v := range variants {
		out = append(out, append([]string{v}, words[1:]...))
	}
	return out, nil
}

// verbForms returns a verb's base, -s, -ing and past forms.
func verbForms(base string, irregular []string) []string {
	forms := []string{base, thirdPerson(base), presentParticiple(base)}
	if len(irregular) == 0 {
		forms = append(forms, pastTense(base))
	}
	return uniq(append(forms, irregular...))
}

// nounForms returns a noun phrase and its plural (the last word inflected).
func nounForms(words []string) [][]string {
	plural := append([]string(nil), words...)
	plural[len(plural)-1] = pluralNoun(plural[len(plural)-1])
	return [][]string{words, plural}
}

func thirdPerson(v string) string {
	switch {
	case consonantY(v):
		return v[:len(v)-1] + "ies"
	case hasAnySuffix(v, "s", "x", "z", "ch", "sh", "o"):
		return v + "es"
	}
	return v + "s"
}

func presentParticiple(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !hasAnySuffix(v, "ee", "ye", "oe"):
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

func pastTense(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case consonantY(v):
		return v[:len(v)-1] + "ied"
	}
	return v + "ed"
}

// Plural returns the regular plural of an English noun ("agency" gives
// "agencies"); for a phrase, of its last word.
func Plural(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return phrase
	}
	words[len(words)-1] = pluralNoun(words[len(words)-1])
	return strings.Join(words, " ")
}

func pluralNoun(n string) string {
	switch {
	case strings.HasSuffix(n, "man"):
		return n[:len(n)-3] + "men"
	case consonantY(n):
		return n[:len(n)-1] + "ies"
	case hasAnySuffix(n, "s", "x", "z", "ch", "sh"):
		return n + "es"
	}
	return n + "s"
}

func consonantY(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func uniq(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
