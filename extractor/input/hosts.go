package input

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/idna"
)

// hostLimiter bounds the requests in flight to each host. A host's slots are
// dropped when no request holds or waits for them, so the map stays as small
// as the number of hosts being fetched from at once.
type hostLimiter struct {
	limit int // at most this many at once to one host; 0 for no limit
	mu    sync.Mutex
	hosts map[string]*hostSlots
}

// hostSlots are the slots of one host.
type hostSlots struct {
	sem   chan struct{} // holds a value for each request in flight
	users int           // requests holding or waiting for a slot, under mu
}

// newHostLimiter returns a limiter of perHost requests at once to a host:
// DefaultPerHost when perHost is 0, and no limit when it is negative.
func newHostLimiter(perHost int) *hostLimiter {
	if perHost == 0 {
		perHost = DefaultPerHost
	}
	return &hostLimiter{limit: max(perHost, 0), hosts: map[string]*hostSlots{}}
}

// acquire waits for a free slot for host, or for ctx to end. The caller
// calls release when its request is done.
func (h *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	if h == nil || h.limit == 0 {
		return func() {}, nil
	}
	s := h.join(host)
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem; h.leave(host, s) }, nil
	case <-ctx.Done():
		h.leave(host, s)
		return nil, ctx.Err()
	}
}

// join counts one more user of host's slots, making them when needed.
func (h *hostLimiter) join(host string) *hostSlots {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.hosts[host]
	if s == nil {
		s = &hostSlots{sem: make(chan struct{}, h.limit)}
		h.hosts[host] = s
	}
	s.users++
	return s
}

// leave counts one user of host's slots less, dropping them when unused.
func (h *hostLimiter) leave(host string, s *hostSlots) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s.users--
	if s.users == 0 {
		delete(h.hosts, host)
	}
}

// limitedTransport sends each request holding a slot of its own host, from
// sending it until its body is closed: a redirect counts against the host it
// leads to, and the client frees the slot of a redirect's response before it
// follows it.
type limitedTransport struct {
	next  http.RoundTripper
	hosts *hostLimiter
}

// RoundTrip waits for a slot of req's host and sends req.
func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := t.hosts.acquire(req.Context(), canonicalHost(req.URL))
	if err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: sync.OnceFunc(release)}
	return resp, nil
}

// releasingBody is a response body that frees its host's slot when closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}

// canonicalHost names the server that u leads to however it is spelled: the
// host in lower case, in ASCII (IDNA) and without a final dot, an IP address
// in its usual form, and the port as a number, left out when it is the
// scheme's default.
func canonicalHost(u *url.URL) string {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if addr, err := netip.ParseAddr(host); err == nil {
		host = addr.Unmap().String()
	} else if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		host = ascii
	}
	port := u.Port()
	if n, err := strconv.ParseUint(port, 10, 16); err == nil {
		port = strconv.FormatUint(n, 10)
	}
	if port == "" || port == defaultPort(u.Scheme) {
		return host
	}
	return net.JoinHostPort(host, port)
}

// defaultPort is the port of a URL scheme, "" when extract fetches no such
// URLs.
func defaultPort(scheme string) string {
	switch strings.ToLower(scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}
