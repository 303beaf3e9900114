package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// guideFile is a file the guide tells its reader to write: "`path`:" and
// a fenced block.
var guideFile = regexp.MustCompile("(?s)`((?:fixtures|myrules)/[^`]+)`:\\n\\n```\\w+\\n(.*?)```")

// guideConsole is a block of commands and their output.
var guideConsole = regexp.MustCompile("(?s)```console\\n(.*?)```")

// TestWritingRulesGuide follows docs/writing-rules.md as a new user would,
// in an empty folder: it writes each file when the guide shows it, runs
// each command of a console block and compares the output with the guide's.
func TestWritingRulesGuide(t *testing.T) {
	doc, err := os.ReadFile("../../docs/writing-rules.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	text := string(doc)
	files := guideFile.FindAllStringSubmatchIndex(text, -1)
	consoles := guideConsole.FindAllStringSubmatchIndex(text, -1)
	if len(files) < 6 || len(consoles) < 6 {
		t.Fatalf("the guide shows %d files and %d console blocks; the test cannot follow it", len(files), len(consoles))
	}
	for _, c := range consoles {
		for _, f := range files { // the files shown before this block
			if f[0] < c[0] && f[1] > 0 {
				writeFile(t, filepath.Join(dir, text[f[2]:f[3]]), []byte(text[f[4]:f[5]]))
			}
		}
		runConsole(t, text[c[2]:c[3]])
	}
}

// runConsole runs each "$ extract ..." line of a console block and checks
// that the command prints the lines that follow it.
func runConsole(t *testing.T, block string) {
	t.Helper()
	var cmd string
	var want []string
	check := func() {
		if cmd == "" {
			return
		}
		_, out, errs := runCLI(t, "", nil, strings.Fields(strings.TrimPrefix(cmd, "$ extract "))...)
		got := strings.TrimRight(out+errs, "\n")
		if got != strings.Join(want, "\n") {
			t.Errorf("%s\nprinted:\n%s\nthe guide shows:\n%s", cmd, got, strings.Join(want, "\n"))
		}
	}
	for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		if strings.HasPrefix(line, "$ ") {
			check()
			cmd, want = line, nil
			continue
		}
		want = append(want, line)
	}
	check()
}
