package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// feedServer serves an RSS feed of three stories, one from before
// 2026-11-20, a Google News sitemap of two, and the stories.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt", "/gone":
			http.NotFound(w, r)
		case "/broken-rss":
			fmt.Fprintf(w, `<rss version="2.0"><channel><item><link>%s/gone</link></item></channel></rss>`, srv.URL)
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>City</title>
<item><link>%[1]s/bridge</link><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
<item><link>%[1]s/council</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate></item>
<item><link>%[1]s/ferry</link><pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>`, srv.URL)
		case "/news-sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/storm</loc><news:news><news:publication_date>2026-12-01T06:30:00Z</news:publication_date></news:news></url>
<url><loc>%[1]s/bridge</loc><news:news><news:publication_date>2026-11-30T08:00:00Z</news:publication_date></news:news></url></urlset>`, srv.URL)
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><p>%s</p></body></html>", r.URL.Path, article)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFeedCommandLine runs a feed and a news sitemap: each article once, in
// the feed's order, with the feed it came from; --since and --max-articles
// choose which.
func TestFeedCommandLine(t *testing.T) {
	srv := feedServer(t)
	code, out, errs := runCLI(t, "", nil, "--since", "2026-11-20", srv.URL+"/rss", srv.URL+"/news-sitemap.xml")
	recs := records(t, out)
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprint(strings.TrimPrefix(r["source"].(string), srv.URL), " from ", strings.TrimPrefix(fmt.Sprint(r["feed"]), srv.URL)))
	}
	want := "[/bridge from /rss /ferry from /rss /storm from /news-sitemap.xml]"
	if code != ExitOK || fmt.Sprint(got) != want {
		t.Errorf("exit %d, records %v, want %s; stderr %q", code, got, want, errs)
	}
	_, out, _ = runCLI(t, "", nil, "--max-articles", "2", srv.URL+"/rss", srv.URL+"/news-sitemap.xml")
	if recs := records(t, out); len(recs) != 2 || recs[1]["source"] != srv.URL+"/council" {
		t.Errorf("--max-articles 2: %v", recs)
	}
	code, out, _ = runCLI(t, "", nil, "--attempts", "1", srv.URL+"/broken-rss")
	if recs := records(t, out); code != ExitFailed || len(recs) != 1 || recs[0]["feed"] != srv.URL+"/broken-rss" || recs[0]["error"] == nil {
		t.Errorf("an entry that cannot be fetched: exit %d, %v", code, recs)
	}
	_, out, _ = runCLI(t, "", nil, srv.URL+"/bridge")
	if recs := records(t, out); len(recs) != 1 || recs[0]["feed"] != nil {
		t.Errorf("an article named itself has a feed: %v", recs)
	}
}

func TestSinceFlag(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for s, want := range map[string]time.Time{
		"2026-11-30T08:00:00Z": time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC),
		"36h":                  now.Add(-36 * time.Hour),
		"7d":                   now.AddDate(0, 0, -7),
	} {
		if got, err := parseSince(s, now); err != nil || !got.Equal(want) {
			t.Errorf("--since %s: %v, %v; want %v", s, got, err, want)
		}
	}
	if got, err := parseSince("2026-11-30", now); err != nil || got.Format("2006-01-02 15:04") != "2026-11-30 00:00" {
		t.Errorf("--since 2026-11-30: %v, %v", got, err)
	}
	for _, args := range [][]string{{"--since", "last week"}, {"--since", "-3h"}, {"--max-articles", "-1"}} {
		if code, out, errs := runCLI(t, "", nil, args...); code != ExitUsage || out != "" || !strings.Contains(errs, args[0]) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}
