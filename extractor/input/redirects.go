package input

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// redirectGuard sends the requests of a fetch, refusing one that follows a
// redirect to an address of the user's own network (see privateAddr), unless
// the URL the user gave is on such an address itself. When it can, it checks
// the address it connects to, so that a name that resolves to a public
// address when checked and to a private one when connecting (DNS
// rebinding) is refused too.
type redirectGuard struct {
	next http.RoundTripper // sends the requests let through
	// public sends a redirected request straight to its host, connecting to
	// no private address; nil when next is not extract's own transport, and
	// the guard checks the addresses the host resolves to instead.
	public  http.RoundTripper
	proxy   func(*http.Request) (*url.URL, error) // next's proxy: the host's address is then checked by lookup
	private func(netip.AddrPort) bool             // whether an address is of the user's network
}

// newRedirectGuard guards next; own is whether next is extract's own
// transport, whose way of connecting it may copy.
func newRedirectGuard(next http.RoundTripper, own bool, private func(netip.AddrPort) bool) *redirectGuard {
	g := &redirectGuard{next: next, private: private}
	if t, ok := next.(*http.Transport); ok && own {
		g.public, g.proxy = publicTransport(t, private), t.Proxy
	}
	return g
}

// publicTransport is t connecting straight to the host (no proxy), and
// never to an address that private classes as private.
func publicTransport(t *http.Transport, private func(netip.AddrPort) bool) *http.Transport {
	public := t.Clone()
	public.Proxy = nil
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err == nil && private(ap) {
				return &privateAddrError{addr: ap.Addr()}
			}
			return err
		}}
	public.DialContext = dialer.DialContext
	return public
}

// RoundTrip sends req, or refuses it when it follows a redirect into the
// user's network from a URL outside it.
func (g *redirectGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Response == nil || g.fromPrivate(req) {
		return g.next.RoundTrip(req)
	}
	if g.public != nil && !g.proxied(req) {
		return g.public.RoundTrip(req)
	}
	if addr, ok := g.privateTarget(req.Context(), req.URL); ok {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, &privateAddrError{addr: addr}
	}
	return g.next.RoundTrip(req)
}

// fromPrivate reports whether the URL the user gave, the first of the
// redirects that led to req, is on a private address.
func (g *redirectGuard) fromPrivate(req *http.Request) bool {
	for req.Response != nil && req.Response.Request != nil {
		req = req.Response.Request
	}
	_, ok := g.privateTarget(req.Context(), req.URL)
	return ok
}

// proxied reports whether next sends req through a proxy, which then
// connects to the host instead of extract.
func (g *redirectGuard) proxied(req *http.Request) bool {
	if g.proxy == nil {
		return false
	}
	proxy, err := g.proxy(req)
	return proxy != nil || err != nil
}

// privateTarget is a private address of u's host, if it has one: the host
// itself when it is an address, else one that it resolves to.
func (g *redirectGuard) privateTarget(ctx context.Context, u *url.URL) (netip.Addr, bool) {
	port := u.Port()
	if port == "" {
		port = defaultPort(u.Scheme)
	}
	n, _ := strconv.ParseUint(port, 10, 16)
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", u.Hostname())
	if err != nil {
		return netip.Addr{}, false
	}
	for _, addr := range addrs {
		if g.private(netip.AddrPortFrom(addr, uint16(n))) {
			return addr, true
		}
	}
	return netip.Addr{}, false
}

// privateAddr reports whether an address is of the user's own machine or
// network: loopback, a private range (10/8, 172.16/12, 192.168/16,
// fc00::/7), link-local (169.254/16, where cloud metadata services answer,
// and fe80::/10), the shared range of carrier-grade NAT (100.64/10), or
// unspecified (0.0.0.0 and ::, which reach the machine itself).
func privateAddr(ap netip.AddrPort) bool {
	a := ap.Addr().Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsUnspecified() ||
		netip.PrefixFrom(netip.AddrFrom4([4]byte{100, 64}), 10).Contains(a)
}

// privateAddrError is a redirect refused because it leads to a private
// address.
type privateAddrError struct{ addr netip.Addr }

func (e *privateAddrError) Error() string {
	return fmt.Sprintf("%s is on a private network (loopback, private or link-local) and the URL given is not (see --allow-private-redirects)", e.addr)
}
