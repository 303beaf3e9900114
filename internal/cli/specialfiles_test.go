//go:build linux || darwin

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSpecialSettingsFiles gives a named pipe and a link to /dev/zero as
// rules files and as the config file. Read, the pipe would block the run
// and the device fill the memory; each is refused, naming the file.
func TestSpecialSettingsFiles(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "pipe", "rules.yaml")
	mkdir(t, filepath.Dir(fifo))
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	zero := filepath.Join(root, "zero", "rules.yml")
	mkdir(t, filepath.Dir(zero))
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{fifo: "is a named pipe, not a regular file", zero: "is a device, not a regular file"} {
		if code, _, errs := runCLI(t, article, nil, "--rules", filepath.Dir(file), "-"); code != ExitUsage || !strings.Contains(errs, file+": the file "+want) {
			t.Errorf("--rules %s: exit %d, stderr %q", filepath.Dir(file), code, errs)
		}
		if code, _, errs := runCLI(t, "", nil, "rules", "check", filepath.Dir(file)); code != ExitUsage || !strings.Contains(errs, file+": the file "+want) {
			t.Errorf("rules check %s: exit %d, stderr %q", filepath.Dir(file), code, errs)
		}
		if code, _, errs := runCLI(t, article, nil, "--config", file, "-"); code != ExitUsage || !strings.Contains(errs, "config file "+file+" "+want) {
			t.Errorf("--config %s: exit %d, stderr %q", file, code, errs)
		}
	}
	home := filepath.Join(root, "home")
	mkdir(t, filepath.Join(home, ".config", "extract"))
	if err := syscall.Mkfifo(filepath.Join(home, ".config", "extract", "config.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, article, map[string]string{"HOME": home}, "-")
	if code != ExitOK || len(records(t, out)) != 1 || !strings.Contains(errs, "is a named pipe, not a regular file; going on without it") {
		t.Errorf("a named pipe at the default location: exit %d, stderr %q", code, errs)
	}
}
