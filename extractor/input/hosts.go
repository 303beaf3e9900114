package input

import (
	"context"
	"net/url"
	"strings"
	"sync"
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

// hostOf is the host (and port) that a URL names, in lower case.
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return strings.ToLower(u.Host)
}
