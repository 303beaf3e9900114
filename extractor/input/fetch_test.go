package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testOptions are options for tests: short waits, a deadline that no
// test should reach unless it means to, and no robots.txt (robots_test.go
// tests it), so that every request a server counts is the test's own.
func testOptions() Options {
	opts := DefaultOptions()
	opts.Backoff = 5 * time.Millisecond
	opts.Timeout = 10 * time.Second
	opts.IgnoreRobots = true
	return opts
}

// fetchOne fetches url with a Reader made from opts.
func fetchOne(opts Options, url string) (Document, error) {
	return NewReader(opts, nil).fetch(context.Background(), url, articleType)
}

// failing answers each request with the next status of statuses, and 200
// with a page once they run out. It counts the requests.
func failing(calls *atomic.Int32, header http.Header, statuses ...int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1))
		if n <= len(statuses) {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(statuses[n-1])
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><p>Finally</p></html>")
	}
}

func TestFetchRetries503(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, nil, 503, 502))
	defer srv.Close()
	doc, err := fetchOne(testOptions(), srv.URL)
	if err != nil || string(doc.Data) != "<html><p>Finally</p></html>" || doc.Kind != HTML {
		t.Fatalf("got %q, %v", doc.Data, err)
	}
	if calls.Load() != 3 {
		t.Errorf("%d requests, want 3", calls.Load())
	}
}

func TestFetchHonoursRetryAfter(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, http.Header{"Retry-After": {"1"}}, 503))
	defer srv.Close()
	start := time.Now()
	if _, err := fetchOne(testOptions(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < time.Second {
		t.Errorf("took %s; the server asked for a wait of 1s", elapsed)
	}
}

func TestFetchRetryAfterPastDeadline(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, http.Header{"Retry-After": {"60"}}, 503))
	defer srv.Close()
	opts := testOptions()
	opts.Timeout = 2 * time.Second
	start := time.Now()
	_, err := fetchOne(opts, srv.URL)
	if err == nil || !strings.Contains(err.Error(), "would pass the timeout of 2s") || calls.Load() != 1 {
		t.Fatalf("%d requests, error %v", calls.Load(), err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("waited %s before giving up", time.Since(start))
	}
}

func TestFetchGivesUpOn429(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, nil, 429, 429, 429, 429))
	defer srv.Close()
	_, err := fetchOne(testOptions(), srv.URL)
	want := fmt.Sprintf("fetching %s: the server answered 429 Too Many Requests (gave up after 3 attempts)", srv.URL)
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
	if calls.Load() != 3 {
		t.Errorf("%d requests, want 3", calls.Load())
	}
}

func TestFetchDoesNotRetry404(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, nil, 404))
	defer srv.Close()
	_, err := fetchOne(testOptions(), srv.URL)
	want := fmt.Sprintf("fetching %s: the server answered 404 Not Found", srv.URL)
	if err == nil || err.Error() != want || calls.Load() != 1 {
		t.Fatalf("%d requests, error %v, want %q", calls.Load(), err, want)
	}
}

func TestFetchOneAttempt(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(failing(&calls, nil, 503))
	defer srv.Close()
	opts := testOptions()
	opts.Attempts = 1
	if _, err := fetchOne(opts, srv.URL); err == nil || calls.Load() != 1 {
		t.Fatalf("%d requests, error %v", calls.Load(), err)
	}
}

func TestFetchDeadlineCoversAllAttempts(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-time.After(150 * time.Millisecond):
		case <-r.Context().Done():
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	opts := testOptions()
	opts.Attempts = 20
	opts.Timeout = 400 * time.Millisecond
	start := time.Now()
	_, err := fetchOne(opts, srv.URL)
	// twenty attempts of 150ms each would take 3s; a bound well above the
	// timeout keeps a busy machine from failing the test
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %s with a timeout of 400ms", elapsed)
	}
	if err == nil || !strings.Contains(err.Error(), "no better answer within 400ms (see --timeout") {
		t.Fatalf("error %v", err)
	}
	if n := calls.Load(); n < 2 || n > 3 {
		t.Errorf("%d requests; want 2 or 3 in 400ms", n)
	}
}

func TestFetchDeadlineFirstAttempt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	opts := testOptions()
	opts.Timeout = 100 * time.Millisecond
	_, err := fetchOne(opts, srv.URL)
	want := fmt.Sprintf("fetching %s: no answer within 100ms (see --timeout)", srv.URL)
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
}

func TestFetchContentEncodings(t *testing.T) {
	page := "<html><p>" + strings.Repeat("Compressed story. ", 50) + "</p></html>"
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write([]byte(page))
	bw.Close()
	bodies := map[string][]byte{"gzip": gzipped(t, []byte(page)), "br": br.Bytes()}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Accept-Encoding"); got != "gzip, br" {
			t.Errorf("Accept-Encoding %q", got)
		}
		enc := strings.TrimPrefix(r.URL.Path, "/")
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", enc)
		w.Write(bodies[enc])
	}))
	defer srv.Close()
	for enc := range bodies {
		doc, err := fetchOne(testOptions(), srv.URL+"/"+enc)
		if err != nil || string(doc.Data) != page {
			t.Errorf("%s: got %.40q, %v", enc, doc.Data, err)
		}
	}
	if _, err := fetchOne(testOptions(), srv.URL+"/zstd"); err == nil || !strings.Contains(err.Error(), `"zstd" is not supported`) {
		t.Errorf("zstd: error %v", err)
	}
}

func TestFetchByteLimitAfterDecoding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, bytes.Repeat([]byte("x"), 10000)))
	}))
	defer srv.Close()
	opts := testOptions()
	opts.MaxBytes = 1000
	_, err := fetchOne(opts, srv.URL)
	if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1000 bytes") {
		t.Fatalf("error %v", err)
	}
}

func TestFetchPerHostLimit(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(30 * time.Millisecond)
		fmt.Fprint(w, "<p>ok</p>")
	}))
	defer srv.Close()
	r := NewReader(testOptions(), nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := r.fetch(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i), articleType); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if most.Load() != DefaultPerHost {
		t.Errorf("at most %d requests at once, want %d", most.Load(), DefaultPerHost)
	}
	if len(r.hosts.hosts) != 0 {
		t.Errorf("%d hosts still held after every fetch", len(r.hosts.hosts))
	}
}

func TestHostLimiterGivesUpWithContext(t *testing.T) {
	h := newHostLimiter(1)
	release, err := h.acquire(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := h.acquire(ctx, "a"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want the deadline", err)
	}
	if other, err := h.acquire(context.Background(), "b"); err != nil {
		t.Fatal(err)
	} else {
		other()
	}
	release()
	if len(h.hosts) != 0 {
		t.Errorf("%d hosts still held", len(h.hosts))
	}
}

func TestFetchRetriesRefusedConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = fetchOne(testOptions(), "http://"+addr+"/")
	if err == nil || !strings.Contains(err.Error(), "(gave up after 3 attempts)") {
		t.Fatalf("error %v", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"3":                             3 * time.Second,
		" 0 ":                           0,
		"Tue, 04 Mar 2025 05:06:17 GMT": 10 * time.Second,
		"Tue, 04 Mar 2025 05:00:00 GMT": 0,
	} {
		if got, ok := parseRetryAfter(v, now); !ok || got != want {
			t.Errorf("%q: %s, %v; want %s", v, got, ok, want)
		}
	}
	for _, v := range []string{"", "soon", "-1", "1.5"} {
		if _, ok := parseRetryAfter(v, now); ok {
			t.Errorf("%q: read as a wait", v)
		}
	}
}

func TestTemporary(t *testing.T) {
	for err, want := range map[error]bool{
		syscall.ECONNRESET:                           true,
		fmt.Errorf("read: %w", syscall.ECONNREFUSED): true,
		&net.DNSError{IsTemporary: true}:             true,
		&net.DNSError{IsNotFound: true}:              false,
		context.DeadlineExceeded:                     false,
		errors.New("tls: bad certificate"):           false,
	} {
		if temporary(err) != want {
			t.Errorf("temporary(%v) = %v, want %v", err, !want, want)
		}
	}
}

func TestBackoffDoubles(t *testing.T) {
	r := NewReader(Options{Backoff: 100 * time.Millisecond}, nil)
	for n, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 40: maxRetryWait} {
		if got := r.backoff(n); got < want/2 || got > want {
			t.Errorf("backoff(%d) = %s, want between %s and %s", n, got, want/2, want)
		}
	}
}
