package input

import (
	"context"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/url"
	"os"
	"sync"
)

// List calls yield for every input that in names, in order, as Sources does
// for args; when in names no input at all, standard input is read. A URL,
// and a file named by in, that holds a feed or a sitemap (told by content)
// yields the pages it links to instead, each fetched when its Source is
// loaded, and a sitemap index the pages of its sitemaps. A list that cannot
// be read, or a line of it that is too long, yields an error naming it, and
// the listing goes on. The listing stops when ctx ends or yield returns
// false.
//
// All gives the same listing as an iterator.
func (r *Reader) List(ctx context.Context, in Inputs, yield func(Source, error) bool) {
	if len(in.Args) == 0 && len(in.Lists) == 0 {
		in.Args = []string{"-"}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	l := &lister{r: r, in: in, seen: map[string]bool{}, yield: limited(in.MaxArticles, yield)}
	if in.Skip != nil {
		l.yield = skipping(in.Skip, l.yield)
	}
	ahead := in.Ahead
	if ahead <= 0 {
		ahead = DefaultAhead
	}
	queue := make(chan *pending, ahead-1)
	wg.Go(func() { l.fetchAhead(ctx, &wg, queue) })
	for p := range queue {
		if ctx.Err() != nil || !l.take(ctx, p) {
			return
		}
	}
}

// lister is the state of one listing.
type lister struct {
	r     *Reader
	in    Inputs
	seen  map[string]bool // the pages and sitemaps that lists linked to so far
	yield func(Source, error) bool
}

// pending is one input in the queue: for a URL, its fetch under way.
type pending struct {
	arg     string
	err     error            // the input could not be listed
	fetched chan fetchResult // for a URL: its document, once fetched
}

// fetchResult is the outcome of a fetch.
type fetchResult struct {
	doc Document
	err error
}

// fetchAhead queues the inputs in order, starting the fetch of each URL as
// it is queued, so that as many are fetched at once as the queue holds.
func (l *lister) fetchAhead(ctx context.Context, wg *sync.WaitGroup, queue chan<- *pending) {
	defer close(queue)
	for arg, err := range l.in.names(l.r.stdin) {
		p := &pending{arg: arg, err: err}
		if err == nil && l.done(arg) {
			continue // not even fetched or opened
		}
		if err == nil && isURL(arg) {
			p.fetched = make(chan fetchResult, 1)
			wg.Go(func() { p.fetched <- l.fetchWithin(ctx, arg) })
		}
		select {
		case queue <- p:
		case <-ctx.Done():
			return
		}
	}
}

// fetchWithin fetches a URL that the inputs name, within in.TimeLimit.
func (l *lister) fetchWithin(ctx context.Context, link string) fetchResult {
	if l.in.TimeLimit <= 0 {
		doc, err := l.r.fetch(ctx, link, anyType)
		return fetchResult{doc, err}
	}
	lctx, cancel := context.WithTimeout(ctx, l.in.TimeLimit)
	defer cancel()
	doc, err := l.r.fetch(lctx, link, anyType)
	if err != nil && ctx.Err() == nil && lctx.Err() != nil {
		err = fmt.Errorf("%s: gave up after %s (see --article-timeout)", NameOf(link), l.in.TimeLimit)
	}
	return fetchResult{doc, err}
}

// done reports whether arg names an input that in.Skip passes over.
func (l *lister) done(arg string) bool {
	return l.in.Skip != nil && arg != "-" && !IsContainer(arg) && l.in.Skip(NameOf(arg))
}

// take lists one queued input.
func (l *lister) take(ctx context.Context, p *pending) bool {
	name := NameOf(p.arg)
	switch {
	case p.err != nil:
		return l.yield(Source{Name: name}, p.err)
	case p.fetched == nil:
		return l.local(ctx, p.arg)
	}
	var resp fetchResult
	select {
	case resp = <-p.fetched:
	case <-ctx.Done():
		return false
	}
	if resp.err != nil {
		return l.yield(Source{Name: name}, resp.err)
	}
	resp.doc.Source = name
	return l.document(ctx, resp.doc, false, 0)
}

// document lists a fetched document: the pages it links to when it is a
// feed or a sitemap, else itself, an article, unless onlyList.
func (l *lister) document(ctx context.Context, doc Document, onlyList bool, depth int) bool {
	kind := listKindOf(doc.Data)
	switch {
	case kind != notAList:
		return l.expandList(ctx, doc, kind, depth)
	case onlyList:
		return l.yield(Source{Name: doc.Source}, fmt.Errorf("%s: not a sitemap, though a sitemap index lists it", doc.Source))
	}
	if articleType(doc.ContentType) != nil {
		mt, _, _ := mime.ParseMediaType(doc.ContentType)
		return l.yield(Source{Name: doc.Source}, fmt.Errorf("the server sent %s, not an article (HTML or text), a feed or a sitemap", mt))
	}
	return l.yield(loaded(doc), nil)
}

// local lists a path or standard input. A file of one document, or
// standard input, that is a feed or a sitemap yields the pages it lists.
func (l *lister) local(ctx context.Context, arg string) bool {
	if arg == "-" {
		return l.r.stdinSources(l.yield, func(doc Document) bool { return l.document(ctx, doc, false, 0) })
	}
	info, err := os.Stat(arg)
	if err != nil || !info.Mode().IsRegular() || IsContainer(arg) {
		return l.r.expand(arg, l.yield)
	}
	f, err := os.Open(arg)
	if err != nil {
		return l.r.expand(arg, l.yield)
	}
	defer f.Close()
	head, err := l.r.readAll(io.LimitReader(f, sniffLimit))
	if err != nil || listKindOf(head) == notAList {
		return l.r.expand(arg, l.yield)
	}
	name := NameOf(arg)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return l.yield(Source{Name: name}, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err)))
	}
	data, err := l.r.readAll(f)
	if err != nil {
		return l.yield(Source{Name: name}, fmt.Errorf("reading %s: %w", name, err))
	}
	return l.document(ctx, Document{Source: name, Data: data}, false, 0)
}

// maxSitemapDepth is how deep sitemap indexes may nest.
const maxSitemapDepth = 3

// expandList yields the pages that a feed or sitemap lists, in its order,
// and the pages of the sitemaps that a sitemap index lists, each fetched in
// its turn. Entries published before in.Since, and pages listed before, are
// passed over.
func (l *lister) expandList(ctx context.Context, doc Document, kind listKind, depth int) bool {
	var base *url.URL
	if doc.URL != "" {
		base, _ = url.Parse(doc.URL)
	}
	l.seen[doc.Source] = true
	entries, err := parseList(kind, doc.Data, base)
	for i, e := range entries {
		if !l.in.Since.IsZero() && !e.published.IsZero() && e.published.Before(l.in.Since) {
			continue
		}
		ok := true
		switch {
		case !isURL(e.url):
			n := fmt.Sprintf("%s:%d", doc.Source, i+1)
			ok = l.yield(Source{Name: n}, fmt.Errorf("%s: entry %d of the %s has no http(s) link: %q", doc.Source, i+1, kind, e.url))
		case l.seen[e.url]:
		case kind == sitemapIndex:
			l.seen[e.url] = true
			ok = l.sitemap(ctx, e.url, doc.Source, depth)
		default:
			l.seen[e.url] = true
			ok = l.yield(l.page(e.url, doc.Source), nil)
		}
		if !ok || ctx.Err() != nil {
			return false
		}
	}
	if err != nil {
		return l.yield(Source{Name: doc.Source}, fmt.Errorf("%s: %w", doc.Source, err))
	}
	return true
}

// sitemap fetches and lists a sitemap that the sitemap index named index
// lists.
func (l *lister) sitemap(ctx context.Context, link, index string, depth int) bool {
	name := NameOf(link)
	if depth >= maxSitemapDepth {
		return l.yield(Source{Name: name}, fmt.Errorf("%s: sitemap indexes nested more than %d deep, from %s", name, maxSitemapDepth, index))
	}
	if l.done(link) {
		return true
	}
	doc, err := l.r.fetch(ctx, link, anyType)
	if err != nil {
		return l.yield(Source{Name: name}, err)
	}
	doc.Source = name
	return l.document(ctx, doc, true, depth+1)
}

// Page is the Source of the web page at link, fetched when it is loaded,
// within the context given to Load: one article, so a feed or sitemap at
// link is refused rather than expanded (List expands them). The extract
// server reads a URL it is given this way, inside the request's time limit.
func (r *Reader) Page(link string) Source {
	return Source{Name: NameOf(link), load: func(ctx context.Context) (Document, error) {
		return r.fetch(ctx, link, articleType)
	}}
}

// All is List as an iterator, for a range loop:
//
//	for src, err := range reader.All(ctx, input.Inputs{Args: args}) {
//		if err != nil { ... } // an input that cannot be listed
//		rec := x.FromSource(ctx, src)
//	}
func (r *Reader) All(ctx context.Context, in Inputs) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) { r.List(ctx, in, yield) }
}

// page is the Source of a page that the list named feed links to, fetched
// when it is loaded.
func (l *lister) page(link, feed string) Source {
	src := l.r.Page(link)
	src.Feed = feed
	return src
}

// skipping passes on to yield the sources that skip does not name.
func skipping(skip func(string) bool, yield func(Source, error) bool) func(Source, error) bool {
	return func(src Source, err error) bool {
		if err == nil && skip(src.Name) {
			return true
		}
		return yield(src, err)
	}
}

// limited passes on to yield the first max sources (all when max is 0),
// then stops the listing.
func limited(max int, yield func(Source, error) bool) func(Source, error) bool {
	n := 0
	return func(src Source, err error) bool {
		n++
		return yield(src, err) && (max <= 0 || n < max)
	}
}
