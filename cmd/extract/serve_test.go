package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSIGTERM runs extract serve, sends SIGTERM while a request
// is in flight, and checks that the request is answered and the server
// stops with status 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	fetching := make(chan struct{}, 1)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetching <- struct{}{}
		time.Sleep(600 * time.Millisecond)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "Bridge reopens\n\n“We owe the city a bridge it can trust,” Mayor Elena Duarte said on Monday.\n")
	}))
	defer site.Close()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "TEST_EXTRACT_MAIN=1", "XDG_CONFIG_HOME="+t.TempDir(), "EXTRACT_CONFIG=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	lines.Scan()
	addr := regexp.MustCompile(`http://\S+/`).FindString(lines.Text())
	if addr == "" {
		t.Fatalf("no address in %q", lines.Text())
	}
	answered := make(chan string, 1)
	go func() {
		resp, err := http.Get(addr + "view?url=" + site.URL + "/story")
		if err != nil {
			answered <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answered <- resp.Status + " " + string(b)
	}()
	select {
	case <-fetching: // the request is in flight
	case a := <-answered:
		t.Fatalf("answered before the fetch: %.200s", a)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if a := <-answered; !strings.HasPrefix(a, "200 ") || !strings.Contains(a, "Elena Duarte") {
		t.Errorf("the request in flight at SIGTERM: %.200s", a)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	if err := cmd.Wait(); err != nil || !strings.Contains(rest.String(), "extract serve: stopped") {
		t.Errorf("after SIGTERM: %v, stderr %q", err, rest.String())
	}
}
