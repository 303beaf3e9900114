package article

import (
	"regexp"
	"sort"
	"strings"
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
// day); a date a sentence says the article was first published on; a date
// the page both marks up as its publication date and labels so
// ("Published <time pubdate>"), when the metadata give another day; a date
// shown near the headline when the metadata's only publication date is
// schema.org's and the page does not show it (shownOverSchema); an
// unlabelled date shown at the headline that is not the metadata's date of
// change (the metadata's publication time is kept when it is within a day
// of it); the metadata's publication date; and else fallbackDate. A date
// written in numbers that reads either way ("03/10/2023") is read the way
// that gives the metadata's publication date, when one way does.
func (m *meta) published() string {
	pub := firstNonEmpty(later(m.metaDate(publishedKeys), normalizeDate(m.ld.published)), m.otherPublishedTag(), m.markedPublished())
	mod := firstNonEmpty(normalizeDate(m.ld.modified), m.metaDate(modifiedKeys))
	if d, ok := m.addressDate(pub); ok {
		return d
	}
	if d := m.statedPublished(); d != "" {
		return d
	}
	if d := m.firstDate(func(d pageDate) bool { return d.kind == datePublishedMarkup && d.posted }); d != "" && dateOnly(d) != dateOnly(pub) {
		return d
	}
	m.settleReadings(dateOnly(pub))
	h := m.headlinePos()
	if d := m.shownOverSchema(h); d != "" {
		return d
	}
	if d := m.dateline(h, pub, mod); d != "" {
		return d
	}
	if pub != "" {
		return pub
	}
	return m.fallbackDate(h, mod)
}

// fallbackDate is the publication date of a page whose metadata give
// none: a date shown near the headline that is not a date of change; else,
// wherever it is, a date shown next to one labelled as a date of change
// ("December 3. Updated: December 7") or one labelled as the publication
// date ("Posted on April 13"); else the metadata's date of change, mod;
// else the first date the page shows.
func (m *meta) fallbackDate(h int, mod string) string {
	if d := m.shownDate(h, nearBefore, nearAfter, map[string]bool{dateOnly(mod): true}); d != "" {
		return d
	}
	if d := m.pairedDate(); d != "" {
		return d
	}
	if d := m.firstDate(func(d pageDate) bool { return d.posted }); d != "" {
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

// firstDate returns the first date the page shows that keep accepts, or "".
func (m *meta) firstDate(keep func(pageDate) bool) string {
	for _, d := range m.dates {
		if keep(d) {
			return d.date
		}
	}
	return ""
}

// pairSlack is how many text nodes apart a date of publication and one of
// change can be and still be shown as a pair.
const pairSlack = 2

// pairedDate returns the first date the page shows, not labelled as one of
// change, that stands next to a different date labelled as one of change,
// or "".
func (m *meta) pairedDate() string {
	for _, d := range m.dates {
		if d.updated {
			continue
		}
		for _, u := range m.dates {
			if u.updated && dateOnly(u.date) != dateOnly(d.date) && u.pos >= d.pos-pairSlack && u.pos <= d.pos+pairSlack {
				return d.date
			}
		}
	}
	return ""
}

// later returns the later of two publication dates from the metadata, a
// when they are of the same day, or the one that is not empty. Where a
// page's <meta> tags and its JSON-LD disagree, the article has mostly been
// published again and one of them was left as it was.
func later(a, b string) string {
	if a == "" || dateOnly(b) > dateOnly(a) {
		return b
	}
	return a
}

// addressDate returns the date written into the page's address, or pub
// when it is of that day; ok is false when the address has no date.
func (m *meta) addressDate(pub string) (d string, ok bool) {
	for _, u := range []string{m.url(), m.pageURL} {
		if d := dateFromURL(u); d != "" && d == dateOnly(pub) {
			return pub, true
		} else if d != "" {
			return d, true
		}
	}
	return "", false
}

// statedPublished returns the first date a sentence of the page says the
// article was first published on, or "". A page that also shows a date
// labelled as its publication date ("Posted on") has been published again
// since, and that label is kept to.
func (m *meta) statedPublished() string {
	stated := ""
	for _, d := range m.dates {
		if d.posted {
			return ""
		}
		if d.kind == dateStated && stated == "" {
			stated = d.date
		}
	}
	return stated
}

// settleReadings reads each page date written in numbers that reads either
// way ("03/10/2023") the way that gives ref, when one way does.
func (m *meta) settleReadings(ref string) {
	for i, d := range m.dates {
		if ref != "" && d.alt == ref {
			m.dates[i].date, m.dates[i].alt = d.alt, d.date
		}
	}
}

// shownOverSchema returns the date shown nearest the headline when the
// metadata's only publication date is schema.org's (JSON-LD or microdata
// datePublished) and no date shown near the headline is of its day; a date
// not labelled as one of change is preferred. It returns "" otherwise.
// Such a schema.org date is often one a site's template or SEO plugin
// wrote, while the page shows the date its editors chose, even when that
// is labelled "Updated". (OpenGraph's article:published_time, by
// contrast, is kept over a shown date of change.)
func (m *meta) shownOverSchema(h int) string {
	pub := dateOnly(m.schemaPublished())
	if pub == "" {
		return ""
	}
	if m.nearest(h, nearBefore, nearAfter, func(d pageDate) bool { return dateOnly(d.date) == pub }) != "" {
		return ""
	}
	if d := m.shownDate(h, nearBefore, nearAfter, nil); d != "" {
		return d
	}
	return m.nearest(h, nearBefore, nearAfter, func(pageDate) bool { return true })
}

// schemaNames are the <meta> names (itemprop) of schema.org's dates of
// publication.
var schemaNames = map[string]bool{"datepublished": true, "datecreated": true}

// schemaPublished returns the publication date of the page's schema.org
// data (JSON-LD, or else microdata), or "" when there is none or when
// another <meta> gives a publication date too.
func (m *meta) schemaPublished() string {
	var others []string
	for k := range m.tags {
		if !isSchemaName(k) && (isPublishedKey(k) || publishedKey.MatchString(k) && !notPublished.MatchString(k)) {
			others = append(others, k)
		}
	}
	if m.metaDate(others) != "" {
		return ""
	}
	return firstNonEmpty(normalizeDate(m.ld.published), m.metaDate([]string{"datepublished", "datecreated"}))
}

// isSchemaName reports whether a <meta> name is made only of schema.org
// date names ("datecreated datepublished").
func isSchemaName(k string) bool {
	for _, w := range strings.Fields(k) {
		if !schemaNames[w] {
			return false
		}
	}
	return k != ""
}

// isPublishedKey reports whether k is one of publishedKeys.
func isPublishedKey(k string) bool {
	for _, p := range publishedKeys {
		if p == k {
			return true
		}
	}
	return false
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
	return m.nearest(h, before, after, func(d pageDate) bool { return !d.updated && !skip[dateOnly(d.date)] })
}

// nearest returns the date that keep accepts shown closest after the
// headline at h, or else closest before it, within a window; without a
// headline, the first in the page. It returns "" when there is none.
func (m *meta) nearest(h, before, after int, keep func(pageDate) bool) string {
	best := -1
	for i, d := range m.dates {
		if !keep(d) || (h >= 0 && (d.pos < h-before || d.pos > h+after)) {
			continue
		}
		if best < 0 || distance(d.pos, h) < distance(m.dates[best].pos, h) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return m.dates[best].date
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
