package input

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

func TestCanonicalHost(t *testing.T) {
	for raw, want := range map[string]string{
		"http://Example.COM/a":         "example.com",
		"http://example.com./a":        "example.com",
		"http://example.com:80/":       "example.com",
		"https://example.com:443/":     "example.com",
		"https://example.com:80/":      "example.com:80",
		"http://127.0.0.1:018080/":     "127.0.0.1:18080",
		"http://127.0.0.1:18080/":      "127.0.0.1:18080",
		"http://[0:0::1]:8080/":        "[::1]:8080",
		"http://[::ffff:10.0.0.1]/":    "10.0.0.1",
		"http://B\u00fccher.example/":  "xn--bcher-kva.example",
		"http://xn--bcher-kva.example": "xn--bcher-kva.example",
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := canonicalHost(u); got != want {
			t.Errorf("canonicalHost(%s) = %q, want %q", raw, got, want)
		}
	}
}

// counting is a server that records the most requests it had in flight at
// once; each takes a while.
func counting(most *atomic.Int32) *httptest.Server {
	var inFlight atomic.Int32
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(30 * time.Millisecond)
		fmt.Fprint(w, "<p>ok</p>")
	}))
}

// fetchAll fetches every URL at once with r.
func fetchAll(t *testing.T, r *Reader, urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			if _, err := r.fetch(context.Background(), u, articleType); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestFetchPerHostLimitAcrossSpellings(t *testing.T) {
	var most atomic.Int32
	srv := counting(&most)
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	var urls []string
	for i := range 9 {
		urls = append(urls, fmt.Sprintf("http://127.0.0.1:%0*d/%d", len(strconv.Itoa(port))+i%3, port, i))
	}
	fetchAll(t, NewReader(testOptions(), nil), urls)
	if most.Load() > DefaultPerHost {
		t.Errorf("%d requests at once to one server named three ways, want at most %d", most.Load(), DefaultPerHost)
	}
}

// TestFetchRedirectCountsAgainstTarget fetches from one server directly and
// through another that redirects to it: the redirected requests count
// against the server they reach.
func TestFetchRedirectCountsAgainstTarget(t *testing.T) {
	var most atomic.Int32
	target := counting(&most)
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusFound)
	}))
	defer redirector.Close()
	var urls []string
	for i := range 8 {
		urls = append(urls, fmt.Sprintf("%s/%d", []string{target.URL, redirector.URL}[i%2], i))
	}
	r := NewReader(testOptions(), nil)
	fetchAll(t, r, urls)
	if most.Load() > DefaultPerHost {
		t.Errorf("%d requests at once to the redirects' target, want at most %d", most.Load(), DefaultPerHost)
	}
	if len(r.hosts.hosts) != 0 {
		t.Errorf("%d hosts still held after every fetch", len(r.hosts.hosts))
	}
}

func TestFetchRedirectToSameHostWithOneSlot(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>moved</p>") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	opts := testOptions()
	opts.PerHost, opts.Timeout = 1, 2*time.Second
	doc, err := fetchOne(opts, srv.URL+"/old")
	if err != nil || doc.URL != srv.URL+"/new" {
		t.Fatalf("got %s, %v", doc.URL, err)
	}
}

// privateNet stands for the user's own network in tests: one loopback
// server, the internal one, is classed as private and the rest as public.
type privateNet struct {
	internal *httptest.Server
	hits     atomic.Int32 // requests the internal server had
	public   *httptest.Server
}

func newPrivateNet(t *testing.T) *privateNet {
	p := &privateNet{}
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		p.hits.Add(1)
		fmt.Fprint(w, "<p>decoy internal page</p>")
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/page", http.StatusFound) })
	p.internal = httptest.NewServer(mux)
	t.Cleanup(p.internal.Close)
	port := p.internal.Listener.Addr().(*net.TCPAddr).Port
	p.public = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, p.internal.URL+"/page", http.StatusFound)
		case "/to-localhost":
			http.Redirect(w, r, fmt.Sprintf("http://localhost:%d/page", port), http.StatusFound)
		case "/to-public":
			http.Redirect(w, r, "/story", http.StatusFound)
		default:
			fmt.Fprint(w, "<p>public story</p>")
		}
	}))
	t.Cleanup(p.public.Close)
	return p
}

// reader returns a Reader for which only the internal server is private.
func (p *privateNet) reader(opts Options) *Reader {
	port := uint16(p.internal.Listener.Addr().(*net.TCPAddr).Port)
	return newReader(opts, nil, func(a netip.AddrPort) bool { return a.Port() == port })
}

func TestFetchRefusesRedirectIntoPrivateNetwork(t *testing.T) {
	p := newPrivateNet(t)
	custom := testOptions()
	custom.Client = &http.Client{}
	for name, opts := range map[string]Options{"built-in client": testOptions(), "own client": custom} {
		for _, path := range []string{"/to-internal", "/to-localhost"} {
			doc, err := p.reader(opts).fetch(context.Background(), p.public.URL+path, articleType)
			if err == nil || !strings.Contains(err.Error(), "private network") || !strings.Contains(err.Error(), "--allow-private-redirects") {
				t.Errorf("%s, %s: got %q, error %v", name, path, doc.Data, err)
			}
		}
	}
	if p.hits.Load() != 0 {
		t.Errorf("the internal server had %d requests", p.hits.Load())
	}
}

func TestFetchFollowsAllowedRedirects(t *testing.T) {
	p := newPrivateNet(t)
	allowed := testOptions()
	allowed.AllowPrivateRedirects = true
	for _, c := range []struct {
		url  string
		opts Options
		want string
	}{
		{p.public.URL + "/to-public", testOptions(), "public story"},
		{p.internal.URL + "/hop", testOptions(), "decoy internal page"}, // the user asked for a private address
		{p.public.URL + "/to-internal", allowed, "decoy internal page"},
	} {
		doc, err := p.reader(c.opts).fetch(context.Background(), c.url, articleType)
		if err != nil || !strings.Contains(string(doc.Data), c.want) {
			t.Errorf("%s: got %q, %v", c.url, doc.Data, err)
		}
	}
}

func TestPrivateAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "127.8.9.10": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "100.64.0.1": true, "0.0.0.0": true, "::1": true, "fe80::1": true,
		"fc00::1": true, "::ffff:10.0.0.1": true, "::": true,
		"8.8.8.8": false, "172.32.0.1": false, "100.128.0.1": false, "2001:4860:4860::8888": false,
	} {
		if got := privateAddr(netip.AddrPortFrom(netip.MustParseAddr(addr), 80)); got != want {
			t.Errorf("privateAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestFetchRefusesWhatIsNotAnArticle(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if ct := r.URL.Query().Get("type"); ct != "none" {
			w.Header().Set("Content-Type", ct)
		}
		fmt.Fprint(w, r.URL.Query().Get("body"))
	}))
	defer srv.Close()
	for _, c := range []struct {
		contentType, body string
		want              Kind
		refused           bool
	}{
		{"application/json", `{"title": "Not an article"}`, 0, true},
		{"application/pdf", "%PDF-1.4 text-like", 0, true},
		{"application/rss+xml; charset=utf-8", "<rss><channel></channel></rss>", 0, true},
		{"text/xml", "<urlset></urlset>", 0, true},
		{"image/png", "not really", 0, true},
		{"text/html; charset=utf-8", "<p>A page</p>", HTML, false},
		{"application/xhtml+xml", "<html><p>A page</p></html>", HTML, false},
		{"text/plain", "<p>Text that looks like a tag</p>", Text, false},
		{"none", "<html><p>A page</p></html>", HTML, false},
		{"application/octet-stream", "Plain words.", Text, false},
	} {
		calls.Store(0)
		u := srv.URL + "/?" + url.Values{"type": {c.contentType}, "body": {c.body}}.Encode()
		doc, err := fetchOne(testOptions(), u)
		mt := strings.Split(c.contentType, ";")[0]
		want := fmt.Sprintf("fetching %s: the server sent %s, not an article (HTML or text)", u, mt)
		switch {
		case c.refused && (err == nil || err.Error() != want || calls.Load() != 1):
			t.Errorf("%s: %d requests, error %v, want %q", c.contentType, calls.Load(), err, want)
		case !c.refused && (err != nil || doc.Kind != c.want):
			t.Errorf("%s: kind %s, error %v; want %s", c.contentType, doc.Kind, err, c.want)
		}
	}
}
