package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// listKind is what a document lists, if anything.
type listKind int

const (
	notAList     listKind = iota // an article, or something else
	feedList                     // an RSS, Atom or JSON feed: its entries' links
	sitemapList                  // a sitemap (urlset): its pages
	sitemapIndex                 // a sitemap index: its sitemaps
)

func (k listKind) String() string {
	switch k {
	case feedList:
		return "feed"
	case sitemapList:
		return "sitemap"
	case sitemapIndex:
		return "sitemap index"
	}
	return "document"
}

// entry is one link that a feed or sitemap gives.
type entry struct {
	url       string
	published time.Time // zero when the list gives no date
}

// sniffLimit is how much of a document is read to tell a list from an
// article.
const sniffLimit = 4096

// listKindOf tells by content whether data, the start of a document, is a
// feed (RSS or Atom, as gofeed detects them, or JSON Feed, which names its
// version) or a sitemap or sitemap index (by its root element).
func listKindOf(data []byte) listKind {
	head := data[:min(len(data), sniffLimit)]
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return feedList
	case gofeed.FeedTypeJSON: // any JSON object, to gofeed
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return feedList
		}
		return notAList
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.Strict = false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return notAList
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "urlset":
				return sitemapList
			case "sitemapindex":
				return sitemapIndex
			}
			return notAList
		case xml.CharData:
			if len(bytes.TrimSpace(bytes.TrimPrefix(t, []byte("\ufeff")))) > 0 {
				return notAList
			}
		}
	}
}

// parseList reads the entries of a list of the given kind. Relative links
// are resolved against base, when there is one.
func parseList(kind listKind, data []byte, base *url.URL) ([]entry, error) {
	var entries []entry
	var err error
	if kind == feedList {
		entries, err = parseFeed(data, &base)
	} else {
		entries, err = parseSitemap(data, kind)
	}
	if err != nil {
		return nil, err
	}
	for i, e := range entries {
		entries[i].url = resolveLink(e.url, base)
	}
	return entries, nil
}

// parseFeed reads the links of a feed's entries, with gofeed: an entry's
// link, or its id when that is a URL (RSS's guid isPermaLink), and the
// date it was published (or updated, when that alone is given). When
// *base is nil, as for a feed read from a file, the site's address that
// the feed gives takes its place.
func parseFeed(data []byte, base **url.URL) ([]entry, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a feed that can be read: %w", err)
	}
	if site, err := url.Parse(strings.TrimSpace(feed.Link)); *base == nil && err == nil && isURL(site.String()) {
		*base = site
	}
	entries := make([]entry, 0, len(feed.Items))
	for _, item := range feed.Items {
		if item == nil {
			continue
		}
		e := entry{url: strings.TrimSpace(item.Link)}
		if e.url == "" && isURL(strings.TrimSpace(item.GUID)) {
			e.url = strings.TrimSpace(item.GUID)
		}
		if item.PublishedParsed != nil {
			e.published = *item.PublishedParsed
		} else if item.UpdatedParsed != nil {
			e.published = *item.UpdatedParsed
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// sitemapURL is one <url> of a sitemap or <sitemap> of a sitemap index;
// news is the Google News extension's <news:news>.
type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod"`
	News    struct {
		PublicationDate string `xml:"publication_date"`
	} `xml:"news"`
}

// parseSitemap reads the <loc> of each <url> of a sitemap, or of each
// <sitemap> of a sitemap index, with the date a Google News sitemap gives
// the page (news:publication_date), else its lastmod.
func parseSitemap(data []byte, kind listKind) ([]entry, error) {
	want := "url"
	if kind == sitemapIndex {
		want = "sitemap"
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var entries []entry
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return entries, nil
		}
		if err != nil {
			return entries, fmt.Errorf("not a %s that can be read: %w", kind, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != want {
			continue
		}
		var u sitemapURL
		if err := dec.DecodeElement(&u, &start); err != nil {
			return entries, fmt.Errorf("not a %s that can be read: %w", kind, err)
		}
		e := entry{url: strings.TrimSpace(u.Loc), published: parseW3CDate(u.News.PublicationDate)}
		if e.published.IsZero() {
			e.published = parseW3CDate(u.Lastmod)
		}
		entries = append(entries, e)
	}
}

// w3cLayouts are the forms of a date in a sitemap (W3C Datetime), and a
// few that sitemaps use besides.
var w3cLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02", "2006-01", "2006",
}

// parseW3CDate reads a sitemap's date; zero when there is none or it cannot
// be read. A date without a zone is taken as UTC.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range w3cLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// resolveLink makes link absolute against base, when it is relative and
// there is a base; it is returned as it is otherwise.
func resolveLink(link string, base *url.URL) string {
	if base == nil || link == "" || isURL(link) {
		return link
	}
	u, err := base.Parse(link)
	if err != nil {
		return link
	}
	return u.String()
}
