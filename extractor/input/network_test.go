package input

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// refusedAddr is a loopback address where nothing listens.
func refusedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestRetryWaitsAfterNetworkFailure(t *testing.T) {
	r := NewReader(Options{Backoff: 100 * time.Millisecond, Attempts: 3}, nil)
	_, err := fetchOne(Options{Attempts: 1}, "http://"+refusedAddr(t)+"/")
	for n, want := range map[int]time.Duration{1: 50 * time.Millisecond, 2: 100 * time.Millisecond} {
		if wait, retry := r.retryWait(context.Background(), n, err); !retry || wait < want {
			t.Errorf("after attempt %d failed with %v: wait %s, retry %v; want at least %s", n, err, wait, retry, want)
		}
	}
}

// TestFetchSpacesNetworkRetries has a server that drops every connection
// unanswered: each attempt comes at least the least backoff after the last.
func TestFetchSpacesNetworkRetries(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	opts := testOptions()
	opts.Attempts, opts.Backoff = 4, 40*time.Millisecond
	if _, err := fetchOne(opts, srv.URL); err == nil || !strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("error %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(arrivals) != 4 {
		t.Fatalf("%d requests, want 4", len(arrivals))
	}
	for i := 1; i < len(arrivals); i++ {
		least := opts.Backoff / 2 << (i - 1)
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < least {
			t.Errorf("attempt %d came %s after the one before; the backoff is at least %s", i+1, gap, least)
		}
	}
}

func TestFetchSpacesRefusedRetries(t *testing.T) {
	opts := testOptions()
	opts.Attempts, opts.Backoff = 4, 40*time.Millisecond
	start := time.Now()
	if _, err := fetchOne(opts, "http://"+refusedAddr(t)+"/"); err == nil || !strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("error %v", err)
	}
	if least := (20 + 40 + 80) * time.Millisecond; time.Since(start) < least {
		t.Errorf("4 attempts in %s; the three waits between them are at least %s", time.Since(start), least)
	}
}
