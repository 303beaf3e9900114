package regular

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.yaml":   {Data: []byte("cues: []\n")},
		"big.yaml":  {Data: make([]byte, 1_200_000)},
		"pipe.yaml": {Mode: fs.ModeNamedPipe},
		"zero.yaml": {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"dir.yaml":  {Mode: fs.ModeDir},
	}
	if data, err := ReadFile(fsys, "ok.yaml", 1_000_000); err != nil || string(data) != "cues: []\n" {
		t.Errorf("ok.yaml: %q, %v", data, err)
	}
	for name, want := range map[string]string{
		"big.yaml":     "is 1.2 MB, more than the limit of 1 MB",
		"pipe.yaml":    "is a named pipe, not a regular file",
		"zero.yaml":    "is a device, not a regular file",
		"dir.yaml":     "is a folder, not a regular file",
		"missing.yaml": "cannot be read: ",
	} {
		if _, err := ReadFile(fsys, name, 1_000_000); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

// TestReadFileFollowsLinks reads a regular file through a symbolic link.
func TestReadFileFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "real.yaml"), []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if data, err := ReadFile(os.DirFS(dir), "link.yaml", 100); err != nil || string(data) != "x: 1\n" {
		t.Errorf("link.yaml: %q, %v", data, err)
	}
	if err := os.Symlink("loop.yaml", filepath.Join(dir, "loop.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(os.DirFS(dir), "loop.yaml", 100); err == nil || !strings.HasPrefix(err.Error(), "cannot be read: ") {
		t.Errorf("loop.yaml: error %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 999_999: "999999 bytes", 1_000_000: "1 MB", 104_857_600: "104.9 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
