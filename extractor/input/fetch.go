package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// newClient returns an HTTP client that follows at most opts.MaxRedirects
// redirects.
func newClient(opts Options) *http.Client {
	return &http.Client{
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("more than %d redirects", opts.MaxRedirects)
			}
			return nil
		},
	}
}

// fetch downloads a page, within the timeout and byte limit.
func (r *Reader) fetch(ctx context.Context, url string) (Document, error) {
	if r.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Document{}, fmt.Errorf("fetching %s: %w", url, err)
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return Document{}, fmt.Errorf("fetching %s: no answer within %s (see --timeout)", url, r.opts.Timeout)
		}
		return Document{}, fmt.Errorf("fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return Document{}, fmt.Errorf("fetching %s: the server answered %s", url, resp.Status)
	}
	data, err := r.readAll(resp.Body)
	if err != nil {
		return Document{}, fmt.Errorf("fetching %s: %w", url, err)
	}
	doc := Document{Source: url, URL: resp.Request.URL.String(), Data: data, ContentType: resp.Header.Get("Content-Type")}
	doc.Kind = kindOfContentType(doc.ContentType, data)
	return doc, nil
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
