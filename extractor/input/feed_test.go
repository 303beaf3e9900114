package input

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rssFeed is an RSS 2.0 feed of three stories: one with a relative link,
// one older, and one whose only link is its guid.
const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>City desk</title><link>https://paper.example/</link>
<item><title>Bridge reopens</title><link>/news/bridge</link><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Old council story</title><link>%[1]s/news/council</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Ferry strike</title><guid isPermaLink="true">%[1]s/news/ferry</guid></item>
</channel></rss>`

// atomFeed is an Atom feed of two entries, one also in rssFeed.
const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sport</title><id>urn:x</id><updated>2026-11-30T10:00:00Z</updated>
<entry><title>Derby</title><id>urn:1</id><link href="%[1]s/sport/derby"/><updated>2026-11-29T21:00:00Z</updated></entry>
<entry><title>Bridge reopens</title><id>urn:2</id><link rel="alternate" href="%[1]s/news/bridge"/><published>2026-11-30T08:00:00Z</published></entry>
</feed>`

// sitemapIndexXML lists a gzipped sitemap, a Google News sitemap, and a
// sitemap last changed before the date the test asks for.
const sitemapIndexXML = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-pages.xml.gz</loc><lastmod>2026-11-30</lastmod></sitemap>
<sitemap><loc>%[1]s/news-sitemap.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap-2019.xml</loc><lastmod>2019-12-31T23:00:00+00:00</lastmod></sitemap>
</sitemapindex>`

const pagesSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/about</loc><lastmod>2026-12-01</lastmod></url>
<url><loc> %[1]s/news/bridge </loc></url>
<url><loc>%[1]s/archive/2020</loc><lastmod>2020-01-05</lastmod></url>
</urlset>`

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/storm</loc><news:news><news:publication><news:name>Paper</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-12-01T06:30:00+01:00</news:publication_date><news:title>Storm</news:title></news:news></url>
<url><loc>%[1]s/news/election</loc><lastmod>2026-12-01</lastmod><news:news><news:publication_date>2026-11-01</news:publication_date></news:news></url>
</urlset>`

// newsServer serves the feeds and sitemaps above, and a page for every
// other path; it counts the requests for pages.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var pages atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ctype := "", "application/xml"
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/feed.rss":
			body, ctype = rssFeed, "application/rss+xml"
		case "/atom":
			body, ctype = atomFeed, "application/atom+xml; charset=utf-8"
		case "/sitemap.xml":
			body = sitemapIndexXML
		case "/sitemap-pages.xml.gz":
			w.Header().Set("Content-Type", "application/x-gzip")
			w.Write(gzipped(t, []byte(fmt.Sprintf(pagesSitemap, srv.URL))))
			return
		case "/news-sitemap.xml":
			body, ctype = newsSitemap, "text/xml"
		case "/sitemap-2019.xml":
			t.Errorf("a sitemap last changed before --since was fetched")
		case "/data.xml":
			body = `<?xml version="1.0"?><prices><price>3</price></prices>`
		default:
			pages.Add(1)
			body, ctype = "<html><body><p>The story at "+r.URL.Path+".</p></body></html>", "text/html"
		}
		w.Header().Set("Content-Type", ctype)
		fmt.Fprintf(w, body, srv.URL)
	}))
	t.Cleanup(srv.Close)
	return srv, &pages
}

func TestFeedsAndSitemaps(t *testing.T) {
	srv, _ := newsServer(t)
	u := srv.URL
	since := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	got := listAll(NewReader(DefaultOptions(), nil), Inputs{Args: []string{u + "/feed.rss", u + "/atom", u + "/sitemap.xml", u + "/data.xml", u + "/story"}, Since: since})
	want := []string{
		u + "/news/bridge", u + "/news/ferry", // the council story is older than since
		u + "/sport/derby", // the bridge is listed already
		u + "/about",       // from the gzipped sitemap; the 2020 archive is older
		u + "/news/storm",  // from the news sitemap; the election was published before since
		u + "/data.xml",    // XML that lists nothing
		u + "/story",       // an article named itself
	}
	if diff := cmp.Diff(want, names(got)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	feeds := []string{u + "/feed.rss", u + "/feed.rss", u + "/atom", u + "/sitemap-pages.xml.gz", u + "/news-sitemap.xml"}
	for i, feed := range feeds {
		if got[i].err != nil || got[i].feed != feed || !strings.Contains(string(got[i].doc.Data), "The story at") {
			t.Errorf("%s: feed %q, error %v; want feed %s", got[i].name, got[i].feed, got[i].err, feed)
		}
	}
	if err := errText(got[5].err); !strings.Contains(err, "the server sent application/xml, not an article (HTML or text), a feed or a sitemap") {
		t.Errorf("data.xml: %q", err)
	}
	if got[6].err != nil || got[6].feed != "" {
		t.Errorf("story: feed %q, error %v", got[6].feed, got[6].err)
	}
}

// TestMaxArticles stops the listing after N inputs, before fetching more
// pages than that.
func TestMaxArticles(t *testing.T) {
	srv, pages := newsServer(t)
	got := listAll(NewReader(DefaultOptions(), nil), Inputs{Args: []string{srv.URL + "/feed.rss", srv.URL + "/atom"}, MaxArticles: 2})
	want := []string{srv.URL + "/news/bridge", srv.URL + "/news/council"}
	if diff := cmp.Diff(want, names(got)); diff != "" || pages.Load() != 2 {
		t.Errorf("%d pages fetched; names (-want +got):\n%s", pages.Load(), diff)
	}
}

// TestFeedFile lists a feed and a gzipped sitemap saved as files, told by
// content whatever their names; an entry without a web link is an error
// that names the feed and the entry.
func TestFeedFile(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	feed := writeFile(t, dir, "city", []byte(strings.ReplaceAll(fmt.Sprintf(rssFeed, srv.URL), "https://paper.example/", "")))
	sitemap := writeFile(t, dir, "sitemap.xml.gz", gzipped(t, []byte(fmt.Sprintf(pagesSitemap, srv.URL))))
	page := writeFile(t, dir, "page.xhtml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi.</p></body></html>`))
	got := listAll(NewReader(DefaultOptions(), nil), Inputs{Args: []string{feed, sitemap, page}})
	want := []string{feed + ":1", srv.URL + "/news/council", srv.URL + "/news/ferry", srv.URL + "/about", srv.URL + "/news/bridge", srv.URL + "/archive/2020", page}
	if diff := cmp.Diff(want, names(got)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	if err := errText(got[0].err); !strings.Contains(err, "entry 1 of the feed has no http(s) link") || !strings.Contains(err, feed) {
		t.Errorf("relative link in a file: %q", err)
	}
	site := writeFile(t, dir, "site.rss", []byte(strings.ReplaceAll(fmt.Sprintf(rssFeed, srv.URL), "https://paper.example/", srv.URL+"/")))
	if got := listAll(NewReader(DefaultOptions(), nil), Inputs{Args: []string{site}, MaxArticles: 1}); len(got) != 1 || got[0].name != srv.URL+"/news/bridge" || got[0].err != nil {
		t.Errorf("a relative link in a file resolves against the feed's own link: %v", names(got))
	}
	if got[3].feed != sitemap || got[1].feed != feed {
		t.Errorf("feeds %q and %q", got[1].feed, got[3].feed)
	}
}

// TestSitemapIndexErrors: a sitemap that cannot be fetched, or that is a
// page, gives an error named by its URL, and the other sitemaps go on; an
// index that lists itself is listed once.
func TestSitemapIndexErrors(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/index.xml":
			fmt.Fprintf(w, `<sitemapindex><sitemap><loc>%[1]s/index.xml</loc></sitemap><sitemap><loc>%[1]s/gone.xml</loc></sitemap>
<sitemap><loc>%[1]s/page</loc></sitemap><sitemap><loc>%[1]s/ok.xml</loc></sitemap></sitemapindex>`, srv.URL)
		case "/ok.xml":
			fmt.Fprintf(w, `<urlset><url><loc>%s/a</loc></url></urlset>`, srv.URL)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><p>A page.</p></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	opts := DefaultOptions()
	opts.Attempts = 1
	got := listAll(NewReader(opts, nil), Inputs{Args: []string{srv.URL + "/index.xml"}})
	want := []string{srv.URL + "/gone.xml", srv.URL + "/page", srv.URL + "/a"}
	if diff := cmp.Diff(want, names(got)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	for i, msg := range []string{"404", "not a sitemap"} {
		if err := errText(got[i].err); !strings.Contains(err, msg) {
			t.Errorf("%s: %q, want %q", got[i].name, err, msg)
		}
	}
}

func TestListKindOf(t *testing.T) {
	for _, c := range []struct {
		data string
		want listKind
	}{
		{"\ufeff<?xml version='1.0'?>\n<!-- hi -->\n<rss version='2.0'><channel/></rss>", feedList},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>`, feedList},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, feedList},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, feedList},
		{`{"html": "<p>x</p>"}`, notAList},
		{`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, sitemapList},
		{`<sitemapindex>`, sitemapIndex},
		{`<!DOCTYPE html><html><head><title>Feed</title></head>`, notAList},
		{"A story about an <rss> feed.", notAList},
		{"", notAList},
	} {
		if got := listKindOf([]byte(c.data)); got != c.want {
			t.Errorf("%.40q: %v, want %v", c.data, got, c.want)
		}
	}
}

// TestListStops checks that a listing stops when its context ends, with
// fetches ahead under way.
func TestListStops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	n := 0
	start := time.Now()
	NewReader(DefaultOptions(), nil).List(ctx, Inputs{Args: []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"}}, func(Source, error) bool { n++; return true })
	if time.Since(start) > 5*time.Second || n > 0 {
		t.Errorf("listed %d after %s", n, time.Since(start))
	}
}

// TestFeedOnStdin lists a feed piped to standard input; other documents
// there are read as before.
func TestFeedOnStdin(t *testing.T) {
	srv, _ := newsServer(t)
	feed := fmt.Sprintf(atomFeed, srv.URL)
	got := listAll(NewReader(DefaultOptions(), strings.NewReader("\n"+feed)), Inputs{})
	if diff := cmp.Diff([]string{srv.URL + "/sport/derby", srv.URL + "/news/bridge"}, names(got)); diff != "" || got[0].feed != "-" {
		t.Errorf("feed %q; names (-want +got):\n%s", got[0].feed, diff)
	}
	long := "<p>" + strings.Repeat("A long story. ", 1000) + "</p>"
	got = listAll(NewReader(DefaultOptions(), strings.NewReader(long)), Inputs{Args: []string{"-"}})
	if len(got) != 1 || got[0].name != "-" || string(got[0].doc.Data) != long || got[0].doc.Kind != HTML {
		t.Errorf("a page on standard input: %d sources, %q", len(got), got[0].name)
	}
}

// BenchmarkSitemap50k reads a news sitemap of 50,000 pages, the most the
// sitemap protocol allows in one file.
func BenchmarkSitemap50k(b *testing.B) {
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for i := range 50000 {
		fmt.Fprintf(&s, "<url><loc>https://paper.example/news/%d</loc><news:news><news:publication_date>2026-12-01T06:30:00Z</news:publication_date></news:news></url>\n", i)
	}
	s.WriteString("</urlset>")
	data := []byte(s.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if entries, err := parseList(listKindOf(data), data, nil); err != nil || len(entries) != 50000 {
			b.Fatal(len(entries), err)
		}
	}
}
