package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsCache holds the robots.txt of each site a Reader fetched from, read
// once per run (with github.com/temoto/robotstxt), so that its rules and
// Crawl-delay apply to every page of the site.
type robotsCache struct {
	mu    sync.Mutex
	sites map[string]*siteRobots // by scheme://host[:port]
}

// siteRobots is one site's robots.txt, once ready is closed.
type siteRobots struct {
	ready chan struct{}
	rules *robotstxt.RobotsData
	err   error // robots.txt could not be read: nothing on the site is fetched
}

// maxRobotsSites bounds the sites whose robots.txt is kept; past it, the
// cache starts again.
const maxRobotsSites = 10000

// maxRobotsBytes is how much of a robots.txt is read (RFC 9309 asks for at
// least 500 KiB).
const maxRobotsBytes = 512 << 10

// maxCrawlDelay bounds the Crawl-delay of a robots.txt that extract keeps
// to.
const maxCrawlDelay = time.Minute

// site is where robots.txt rules for u come from: its scheme and host.
func site(u *url.URL) string { return strings.ToLower(u.Scheme) + "://" + canonicalHost(u) }

// robotsAllow fails when the robots.txt of link's site does not let the
// User-Agent in force fetch it, or cannot be read; nil when robots.txt is
// ignored (Options.IgnoreRobots).
func (r *Reader) robotsAllow(ctx context.Context, link string) error {
	u, err := url.Parse(link)
	if r.opts.IgnoreRobots || err != nil {
		return nil // a URL that cannot be parsed fails when fetched
	}
	rules, err := r.siteRules(ctx, u)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "" {
		path = "/"
	}
	if !rules.TestAgent(path, r.robotsAgent()) {
		return &robotsError{site: site(u), agent: r.robotsAgent(), path: path}
	}
	return nil
}

// robotsError is a page that robots.txt does not allow.
type robotsError struct{ site, agent, path string }

func (e *robotsError) Error() string {
	return fmt.Sprintf("not fetched: %s/robots.txt does not allow %s to fetch %s (see --ignore-robots)", e.site, e.agent, e.path)
}

// robotsOnRedirect checks that robots.txt allows each redirect, as a
// shortener's link in a feed leads to another site, then applies next, the
// client's own policy (nil for net/http's: at most 10 redirects). A
// redirect of robots.txt itself is not checked.
func (r *Reader) robotsOnRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if next != nil {
			if err := next(req, via); err != nil {
				return err
			}
		} else if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		if via[0].URL.Path == "/robots.txt" {
			return nil
		}
		return r.robotsAllow(req.Context(), req.URL.String())
	}
}

// siteRules are the rules of u's site, fetched when they are not known yet;
// goroutines that ask for the same site at once wait for one fetch.
func (r *Reader) siteRules(ctx context.Context, u *url.URL) (*robotstxt.RobotsData, error) {
	key := site(u)
	r.robots.mu.Lock()
	if r.robots.sites == nil || len(r.robots.sites) >= maxRobotsSites {
		r.robots.sites = map[string]*siteRobots{}
	}
	s, known := r.robots.sites[key]
	if !known {
		s = &siteRobots{ready: make(chan struct{})}
		r.robots.sites[key] = s
	}
	r.robots.mu.Unlock()
	if !known {
		var answered bool
		s.rules, answered, s.err = r.fetchRobots(ctx, key)
		if !answered { // no answer: the next request to the site asks again
			r.robots.mu.Lock()
			delete(r.robots.sites, key)
			r.robots.mu.Unlock()
		}
		close(s.ready)
	}
	select {
	case <-s.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.rules, s.err
}

// allowAll are the rules of a site without robots.txt.
func allowAll() *robotstxt.RobotsData {
	rules, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	return rules
}

// fetchRobots reads the robots.txt of site, reporting whether the site
// answered. As RFC 9309 has it, an answer of 4xx means no rules, and one of
// 5xx that nothing may be fetched. When the request gets no answer at all,
// as when the site is down, there are no rules for this request, which
// then fails (or not) on its own, and answered is false (as Scrapy does).
func (r *Reader) fetchRobots(ctx context.Context, site string) (rules *robotstxt.RobotsData, answered bool, err error) {
	link := site + "/robots.txt"
	if r.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
		defer cancel()
	}
	if err := r.pace(ctx, site); err != nil {
		return nil, false, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("User-Agent", r.userAgent())
	resp, err := r.client.Do(req)
	if err != nil {
		return allowAll(), false, nil
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return nil, true, fmt.Errorf("not fetched: %s answered %s, which forbids the whole site for this run (see --ignore-robots)", link, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return allowAll(), false, nil
	}
	rules, err = robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return allowAll(), true, nil // rules that cannot be read are no rules
	}
	return rules, true, nil
}

// crawlDelay is the Crawl-delay that the robots.txt of site asks of the
// User-Agent in force, up to maxCrawlDelay; 0 when it asks none or is not
// read yet.
func (r *Reader) crawlDelay(site string) time.Duration {
	if r.opts.IgnoreRobots {
		return 0
	}
	r.robots.mu.Lock()
	s := r.robots.sites[site]
	r.robots.mu.Unlock()
	if s == nil {
		return 0
	}
	select {
	case <-s.ready:
	default:
		return 0
	}
	if s.rules == nil {
		return 0
	}
	return min(s.rules.FindGroup(r.robotsAgent()).CrawlDelay, maxCrawlDelay)
}

// robotsAgent is the name by which robots.txt rules address the User-Agent
// in force: the product of "Mozilla/5.0 (compatible; NAME/1.0; ...)", else
// the first product's name, in lower case ("extract" for extract's own).
func (r *Reader) robotsAgent() string {
	ua := r.userAgent()
	if _, after, ok := strings.Cut(ua, "compatible;"); ok {
		ua = after
	}
	ua = strings.TrimSpace(ua)
	if end := strings.IndexAny(ua, "/ ;()"); end >= 0 {
		ua = ua[:end]
	}
	return strings.ToLower(ua)
}

// pacer spaces the requests to each host by a delay: a request to a host
// starts no sooner than the delay after the one before it.
type pacer struct {
	mu   sync.Mutex
	next map[string]time.Time // when each host may be sent the next request
}

// maxPacedHosts is how many hosts the pacer keeps before it drops those
// whose time has come.
const maxPacedHosts = 4096

// pace waits until the site may be sent a request, keeping to the larger
// of Options.Delay and the site's Crawl-delay.
func (r *Reader) pace(ctx context.Context, site string) error {
	delay := max(r.opts.Delay, r.crawlDelay(site))
	if delay <= 0 {
		return nil
	}
	if !sleep(ctx, r.pacer.reserve(site, delay, time.Now())) {
		return ctx.Err()
	}
	return nil
}

// reserve books the site's next turn for a request asked for at now, the
// turn after it delay later, and returns how long to wait for the turn.
func (p *pacer) reserve(site string, delay time.Duration, now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.next == nil || len(p.next) >= maxPacedHosts {
		p.dropPast(now)
	}
	at := p.next[site]
	if at.Before(now) {
		at = now
	}
	p.next[site] = at.Add(delay)
	return at.Sub(now)
}

// dropPast forgets the hosts that may be sent a request now, under mu.
func (p *pacer) dropPast(now time.Time) {
	if p.next == nil {
		p.next = map[string]time.Time{}
	}
	for host, at := range p.next {
		if !at.After(now) {
			delete(p.next, host)
		}
	}
}
