package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// newClient returns the client that fetches URLs: opts.Client, or one that
// follows at most opts.MaxRedirects redirects. Its transport holds a slot of
// the host of each request it sends, and refuses a redirect into a private
// network unless opts allow it.
func newClient(opts Options, hosts *hostLimiter, private func(netip.AddrPort) bool) *http.Client {
	var c http.Client
	if opts.Client != nil {
		c = *opts.Client
	} else {
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("more than %d redirects", opts.MaxRedirects)
			}
			return nil
		}
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	if !opts.AllowPrivateRedirects {
		next = newRedirectGuard(next, opts.Client == nil, private)
	}
	c.Transport = &limitedTransport{next: next, hosts: hosts}
	return &c
}

// fetch downloads a page within the byte limit. It tries again, after a
// wait that doubles each time or that the server's Retry-After names, when
// the server answers 429 or 5xx or the network fails in a way that may pass;
// Options.Timeout bounds all attempts together.
func (r *Reader) fetch(ctx context.Context, url string, accept func(contentType string) error) (Document, error) {
	if err := r.politely(ctx, url); err != nil {
		return Document{}, fmt.Errorf("%s: %w", url, err)
	}
	if r.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
		defer cancel()
	}
	var last error // the last failure, other than the deadline when there was one before
	for n := 1; ; n++ {
		doc, err := r.attempt(ctx, url, accept)
		if err == nil {
			return doc, nil
		}
		if last == nil || ctx.Err() == nil {
			last = err
		}
		wait, retry := r.retryWait(ctx, n, err)
		if !retry || !sleep(ctx, wait) {
			return Document{}, r.fetchError(ctx, url, n, last)
		}
	}
}

// politely checks that robots.txt lets link be fetched, and waits for its
// turn on its host (see pace); the wait is not part of the fetch's timeout.
func (r *Reader) politely(ctx context.Context, link string) error {
	if err := r.robotsAllow(ctx, link); err != nil {
		return err
	}
	if u, err := url.Parse(link); err == nil {
		return r.pace(ctx, site(u))
	}
	return nil
}

// attempt makes one request for url, refusing a response whose type accept
// refuses; the client waits for a free slot of each host it sends a request
// to.
func (r *Reader) attempt(ctx context.Context, url string, accept func(string) error) (Document, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Document{}, err
	}
	req.Header.Set("User-Agent", r.userAgent())
	req.Header.Set("Accept", acceptHeader)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := r.client.Do(req)
	if err != nil {
		return Document{}, requestError(err)
	}
	defer resp.Body.Close()
	err = statusError(resp)
	if err == nil {
		err = accept(resp.Header.Get("Content-Type"))
	}
	if err != nil {
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10) // lets the connection be reused
		return Document{}, err
	}
	return r.readResponse(url, resp)
}

// readResponse reads the body of a successful response into a document.
func (r *Reader) readResponse(url string, resp *http.Response) (Document, error) {
	body, err := decodeContent(resp.Body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return Document{}, failure(err)
	}
	data, err := r.readAll(body)
	if err != nil {
		return Document{}, failure(err)
	}
	doc := Document{Source: url, URL: resp.Request.URL.String(), Data: data, ContentType: resp.Header.Get("Content-Type")}
	doc.Kind = kindOfContentType(doc.ContentType, data)
	return doc, nil
}

// attemptError is why one request failed, and whether to try again.
type attemptError struct {
	err        error
	temporary  bool          // another attempt may succeed
	retryAfter time.Duration // the wait the server asked for; 0 when it did not
}

// failure is the attemptError of a failure of the network or of reading.
func failure(err error) *attemptError {
	return &attemptError{err: err, temporary: temporary(err)}
}

// requestError is why a request got no response: a redirect refused (into
// a private network, or by robots.txt), named with where it led, or a
// failure of the network.
func requestError(err error) error {
	var refused *privateAddrError
	var robots *robotsError
	var ue *url.Error
	switch {
	case errors.As(err, &refused) && errors.As(err, &ue):
		return fmt.Errorf("refused the redirect to %s: %w", ue.URL, refused)
	case errors.As(err, &robots) && errors.As(err, &ue):
		return fmt.Errorf("refused the redirect to %s: %w", ue.URL, robots)
	}
	return failure(unwrapURLError(err))
}

func (e *attemptError) Error() string { return e.err.Error() }
func (e *attemptError) Unwrap() error { return e.err }

// statusError is the error of an answer of 400 or more: a temporary one for
// 429 and 5xx.
func statusError(resp *http.Response) error {
	if resp.StatusCode < 400 {
		return nil
	}
	retry := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
	after, _ := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	return &attemptError{err: fmt.Errorf("the server answered %s", resp.Status), temporary: retry, retryAfter: after}
}

// acceptHeader asks for articles first, then feeds and sitemaps.
const acceptHeader = "text/html,application/xhtml+xml,text/plain;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/xml;q=0.7,*/*;q=0.5"

// articleType is nil when a response of the declared contentType may be an
// article: HTML, XHTML or plain text, or a type that says nothing of the
// content (none, one that cannot be read, or application/octet-stream),
// which is then told by content. Any other type is an error naming it:
// JSON, PDF, images, and XML of every kind, feeds and sitemaps included.
func articleType(contentType string) error {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil && mt == "" {
		return nil
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "binary/octet-stream", "application/unknown":
		return nil
	}
	return fmt.Errorf("the server sent %s, not an article (HTML or text)", mt)
}

// anyType is nil when a response of the declared contentType may be an
// article, a feed or a sitemap, which its content then tells apart: the
// types articleType takes, XML, RSS, Atom, JSON and gzip.
func anyType(contentType string) error {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case articleType(contentType) == nil, strings.HasSuffix(mt, "/xml"), strings.HasSuffix(mt, "+xml"),
		strings.HasSuffix(mt, "json"), mt == "application/gzip", mt == "application/x-gzip":
		return nil
	}
	return fmt.Errorf("the server sent %s, not an article (HTML or text), a feed or a sitemap", mt)
}

// kindOfContentType uses the declared type, and the content when the type
// says nothing useful.
func kindOfContentType(contentType string, data []byte) Kind {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "text/html", mt == "application/xhtml+xml":
		return HTML
	case mt == "text/plain":
		return Text
	}
	return Sniff(data)
}

// Sniff tells HTML from plain text by content: a document is HTML when,
// after white space and a byte-order mark, it starts with a tag or holds one
// of the tags that every page has in its first kilobytes.
func Sniff(data []byte) Kind {
	head := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := strings.ToLower(string(head))
	if strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html") || strings.HasPrefix(lower, "<?xml") && strings.Contains(lower, "<html") {
		return HTML
	}
	for _, tag := range []string{"<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta ", "<title>"} {
		if strings.Contains(lower, tag) && strings.HasPrefix(lower, "<") {
			return HTML
		}
	}
	if http.DetectContentType(head) == "text/html; charset=utf-8" {
		return HTML
	}
	return Text
}
