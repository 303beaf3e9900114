package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// maxRetryWait bounds a wait between attempts when there is no deadline.
const maxRetryWait = time.Minute

// attempts is the number of attempts in force.
func (r *Reader) attempts() int {
	if r.opts.Attempts <= 0 {
		return DefaultAttempts
	}
	return r.opts.Attempts
}

// retryWait reports whether to try again after attempt n failed with err,
// and how long to wait first: what the server's Retry-After asks, or else
// (a failure of the network, or a Retry-After of none or 0) a backoff that
// doubles with each attempt. It does not retry when the wait would end past
// the deadline.
func (r *Reader) retryWait(ctx context.Context, n int, err error) (time.Duration, bool) {
	var ae *attemptError
	if !errors.As(err, &ae) || !ae.temporary || n >= r.attempts() || ctx.Err() != nil {
		return 0, false
	}
	wait := r.backoff(n)
	if ae.retryAfter > 0 {
		wait = ae.retryAfter
	}
	if deadline, ok := ctx.Deadline(); ok {
		return wait, time.Until(deadline) > wait
	}
	return min(wait, maxRetryWait), true
}

// backoff is the wait after failed attempt n: Options.Backoff doubled n-1
// times, less up to a half at random so that goroutines spread out.
func (r *Reader) backoff(n int) time.Duration {
	base := r.opts.Backoff
	if base <= 0 {
		base = DefaultBackoff
	}
	d := min(base<<min(n-1, 16), maxRetryWait)
	return d/2 + rand.N(d/2+1)
}

// sleep waits for d, reporting false when ctx ends first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// fetchError says why fetching url failed after n attempts, last being the
// last failure other than the deadline, if any.
func (r *Reader) fetchError(ctx context.Context, url string, n int, last error) error {
	var ae *attemptError
	errors.As(last, &ae)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) && errors.Is(last, context.DeadlineExceeded):
		return fmt.Errorf("fetching %s: no answer within %s (see --timeout)", url, r.opts.Timeout)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("fetching %s: %w, and no better answer within %s (see --timeout; %d attempts)", url, last, r.opts.Timeout, n)
	case ctx.Err() != nil:
		return fmt.Errorf("fetching %s: %w", url, ctx.Err())
	case ae != nil && ae.temporary && n < r.attempts():
		return fmt.Errorf("fetching %s: %w; not tried again, as %s would pass the timeout of %s (see --timeout)", url, last, ae.waitText(), r.opts.Timeout)
	case ae != nil && ae.temporary:
		return fmt.Errorf("fetching %s: %w (gave up after %d attempts)", url, last, n)
	}
	return fmt.Errorf("fetching %s: %w", url, last)
}

// waitText describes the wait before the next attempt.
func (e *attemptError) waitText() string {
	if e.retryAfter > 0 {
		return fmt.Sprintf("the wait it asked for (Retry-After: %s)", e.retryAfter)
	}
	return "the wait"
}

// parseRetryAfter reads a Retry-After header: a number of seconds, or an
// HTTP date, as a wait from now.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// temporary reports whether a network error may pass on another attempt: a
// connection refused, reset or cut short, a network timeout, or a DNS
// failure other than "no such host". Reaching the deadline is not one.
func temporary(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTimeout || dnsErr.IsTemporary
	}
	for _, target := range []error{io.ErrUnexpectedEOF, io.EOF, syscall.ECONNRESET, syscall.ECONNREFUSED, syscall.ECONNABORTED, syscall.EPIPE} {
		if errors.Is(err, target) {
			return true
		}
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// unwrapURLError drops the method and URL that net/http puts before an
// error, as the caller names the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
