package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asExtract is the environment variable that makes the test binary run as
// the extract command (see TestMain), so that a test can start it as a
// process of its own and kill it.
const asExtract = "KILLTEST_RUN_AS_EXTRACT"

func TestMain(m *testing.M) {
	if os.Getenv(asExtract) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		context.AfterFunc(ctx, stop)
		os.Exit(Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKillAndResume runs extract over a corpus with -o, stops it with
// SIGINT or SIGKILL at random moments several times, resumes it each time,
// and checks that the file ends with one valid record per input, the same
// records as one run that was never stopped. KILLTEST_PAGES (default 300)
// and KILLTEST_KILLS (default 4) make it larger; scripts/kill-and-resume
// runs it over a few thousand pages.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts extract many times")
	}
	pages, kills := envInt(t, "KILLTEST_PAGES", 300), envInt(t, "KILLTEST_KILLS", 4)
	corpus := killCorpus(t, pages)
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.jsonl")
	start := time.Now()
	if code := runProcess(t, nil, "-o", whole, "--jobs", "2", corpus); code != int(ExitFailed) {
		t.Fatalf("the whole run exited %d", code)
	}
	took := time.Since(start)
	out := filepath.Join(dir, "out.jsonl")
	rng := rand.New(rand.NewPCG(uint64(pages), uint64(kills)))
	args := []string{"-o", out, "--jobs", "2", corpus}
	for i := range kills {
		sig := []os.Signal{os.Interrupt, os.Kill}[i%2]
		after := time.Duration((0.1 + 0.8*rng.Float64()) * float64(took))
		runProcess(t, &stopAt{sig, after}, args...)
		t.Logf("stop %d: %v after %s: %d records", i+1, sig, after.Round(time.Millisecond), lineCount(t, out))
		if i == 0 {
			args = append(args, "--resume")
		}
	}
	if code := runProcess(t, nil, args...); code != int(ExitFailed) {
		t.Fatalf("the last resumed run exited %d", code)
	}
	want, got := sortedLines(t, whole), sortedLines(t, out)
	if !slices.Equal(got, want) {
		t.Fatalf("after %d stops and resumes, %d records, want the %d of one whole run", kills, len(got), len(want))
	}
	t.Logf("%d pages, %d stops: %d records, one per input, as one whole run (which took %s)", pages, kills, len(got), took.Round(time.Millisecond))
}

// stopAt is a signal to send after a while.
type stopAt struct {
	sig   os.Signal
	after time.Duration
}

// runProcess runs the test binary as extract and returns its exit status;
// with stop, it sends stop's signal after stop's wait, and waits for it to
// end.
func runProcess(t *testing.T, stop *stopAt, args ...string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"--quiet"}, args...)...)
	cmd.Env = append(os.Environ(), asExtract+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if stop != nil {
		sent := make(chan time.Time, 1)
		timer := time.AfterFunc(stop.after, func() { sent <- time.Now(); cmd.Process.Signal(stop.sig) })
		defer func() {
			if !timer.Stop() && stop.sig == os.Interrupt {
				if ended := time.Since(<-sent); ended > 3*time.Second {
					t.Errorf("extract went on %s after SIGINT", ended.Round(time.Millisecond))
				}
			}
		}()
	}
	err := cmd.Wait()
	if stop == nil && cmd.ProcessState.ExitCode() < 0 {
		t.Fatalf("extract %v: %v\n%s", args, err, stderr.String())
	}
	return cmd.ProcessState.ExitCode()
}

// killCorpus writes n inputs of several kinds into a new folder: texts,
// HTML pages, a JSON Lines file of many lines, and a few that fail.
func killCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	var lines strings.Builder
	for i := range n {
		story := strings.Repeat(fmt.Sprintf("“We will open gate %d on Monday,” Mayor Elena Duarte said. The council of district %d agreed, and Tom Okafor, who chairs it, called the plan “long overdue.” ", i, i%17), 1+i%12)
		switch i % 10 {
		case 0:
			line, _ := json.Marshal(map[string]string{"text": story})
			lines.Write(append(line, '\n'))
		case 1, 2:
			writeFile(t, filepath.Join(dir, fmt.Sprintf("p%04d.html", i)), []byte("<html><body><article><h1>Gate "+strconv.Itoa(i)+"</h1><p>"+story+"</p></article></body></html>"))
		case 3:
			if i%30 == 3 {
				writeFile(t, filepath.Join(dir, fmt.Sprintf("bad%04d.txt.gz", i)), []byte("\x1f\x8bnot gzip"))
				continue
			}
			fallthrough
		default:
			writeFile(t, filepath.Join(dir, fmt.Sprintf("sub%d", i%7), fmt.Sprintf("t%04d.txt", i)), []byte("Gate "+strconv.Itoa(i)+"\n\n"+story+"\n"))
		}
	}
	writeFile(t, filepath.Join(dir, "lines.jsonl"), []byte(lines.String()))
	return dir
}

// sortedLines reads the records of an output file, each checked to be
// JSON, and returns them sorted.
func sortedLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Fatalf("%s:%d is not JSON: %.80q", path, i+1, l)
		}
	}
	slices.Sort(lines)
	return lines
}

func lineCount(t *testing.T, path string) int {
	data, _ := os.ReadFile(path)
	return bytes.Count(data, []byte("\n"))
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: not a number", name, v)
	}
	return n
}
