package article

import (
	"regexp"
	"sort"
	"time"
)

// publishedKeys are the <meta> names that hold the publication date.
var publishedKeys = []string{"article:published_time", "og:published_time", "og:article:published_time",
	"datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date",
	"article.published", "citation_publication_date", "citation_date", "citation_online_date",
	"cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate", "displaydate", "release_date"}

// modifiedKeys are the <meta> names that hold the date of the last change.
var modifiedKeys = []string{"article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
	"dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "article.updated"}

var (
	publishedKey = regexp.MustCompile(`publish|pub[-_]?date|issued|created|release`)
	notPublished = regexp.MustCompile(`modif|updat|expir|edit|review`)
)

// The window around the headline, in text nodes, where a date shown in the
// page is taken to be the article's: a dateline right at the headline
// outranks the metadata; one a little further is used when the metadata
// have none.
const (
	datelineBefore, datelineAfter = 5, 10
	nearBefore, nearAfter         = 15, 60
)

// published is the publication date, as a date or an RFC 3339 time. In
// order: a date in the address (the metadata's time when it is of that
// day); an unlabelled date shown at the headline
// that is not the metadata's date of change (the metadata's publication
// time is kept when it is within a day of it); the metadata's publication
// date; a date shown near the headline that is not a date of change; the
// metadata's date of change; and the first date the page shows.
func (m *meta) published() string {
	pub := firstNonEmpty(m.metaDate(publishedKeys), normalizeDate(m.ld.published), m.otherPublishedTag(), m.markedPublished())
	mod := firstNonEmpty(normalizeDate(m.ld.modified), m.metaDate(modifiedKeys))
	for _, u := range []string{m.url(), m.pageURL} {
		if d := dateFromURL(u); d != "" && d == dateOnly(pub) {
			return pub
		} else if d != "" {
			return d
		}
	}
	h := m.headlinePos()
	if d := m.dateline(h, pub, mod); d != "" {
		return d
	}
	if pub != "" {
		return pub
	}
	if d := m.shownDate(h, nearBefore, nearAfter, map[string]bool{dateOnly(mod): true}); d != "" {
		return d
	}
	if mod != "" {
		return mod
	}
	if len(m.dates) > 0 {
		return m.dates[0].date
	}
	return ""
}

// dateline returns the unlabelled date shown right at the headline, unless
// it is the date of change mod while the publication date pub differs; pub
// itself when the two are within a day (time zones), or "".
func (m *meta) dateline(h int, pub, mod string) string {
	skip := map[string]bool{}
	if pub != "" && dateOnly(mod) != dateOnly(pub) {
		skip[dateOnly(mod)] = true
	}
	d := m.shownDate(h, datelineBefore, datelineAfter, skip)
	if d != "" && pub != "" && daysApart(pub, d) <= 1 {
		return pub
	}
	return d
}

// daysApart returns how many days apart two dates are, or a large number
// when one is not a date.
func daysApart(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", dateOnly(a))
	tb, err2 := time.Parse("2006-01-02", dateOnly(b))
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// dateOnly returns the YYYY-MM-DD part of a date or time.
func dateOnly(d string) string {
	if len(d) < 10 {
		return ""
	}
	return d[:10]
}

// headlinePos is where the page's headline is, or -1.
func (m *meta) headlinePos() int {
	if h, ok := m.headline(m.metaTitles()); ok {
		return h.pos
	}
	return -1
}

// shownDate returns the date shown closest after the headline, or else
// closest before it, within a window, that is not labelled as a date of
// change and is not one of skip. Without a headline, it is the first such
// date in the page.
func (m *meta) shownDate(h, before, after int, skip map[string]bool) string {
	var cands []pageDate
	for _, d := range m.dates {
		if d.updated || skip[dateOnly(d.date)] || (h >= 0 && (d.pos < h-before || d.pos > h+after)) {
			continue
		}
		cands = append(cands, d)
	}
	if len(cands) == 0 {
		return ""
	}
	sort.SliceStable(cands, func(i, j int) bool { return distance(cands[i].pos, h) < distance(cands[j].pos, h) })
	return cands[0].date
}

// distance ranks a position by how far it is from the headline at h,
// counting positions before the headline as further than those after.
func distance(pos, h int) int {
	switch {
	case h < 0:
		return pos
	case pos >= h:
		return pos - h
	default:
		return 2*(h-pos) + 1
	}
}

// metaDate returns the first date found under one of keys.
func (m *meta) metaDate(keys []string) string {
	for _, k := range keys {
		for _, v := range m.tags[k] {
			if d := normalizeDate(v); d != "" {
				return d
			}
		}
	}
	return ""
}

// markedPublished returns the first date the page's mark-up calls the
// publication date (itemprop=datePublished, class "published").
func (m *meta) markedPublished() string {
	for _, d := range m.dates {
		if d.kind == datePublishedMarkup && !d.updated {
			return d.date
		}
	}
	return ""
}

// otherPublishedTag returns a date from a <meta> whose name speaks of
// publication ("w-published-date", "published") but is not a known one.
func (m *meta) otherPublishedTag() string {
	keys := make([]string, 0, len(m.tags))
	for k := range m.tags {
		if publishedKey.MatchString(k) && !notPublished.MatchString(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return m.metaDate(keys)
}
