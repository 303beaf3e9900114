package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is one problem with a rules file, placed at a file and line.
type Error struct {
	Origin Origin
	Rule   string // the rule's id, when the problem is inside a rule
	Msg    string
}

// Error formats the problem as `file:line: rule "id": message`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Origin.File)
	if e.Origin.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Origin.Line)
	}
	b.WriteString(": ")
	if e.Rule != "" {
		fmt.Fprintf(&b, "rule %q: ", e.Rule)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a set of rules files, in file order.
type Errors []*Error

// Error joins the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func asErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return Errors{{Msg: err.Error()}}
}

// file is one decoded rules file, before compiling.
type file struct {
	name     string
	cues     []*CueRule
	words    map[string][]*WordRule // by section: titles, roles, places ...
	patterns []*PatternRule
	disable  map[string]Origin
}

// Keys allowed at the top of a rules file and inside each kind of rule.
var (
	sectionKeys = []string{"cues", "titles", "honorifics", "roles", "organizations", "organization_names", "places",
		"facilities", "events", "patterns", "disable"}
	commonKeys  = []string{"id", "description", "examples"}
	cueKeys     = append([]string{"class", "inflect", "words"}, commonKeys...)
	wordKeys    = append([]string{"gender", "words"}, commonKeys...)
	patternKeys = append([]string{"pattern", "confidence"}, commonKeys...)
	exampleKeys = []string{"match", "no_match"}
)

// decodeFile is the first phase: it reads one file strictly. Every key must
// be known and every value of the right shape; nothing is validated beyond
// that.
func decodeFile(name string, data []byte) (*file, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := yamlErrorLine(err)
		msg := strings.TrimPrefix(cleanYAMLError(err), fmt.Sprintf("line %d: ", line))
		return nil, &Error{Origin: Origin{File: name, Line: line}, Msg: "not valid YAML: " + msg}
	}
	f := &file{name: name, words: map[string][]*WordRule{}, disable: map[string]Origin{}}
	if len(root.Content) == 0 {
		return f, nil // an empty file holds no rules
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, &Error{Origin: Origin{File: name, Line: doc.Line}, Msg: "a rules file must be a mapping with keys such as cues:, titles: or patterns:"}
	}
	var errs Errors
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i], doc.Content[i+1]
		errs = append(errs, f.decodeSection(key, val)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return f, nil
}

func (f *file) decodeSection(key, val *yaml.Node) Errors {
	at := func(n *yaml.Node) Origin { return Origin{File: f.name, Line: n.Line} }
	switch key.Value {
	case "disable":
		var ids []string
		if err := val.Decode(&ids); err != nil {
			return Errors{{Origin: at(val), Msg: "disable: must be a list of rule ids"}}
		}
		for i, id := range ids {
			f.disable[id] = at(val.Content[i])
		}
		return nil
	case "cues":
		return decodeList(f.name, key, val, cueKeys, &f.cues)
	case "patterns":
		return decodeList(f.name, key, val, patternKeys, &f.patterns)
	}
	if wordKindNames[key.Value] {
		list := f.words[key.Value]
		errs := decodeList(f.name, key, val, wordKeys, &list)
		f.words[key.Value] = list
		return errs
	}
	return Errors{{Origin: at(key), Msg: fmt.Sprintf("unknown section %q; a rules file may hold %s", key.Value, strings.Join(sectionKeys, ", "))}}
}

// ruleOf lets decodeList set the origin of any kind of rule.
type ruleOf interface{ base() *Rule }

func (r *Rule) base() *Rule { return r }

// decodeList decodes a sequence of rules of one kind, checking every key.
func decodeList[T any, P interface {
	*T
	ruleOf
}](name string, key, val *yaml.Node, allowed []string, out *[]P) Errors {
	if val.Kind != yaml.SequenceNode {
		return Errors{{Origin: Origin{File: name, Line: val.Line}, Msg: fmt.Sprintf("%s: must be a list of rules, each starting with \"- id: ...\"", key.Value)}}
	}
	var errs Errors
	for _, item := range val.Content {
		at := Origin{File: name, Line: item.Line}
		if item.Kind != yaml.MappingNode {
			errs = append(errs, &Error{Origin: at, Msg: fmt.Sprintf("each entry under %s: must be a rule with keys %s", key.Value, strings.Join(allowed, ", "))})
			continue
		}
		id := mappingValue(item, "id")
		if bad := checkKeys(name, id, item, allowed); len(bad) > 0 {
			errs = append(errs, bad...)
			continue
		}
		rule := P(new(T))
		if err := item.Decode(rule); err != nil {
			errs = append(errs, &Error{Origin: at, Rule: id, Msg: cleanYAMLError(err)})
			continue
		}
		rule.base().Origin = at
		*out = append(*out, rule)
	}
	return errs
}

// checkKeys reports keys of a rule (and of its examples) that are not allowed.
func checkKeys(name, id string, m *yaml.Node, allowed []string) Errors {
	var errs Errors
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !contains(allowed, k.Value) {
			errs = append(errs, &Error{Origin: Origin{File: name, Line: k.Line}, Rule: id,
				Msg: fmt.Sprintf("unknown key %q; a rule here may have %s", k.Value, strings.Join(sorted(allowed), ", "))})
			continue
		}
		if k.Value == "examples" && v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				if ek := v.Content[j]; !contains(exampleKeys, ek.Value) {
					errs = append(errs, &Error{Origin: Origin{File: name, Line: ek.Line}, Rule: id,
						Msg: fmt.Sprintf("unknown key %q under examples; use match and no_match", ek.Value)})
				}
			}
		}
	}
	return errs
}

func mappingValue(m *yaml.Node, key string) string {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1].Value
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}

// cleanYAMLError drops the library's "yaml: " prefixes and Go type names.
func cleanYAMLError(err error) string {
	msg := err.Error()
	msg = strings.ReplaceAll(msg, "yaml: unmarshal errors:\n  ", "")
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.ReplaceAll(msg, "!!str", "text")
	msg = strings.ReplaceAll(msg, "!!seq", "a list")
	msg = strings.ReplaceAll(msg, "!!map", "a mapping")
	msg = strings.ReplaceAll(msg, "!!int", "a number")
	msg = strings.ReplaceAll(msg, "into []string", "into a list of words")
	msg = strings.ReplaceAll(msg, "into float64", "into a number")
	msg = strings.ReplaceAll(msg, "into string", "into text")
	return strings.ReplaceAll(msg, "\n  ", "; ")
}

// yamlErrorLine finds the line number in a YAML syntax error, or 0.
func yamlErrorLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &line)
	}
	return line
}
