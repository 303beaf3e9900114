package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreadableDefaultConfig puts at the default location a config file
// that cannot be read: a run goes on with a warning naming it. The same
// file named by --config or $EXTRACT_CONFIG stops the run. (Tests may run
// as root, whom a mode of 000 does not stop; a folder and a link to itself
// cannot be read by anyone.)
func TestUnreadableDefaultConfig(t *testing.T) {
	unreadable := map[string]func(t *testing.T, path string){
		"folder": func(t *testing.T, path string) { mkdir(t, path) },
		"link loop": func(t *testing.T, path string) {
			mkdir(t, filepath.Dir(path))
			if err := os.Symlink(path, path); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		},
		"no permission": func(t *testing.T, path string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads a file of mode 000")
			}
			writeFile(t, path, []byte("output:\n  pretty: true\n"))
			if err := os.Chmod(path, 0); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, make := range unreadable {
		t.Run(name, func(t *testing.T) {
			home := t.TempDir()
			path := filepath.Join(home, ".config", "extract", "config.yaml")
			make(t, path)
			code, out, errs := runCLI(t, article, map[string]string{"HOME": home}, "-")
			if code != ExitOK || len(records(t, out)) != 1 || !strings.Contains(errs, "warning: config file "+path+" ") {
				t.Errorf("default location: exit %d, stderr %q: want 0, a record and a warning naming %s", code, errs, path)
			}
			code, _, errs = runCLI(t, article, map[string]string{"HOME": home}, "--config", path, "-")
			if code != ExitUsage || !strings.Contains(errs, "config file "+path+" ") || strings.Contains(errs, "warning") {
				t.Errorf("--config: exit %d, stderr %q: want 2 and an error naming %s", code, errs, path)
			}
			code, _, errs = runCLI(t, article, map[string]string{"EXTRACT_CONFIG": path}, "rules", "list")
			if code != ExitUsage || !strings.Contains(errs, "config file "+path+" ") {
				t.Errorf("$EXTRACT_CONFIG: exit %d, stderr %q: want 2 and an error naming %s", code, errs, path)
			}
		})
	}
}

// TestConfigFileLimit refuses a config file too large to be settings.
func TestConfigFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	writeFile(t, path, []byte("#"+strings.Repeat("x", maxConfigBytes)+"\n"))
	code, _, errs := runCLI(t, article, nil, "--config", path, "-")
	if code != ExitUsage || !strings.Contains(errs, "config file "+path+" is 1000002 bytes, more than the limit of 1000000 bytes") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestRulesCommandsTakeConfiguration gives a rules folder through each
// layer of configuration: the rules commands use it as extract does.
func TestRulesCommandsTakeConfiguration(t *testing.T) {
	root := t.TempDir()
	mine := filepath.Join(root, "mine")
	writeFile(t, filepath.Join(mine, "verbs.yaml"), []byte("cues:\n  - id: house-verbs\n    words: [thunder]\n"))
	other := filepath.Join(root, "other")
	writeFile(t, filepath.Join(other, "verbs.yaml"), []byte("cues:\n  - id: other-verbs\n    words: [bellow]\n"))
	fixture := filepath.Join(root, "fixtures", "thundered")
	writeFile(t, filepath.Join(fixture, "input.txt"), []byte("Budget row\n\n// want only quotes\n// want quote speaker=\"Ana Ruiz\" cue=\"thundered\"\n“The budget is a fantasy,” thundered Ana Ruiz.\n"))
	cfg := filepath.Join(root, "config.yaml")
	writeFile(t, cfg, []byte("rules: "+mine+"\n"))
	home := filepath.Join(root, "home")
	writeFile(t, filepath.Join(home, ".config", "extract", "config.yaml"), []byte("rules: "+mine+"\n"))
	ways := []struct {
		name string
		env  map[string]string
		args []string
		want string // the rule in force
	}{
		{"$EXTRACT_RULES", map[string]string{"EXTRACT_RULES": mine}, nil, "house-verbs"},
		{"--config", nil, []string{"--config", cfg}, "house-verbs"},
		{"$EXTRACT_CONFIG", map[string]string{"EXTRACT_CONFIG": cfg}, nil, "house-verbs"},
		{"default config file", map[string]string{"HOME": home}, nil, "house-verbs"},
		{"--rules over $EXTRACT_RULES", map[string]string{"EXTRACT_RULES": other}, []string{"--rules", mine}, "house-verbs"},
		{"$EXTRACT_RULES over the config file", map[string]string{"EXTRACT_RULES": other, "HOME": home}, nil, "other-verbs"},
	}
	_, builtin, _ := runCLI(t, "", nil, "rules", "check")
	var n int
	if _, err := fmt.Sscanf(builtin, "%d rules", &n); err != nil {
		t.Fatalf("rules check printed %q", builtin)
	}
	counted := fmt.Sprintf("%d rules", n+1)
	for _, w := range ways {
		t.Run(w.name, func(t *testing.T) {
			if code, out, errs := runCLI(t, "", w.env, append([]string{"rules", "list"}, w.args...)...); code != ExitOK || !strings.Contains(out, w.want) {
				t.Errorf("rules list: exit %d, %s, want %s listed\n%s", code, errs, w.want, out)
			}
			if code, out, errs := runCLI(t, "", w.env, append([]string{"rules", "check"}, w.args...)...); code != ExitOK || !strings.HasPrefix(out, counted) {
				t.Errorf("rules check: exit %d, %s%s, want the folder's rule counted", code, out, errs)
			}
			wantCode := ExitOK
			if w.want != "house-verbs" {
				wantCode = ExitFailed
			}
			if code, out, errs := runCLI(t, "", w.env, append([]string{"rules", "test", filepath.Dir(fixture)}, w.args...)...); code != wantCode {
				t.Errorf("rules test: exit %d, want %d\n%s%s", code, wantCode, out, errs)
			}
		})
	}
	if code, out, _ := runCLI(t, "", nil, "rules", "test", "--help"); code != ExitOK || !strings.Contains(out, "$EXTRACT_RULES") || !strings.Contains(out, "--config FILE") {
		t.Errorf("rules test --help: exit %d\n%s", code, out)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}
