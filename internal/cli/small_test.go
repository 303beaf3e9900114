package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/spf13/pflag"

	extract "github.com/extract-news/extract"
	"github.com/extract-news/extract/extractor/record"
)

func TestMaxBytesUnits(t *testing.T) {
	text := strings.Repeat("The council met again. ", 100) // 2,300 bytes
	for _, c := range []struct {
		args []string
		env  map[string]string
		ok   bool
	}{
		{[]string{"--max-bytes", "2KB"}, nil, false},
		{[]string{"--max-bytes", "3KB"}, nil, true},
		{[]string{"--max-bytes", "2KiB"}, nil, false},
		{[]string{"--max-bytes", "2400"}, nil, true},
		{nil, map[string]string{"EXTRACT_FETCH_MAX_BYTES": "1 kB"}, false},
		{nil, nil, true},
	} {
		code, out, errs := runCLI(t, text, c.env, append(c.args, "-")...)
		failed := strings.Contains(out, `"error"`)
		if code == ExitUsage || failed == c.ok {
			t.Errorf("%q %v: exit %d, failed %v (%s); want ok %v", c.args, c.env, code, failed, errs, c.ok)
		}
	}
	for _, bad := range []string{"20XB", "-1", "0", "lots"} {
		code, _, errs := runCLI(t, text, nil, "--max-bytes", bad, "-")
		if code != ExitUsage || !strings.Contains(errs, "is not a size") {
			t.Errorf("--max-bytes %s: exit %d, %q; want a usage error", bad, code, errs)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-V"}, {"--version"}} {
		code, out, _ := runCLI(t, "", nil, args...)
		if code != ExitOK || !strings.HasPrefix(out, "extract ") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("%q: exit %d, %q; want the build's version and Go's", args, code, out)
		}
	}
	if code, _, _ := runCLI(t, "", nil, "version", "x"); code != ExitUsage {
		t.Errorf("version x: exit %d, want a usage error", code)
	}
}

// TestConfigCommand checks that extract config prints a configuration
// that extract reads back as its own defaults.
func TestConfigCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "config")
	if code != ExitOK || !bytes.Equal([]byte(out), extract.DefaultConfig()) {
		t.Fatalf("config: exit %d, %d bytes; want config.yaml", code, len(out))
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "Some text.", nil, "--config", path, "-"); code != ExitOK {
		t.Errorf("a config file started from extract config: exit %d, %s", code, errs)
	}
}

func TestCompletion(t *testing.T) {
	flags := newFlags(Config{})
	for _, shell := range []struct{ name, check string }{
		{"bash", "bash -n"}, {"zsh", "zsh -n"}, {"fish", "fish --no-execute"},
	} {
		code, out, _ := runCLI(t, "", nil, "completion", shell.name)
		if code != ExitOK {
			t.Fatalf("completion %s: exit %d", shell.name, code)
		}
		flags.VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(out, f.Name) {
				t.Errorf("completion %s lacks --%s", shell.name, f.Name)
			}
		})
		args := strings.Fields(shell.check)
		if _, err := exec.LookPath(args[0]); err != nil {
			t.Logf("%s is not installed: its script's syntax is not checked", args[0])
			continue
		}
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s does not take its script: %v\n%s", shell.name, err, msg)
		}
	}
	if code, _, errs := runCLI(t, "", nil, "completion", "tcsh"); code != ExitUsage || !strings.Contains(errs, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %q; want a usage error naming the shells", code, errs)
	}
}

// TestBashCompletionCompletes runs the bash script's function as bash
// does on a tab.
func TestBashCompletionCompletes(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	_, script, _ := runCLI(t, "", nil, "completion", "bash")
	for line, want := range map[string]string{
		"extract --form":       "--format",
		"extract --format quo": "quotes.csv",
		"extract vers":         "version",
	} {
		words := strings.Fields(line)
		cmd := exec.Command("bash", "-c", script+`
COMP_WORDS=(`+line+`); COMP_CWORD=`+strconv.Itoa(len(words)-1)+`; _extract; echo "${COMPREPLY[*]}"`)
		cmd.Dir = t.TempDir() // no files whose names complete the words
		out, err := cmd.Output()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%q completes to %q (%v), want %q", line, out, err, want)
		}
	}
}

// TestNoInputOnTerminal checks that extract with no input, its standard
// input a terminal, prints its usage rather than waiting for a text.
func TestNoInputOnTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	type result struct {
		code     ExitCode
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(context.Background(), nil, tty, &out, &errb, func(string) string { return "" })
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		if r.code != ExitUsage || !strings.Contains(r.err, "Usage:") || r.out != "" {
			t.Errorf("exit %d, stdout %q, stderr %.40q...; want the usage on stderr", r.code, r.out, r.err)
		}
	case <-time.After(10 * time.Second):
		ptmx.Write([]byte{4}) // end of input, so that the run ends
		t.Fatal("extract waited for standard input on a terminal")
	}
}

func TestUnknownEnvWarning(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("EXTRACT_FETCH_TIMOUT", "10s")
	t.Setenv("EXTRACT_JOBS", "2")
	t.Setenv("EXTRACT_FETCH_TIMEOUT", "10s")
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"version"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"EXTRACT_FETCH_TIMOUT is not a setting of extract and is ignored; did you mean EXTRACT_FETCH_TIMEOUT?",
		"EXTRACT_JOBS is not a setting of extract and is ignored; did you mean EXTRACT_BATCH_JOBS?",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr %q lacks %q", errb.String(), want)
		}
	}
	if strings.Count(errb.String(), "warning") != 2 {
		t.Errorf("a known variable was warned about: %q", errb.String())
	}
	errb.Reset()
	Run(context.Background(), []string{"-q", "-"}, strings.NewReader("Some text."), &out, &errb)
	if errb.Len() > 0 {
		t.Errorf("stderr with -q: %q", errb.String())
	}
}

func TestTopSpeakers(t *testing.T) {
	got := topSpeakers(map[string]int{"Mark Hale": 3, "Elena Duarte": 5, "Ann Lee": 3, "Bo Li": 1}, 3)
	if want := "Elena Duarte 5, Ann Lee 3, Mark Hale 3"; got != want {
		t.Errorf("topSpeakers = %q, want %q", got, want)
	}
	if got := topSpeakers(nil, 3); got != "" {
		t.Errorf("topSpeakers of none = %q", got)
	}
}

// TestSummaryCounts checks the end of a batch's account: its quotes and
// entities.
func TestSummaryCounts(t *testing.T) {
	_, _, errs := runCLI(t, "", nil, twoStories(t))
	if !strings.Contains(errs, "2 articles in") || !strings.Contains(errs, "; 3 quotes, 2 entities") {
		t.Errorf("summary %q, want 2 articles, 3 quotes and 2 entities", errs)
	}
}

// TestSummaryOnTerminal checks that a run's summary on a terminal names
// its most quoted speakers, and elsewhere does not.
func TestSummaryOnTerminal(t *testing.T) {
	name := func(s string) *string { return &s }
	quote := func(who string) record.Quote { return record.Quote{Speaker: &record.Speaker{Name: name(who)}} }
	for _, live := range []bool{true, false} {
		var b bytes.Buffer
		p := newProgress(&b, live)
		p.add(record.Record{Quotes: []record.Quote{quote("Elena Duarte"), quote("Mark Hale"), quote("Elena Duarte")}, Entities: make([]record.Entity, 2)})
		p.add(record.Record{Quotes: []record.Quote{{Speaker: &record.Speaker{}}}})
		p.add(record.Record{Source: "x", Error: "x: broken"})
		p.summary(0, false)
		got := b.String()
		if !strings.Contains(got, "3 articles in") || !strings.Contains(got, "1 failed; 4 quotes, 2 entities") {
			t.Errorf("live %v: summary %q lacks the counts", live, got)
		}
		if top := strings.Contains(got, "most quoted: Elena Duarte 2, Mark Hale 1\n"); top != live {
			t.Errorf("live %v: summary %q; want the most quoted speakers on a terminal only", live, got)
		}
	}
}
