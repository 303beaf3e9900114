package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestRobotsCommandLine: a page that robots.txt does not allow gets an
// error record that says so, and is fetched with --ignore-robots (or
// fetch.ignore_robots in the environment).
func TestRobotsCommandLine(t *testing.T) {
	var pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: extract\nDisallow: /paywall/\n"))
			return
		}
		pages.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	code, out, _ := runCLI(t, "", nil, "-q", srv.URL+"/paywall/story", srv.URL+"/news/story")
	recs := records(t, out)
	if code != ExitFailed || len(recs) != 2 || pages.Load() != 1 {
		t.Fatalf("exit %d, %d pages fetched, records %v", code, pages.Load(), recs)
	}
	if msg, _ := recs[0]["error"].(string); !strings.Contains(msg, "robots.txt does not allow extract to fetch /paywall/story (see --ignore-robots)") {
		t.Errorf("error %q", msg)
	}
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"--ignore-robots"}},
		{map[string]string{"EXTRACT_FETCH_IGNORE_ROBOTS": "true"}, nil},
	} {
		code, out, errs := runCLI(t, "", c.env, append(c.args, srv.URL+"/paywall/story")...)
		if recs := records(t, out); code != ExitOK || len(recs) != 1 || recs[0]["error"] != nil {
			t.Errorf("%v %v: exit %d, records %v, stderr %q", c.env, c.args, code, recs, errs)
		}
	}
}

// TestDelaySetting reads --delay and fetch.delay, and refuses a bad one.
func TestDelaySetting(t *testing.T) {
	defaults, err := defaultConfig()
	if err != nil || defaults.Delay != 0 || defaults.IgnoreRobots {
		t.Fatalf("defaults: delay %s, ignore robots %v, %v", defaults.Delay, defaults.IgnoreRobots, err)
	}
	flags := newFlags(defaults)
	if err := flags.Parse([]string{"--delay", "1.5s"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(flags, func(k string) string { return map[string]string{"EXTRACT_FETCH_DELAY": "3s"}[k] }, nil)
	if err != nil || cfg.Delay != 1500*time.Millisecond {
		t.Errorf("--delay 1.5s over EXTRACT_FETCH_DELAY=3s: %s, %v", cfg.Delay, err)
	}
	env := map[string]string{"EXTRACT_FETCH_DELAY": "-1s"}
	if code, _, errs := runCLI(t, "", env); code != ExitUsage || !strings.Contains(errs, "fetch.delay") {
		t.Errorf("bad delay: exit %d, %q", code, errs)
	}
}
