package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuiltinRulesAndFixtures runs the project's own rules and fixtures
// through the commands its users run.
func TestBuiltinRulesAndFixtures(t *testing.T) {
	if code, out, errs := runCLI(t, "", nil, "rules", "check"); code != ExitOK || !strings.Contains(out, "valid") {
		t.Errorf("rules check: exit %d, %s%s", code, out, errs)
	}
	code, out, errs := runCLI(t, "", nil, "rules", "test", "../../fixtures")
	if code != ExitOK || !strings.Contains(out, ", 0 failed") {
		t.Errorf("rules test ../../fixtures: exit %d\n%s%s", code, out, errs)
	}
}

func TestRulesCheckBrokenFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "house.yaml"), []byte("cues:\n  - id: house-verbs\n    class: speech\n    word: [opine]\n"))
	code, _, errs := runCLI(t, "", nil, "rules", "check", dir)
	if code != ExitUsage || !strings.Contains(errs, "house.yaml:4") || !strings.Contains(errs, "word") {
		t.Errorf("exit %d, stderr %q: want 2 and the file, line and key", code, errs)
	}
	// The main command refuses the folder the same way.
	if code, _, errs := runCLI(t, "", nil, "--rules", dir, "-"); code != ExitUsage || !strings.Contains(errs, "house.yaml:4") {
		t.Errorf("extract --rules: exit %d, stderr %q", code, errs)
	}
}

func TestRulesCheckFailingExample(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "house.yaml"), []byte(`cues:
  - id: house-verbs
    class: speech
    words: [opine]
    examples:
      match:
        - "The mayor opined that the bridge was safe."
      no_match:
        - "The mayor opined on Monday that the bridge was safe."
`))
	code, _, errs := runCLI(t, "", nil, "rules", "check", dir)
	if code != ExitUsage || !strings.Contains(errs, "house.yaml:2") || !strings.Contains(errs, "house-verbs") || !strings.Contains(errs, "should not match") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestRulesTestAndUpdate runs a user's fixture that holds, breaks its
// expectation, adds a quote nothing expects, and updates it.
func TestRulesTestAndUpdate(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "says")
	input := filepath.Join(dir, "input.txt")
	writeFile(t, input, []byte("Vote delayed\n\n// want only quotes\n// want quote speaker=\"Ana Ruiz\" cue=\"says\"\n“We need more time,” says Councillor Ana Ruiz.\n"))
	if code, out, _ := runCLI(t, "", nil, "rules", "test", root); code != ExitOK || !strings.Contains(out, "ok   "+dir) {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	writeFile(t, input, []byte("Vote delayed\n\n// want only quotes\n// want quote speaker=\"Ana Rui\" cue=\"says\"\n“We need more time,” says Councillor Ana Ruiz.\n\nThe vote is in June, officials said.\n"))
	code, out, _ := runCLI(t, "", nil, "rules", "test", root)
	if code != ExitFailed || !strings.Contains(out, "FAIL "+dir) || !strings.Contains(out, `has speaker "Ana Ruiz"`) || !strings.Contains(out, `unexpected quote "The vote is in June"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", nil, "rules", "test", "--update", root); code != ExitOK {
		t.Errorf("--update: exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", nil, "rules", "test", root); code != ExitOK {
		t.Errorf("after --update: exit %d:\n%s", code, out)
	}
}

func TestRulesList(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "house.yaml"), []byte("cues:\n  - id: house-verbs\n    class: speech\n    words: [opine]\ndisable: [according-to]\n"))
	code, out, errs := runCLI(t, "", nil, "rules", "list", "--rules", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"speech-verbs", "builtin:cues.yaml:", "house-verbs", filepath.Join(dir, "house.yaml") + ":2"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	// according-to is listed off, where it was written, and so are the
	// patterns that can match nothing without it.
	off := regexp.MustCompile(`(?m)^cues +according-to +builtin:cues\.yaml:\d+ +off: switched off at ` + regexp.QuoteMeta(filepath.Join(dir, "house.yaml")) + `:5$`)
	if !off.MatchString(out) {
		t.Errorf("list does not show according-to off:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^patterns +\S+ +builtin:patterns\.yaml:\d+ +off: needs CUE\.according`).MatchString(out) {
		t.Errorf("list does not show the patterns of CUE.according off:\n%s", out)
	}
}

// TestRulesCheckWithBuiltinSwitchedOff follows the guide's example of
// switching a built-in rule off: rules check passes, noting the built-in
// examples that needed the rule, while a user's own example that needed it
// is a failure the user can fix.
func TestRulesCheckWithBuiltinSwitchedOff(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "off.yaml"), []byte("disable:\n  - according-to\n"))
	code, out, errs := runCLI(t, "", nil, "rules", "check", dir)
	if code != ExitOK || errs != "" || !strings.Contains(out, "skipped builtin:") || !strings.Contains(out, "; it passes only with the rules you switched off\n") ||
		!regexp.MustCompile(`rules are valid and pass their \d+ examples; \d+ built-in examples? skipped\n$`).MatchString(out) {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	writeFile(t, filepath.Join(dir, "roles.yaml"), []byte(`roles:
  - id: house-roles
    words: [reeve]
    examples:
      match:
        - "“The road is open,” according to the reeve."
`))
	code, _, errs = runCLI(t, "", nil, "rules", "check", dir)
	if code != ExitUsage || !strings.Contains(errs, filepath.Join(dir, "roles.yaml")+`:2: rule "house-roles"`) || !strings.Contains(errs, "it passes only with the rules you switched off") {
		t.Errorf("a user's example that needs according-to: exit %d, stderr %q", code, errs)
	}
}

func TestRulesUsage(t *testing.T) {
	if code, out, _ := runCLI(t, "", nil, "rules"); code != ExitUsage || !strings.Contains(out, "rules check") {
		t.Errorf("extract rules: exit %d, %q", code, out)
	}
	if code, _, errs := runCLI(t, "", nil, "rules", "lint"); code != ExitUsage || !strings.Contains(errs, "lint") {
		t.Errorf("extract rules lint: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", nil, "rules", "test", filepath.Join(t.TempDir(), "none")); code != ExitUsage || !strings.Contains(errs, "none") {
		t.Errorf("missing fixtures: exit %d, %q", code, errs)
	}
	// A folder named rules is an input when written as a path.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "rules", "a.txt"), []byte(article))
	t.Chdir(dir)
	if code, out, errs := runCLI(t, "", nil, "./rules"); code != ExitOK || len(records(t, out)) != 1 {
		t.Errorf("./rules: exit %d, %s", code, errs)
	}
}
