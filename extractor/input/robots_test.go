package input

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// robotsServer serves robots.txt as given (with status) and a page at every
// other path, counting the requests for robots.txt and recording each
// page's path.
type robotsServer struct {
	*httptest.Server
	robots atomic.Int32
	mu     sync.Mutex
	paths  []string
}

func newRobotsServer(t *testing.T, status int, robots string) *robotsServer {
	s := &robotsServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			s.robots.Add(1)
			w.WriteHeader(status)
			w.Write([]byte(robots))
			return
		}
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.RequestURI())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("A story."))
	}))
	t.Cleanup(s.Close)
	return s
}

const newsroomRobots = `# robots.txt of a paper
User-agent: *
Disallow: /

User-agent: extract
Disallow: /private
Allow: /private/press
Disallow: /*?print=

User-agent: newsroom-bot
Disallow: /news
`

func TestRobotsTxt(t *testing.T) {
	srv := newRobotsServer(t, http.StatusOK, newsroomRobots)
	r := NewReader(DefaultOptions(), nil)
	for path, allowed := range map[string]bool{
		"/news/bridge": true, "/private/notes": false, "/private/press/release": true,
		"/news/bridge?print=1": false, "/": true,
	} {
		_, err := r.fetch(context.Background(), srv.URL+path, articleType)
		if allowed && err != nil {
			t.Errorf("%s: %v", path, err)
		}
		if !allowed && (err == nil || !strings.Contains(err.Error(), "robots.txt does not allow extract to fetch "+path+" (see --ignore-robots)")) {
			t.Errorf("%s: fetched, or the wrong error: %v", path, err)
		}
	}
	if n := srv.robots.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	if len(srv.paths) != 3 {
		t.Errorf("pages fetched: %v", srv.paths)
	}

	opts := DefaultOptions()
	opts.UserAgent = "newsroom-bot/2.1 (+mailto:data@paper.example)"
	if _, err := NewReader(opts, nil).fetch(context.Background(), srv.URL+"/news/a", articleType); err == nil || !strings.Contains(err.Error(), "does not allow newsroom-bot") {
		t.Errorf("own User-Agent: %v", err)
	}
	opts.IgnoreRobots = true
	if _, err := NewReader(opts, nil).fetch(context.Background(), srv.URL+"/news/a", articleType); err != nil {
		t.Errorf("--ignore-robots: %v", err)
	}
}

// TestRobotsTxtAnswers: a site without robots.txt (404) may be fetched; one
// whose robots.txt answers 5xx may not, for the whole run, as RFC 9309 says.
func TestRobotsTxtAnswers(t *testing.T) {
	missing := newRobotsServer(t, http.StatusNotFound, "")
	if _, err := NewReader(DefaultOptions(), nil).fetch(context.Background(), missing.URL+"/a", articleType); err != nil {
		t.Errorf("404: %v", err)
	}
	down := newRobotsServer(t, http.StatusServiceUnavailable, "")
	r := NewReader(DefaultOptions(), nil)
	for _, path := range []string{"/a", "/b"} {
		_, err := r.fetch(context.Background(), down.URL+path, articleType)
		if err == nil || !strings.Contains(err.Error(), "robots.txt answered 503") {
			t.Errorf("503: %v", err)
		}
	}
	if len(down.paths) != 0 || down.robots.Load() != 1 {
		t.Errorf("pages fetched %v, robots.txt %d times", down.paths, down.robots.Load())
	}
}

// TestDelay spaces the requests to one host by --delay, and by a longer
// Crawl-delay: it checks a least gap, which waits ensure, and no upper
// bound.
func TestDelay(t *testing.T) {
	for _, c := range []struct {
		robots string
		delay  time.Duration
		want   time.Duration
	}{
		{"", 150 * time.Millisecond, 150 * time.Millisecond},
		{"User-agent: extract\nCrawl-delay: 0.25\n", 50 * time.Millisecond, 250 * time.Millisecond},
	} {
		srv := newRobotsServer(t, http.StatusOK, c.robots)
		opts := DefaultOptions()
		opts.Delay = c.delay
		r := NewReader(opts, nil)
		start := time.Now()
		var wg sync.WaitGroup
		for _, path := range []string{"/a", "/b", "/c"} {
			wg.Go(func() {
				if _, err := r.fetch(context.Background(), srv.URL+path, articleType); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		// the third request's turn comes two delays after the first's at
		// the soonest, however busy the machine is
		if took := time.Since(start); took < 2*c.want {
			t.Errorf("robots %q, delay %s: three requests took %s, want at least %s", c.robots, c.delay, took, 2*c.want)
		}
		u, err := url.Parse(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		if got := max(c.delay, r.crawlDelay(site(u))); got != c.want {
			t.Errorf("robots %q, delay %s: paced by %s, want %s", c.robots, c.delay, got, c.want)
		}
	}
}

// TestPacerTurns checks the turns the pacer books: one host's requests a
// delay apart from when the first was asked for, or from when a request
// is asked for after its turn has passed; each host on its own.
func TestPacerTurns(t *testing.T) {
	var p pacer
	t0 := time.Unix(1000, 0)
	const d = 100 * time.Millisecond
	for _, c := range []struct {
		site string
		at   time.Duration // after t0, when the request is asked for
		wait time.Duration
	}{
		{"a.example", 0, 0},
		{"a.example", 0, d},
		{"a.example", 10 * time.Millisecond, 2*d - 10*time.Millisecond},
		{"b.example", 10 * time.Millisecond, 0},
		{"a.example", time.Second, 0},
		{"a.example", time.Second + 30*time.Millisecond, d - 30*time.Millisecond},
	} {
		if got := p.reserve(c.site, d, t0.Add(c.at)); got != c.wait {
			t.Errorf("%s asked at %s: wait %s, want %s", c.site, c.at, got, c.wait)
		}
	}
}

// TestRobotsTxtInFeeds: the pages of a feed that robots.txt does not allow
// give errors, and the others are fetched.
func TestRobotsTxtInFeeds(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /members/\n"))
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<rss version="2.0"><channel><item><link>` + srv.URL + `/members/x</link></item><item><link>` + srv.URL + `/news/y</link></item></channel></rss>`))
		default:
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("A story."))
		}
	}))
	defer srv.Close()
	got := listAll(NewReader(DefaultOptions(), nil), Inputs{Args: []string{srv.URL + "/feed", srv.URL + "/members/feed"}})
	if len(got) != 3 || got[0].err == nil || got[1].err != nil || got[2].err == nil || !strings.Contains(got[2].err.Error(), "robots.txt does not allow") {
		t.Errorf("listed %v", got)
	}
}

func TestRobotsAgent(t *testing.T) {
	for ua, want := range map[string]string{
		"": "extract",
		"Mozilla/5.0 (compatible; Newsroom-Bot/1.0; +https://paper.example)": "newsroom-bot",
		"newsroom-bot/2 (+mailto:data@paper.example)":                        "newsroom-bot",
		"curl/8.0": "curl",
	} {
		opts := DefaultOptions()
		opts.UserAgent = ua
		if got := NewReader(opts, nil).robotsAgent(); got != want {
			t.Errorf("%q: %q, want %q", ua, got, want)
		}
	}
}

// TestRobotsTxtAfterRedirect: a link that redirects to another site, as a
// shortener's does, is fetched only where that site's robots.txt allows.
func TestRobotsTxtAfterRedirect(t *testing.T) {
	paper := newRobotsServer(t, http.StatusOK, "User-agent: *\nDisallow: /members/\n")
	short := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/robots-file.txt", http.StatusFound) // a robots.txt that redirects is read where it leads
		case "/robots-file.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		default:
			http.Redirect(w, r, paper.URL+r.URL.Path, http.StatusMovedPermanently)
		}
	}))
	defer short.Close()
	r := NewReader(DefaultOptions(), nil)
	if _, err := r.fetch(context.Background(), short.URL+"/news/a", articleType); err != nil {
		t.Errorf("allowed: %v", err)
	}
	_, err := r.fetch(context.Background(), short.URL+"/members/b", articleType)
	if err == nil || !strings.Contains(err.Error(), "refused the redirect to "+paper.URL+"/members/b: not fetched: "+paper.URL+"/robots.txt does not allow extract") {
		t.Errorf("disallowed after a redirect: %v", err)
	}
	if len(paper.paths) != 1 {
		t.Errorf("pages fetched: %v", paper.paths)
	}
}
