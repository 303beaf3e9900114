package cli

import (
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
			code, _, errs = runCLI(t, article, map[string]string{"EXTRACT_CONFIG": path}, "-")
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

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}
