package article

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// meta is everything a page says about itself, gathered once.
type meta struct {
	ld        linkedData
	tags      map[string]string // meta name/property/itemprop (lower case) -> content
	pageTitle string            // <title>
	h1        string
	htmlLang  string
	canonical string
	pageURL   string
	bylines   []string
	times     []string
}

// readMeta gathers the metadata of a page.
func readMeta(doc *goquery.Document, pageURL string) *meta {
	m := &meta{ld: readLinkedData(doc), tags: map[string]string{}, pageURL: pageURL}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content := strings.TrimSpace(s.AttrOr("content", ""))
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			if k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, ""))); k != "" {
				if _, seen := m.tags[k]; !seen {
					m.tags[k] = content
				}
			}
		}
	})
	m.pageTitle = clean(doc.Find("title").First().Text())
	m.h1 = clean(doc.Find("h1").First().Text())
	m.htmlLang = strings.TrimSpace(doc.Find("html").AttrOr("lang", ""))
	m.canonical = strings.TrimSpace(doc.Find(`link[rel="canonical"]`).AttrOr("href", ""))
	doc.Find(`[rel="author"], [itemprop="author"], .byline, .author, .author-name, .byline-name`).Each(func(_ int, s *goquery.Selection) {
		if t := clean(s.Text()); t != "" && len(t) < 200 {
			m.bylines = append(m.bylines, t)
		}
	})
	doc.Find("time[datetime]").Each(func(_ int, s *goquery.Selection) {
		m.times = append(m.times, s.AttrOr("datetime", ""))
	})
	return m
}

func (m *meta) tag(keys ...string) string {
	for _, k := range keys {
		if v := m.tags[k]; v != "" {
			return v
		}
	}
	return ""
}

// title is the headline without the site's name.
func (m *meta) title() string {
	for _, t := range []string{m.ld.headline, m.tag("og:title", "twitter:title"), m.h1, m.pageTitle} {
		if t = clean(t); t != "" {
			return stripSiteName(t, m.site())
		}
	}
	return ""
}

var titleSeparators = []string{" | ", " - ", " — ", " – ", " :: ", " · ", " // "}

// stripSiteName removes a site name added before or after a title.
func stripSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		first, last := parts[0], parts[len(parts)-1]
		switch {
		case site != "" && sameName(last, site):
			return strings.Join(parts[:len(parts)-1], sep)
		case site != "" && sameName(first, site):
			return strings.Join(parts[1:], sep)
		case len(parts) == 2 && len(strings.Fields(last)) <= 4 && (sep == " | " || len(last) < len(first)/2):
			return first
		}
	}
	return title
}

func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(s), "The ")), ""))
	}
	na, nb := norm(a), norm(b)
	return na != "" && (na == nb || strings.Contains(na, nb) || strings.Contains(nb, na))
}

// authors are the article's authors as a clean list of names.
func (m *meta) authors() []string {
	if len(m.ld.authors) > 0 {
		return cleanAuthors(m.ld.authors, m.site())
	}
	for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"} {
		if v := m.tags[k]; v != "" && !looksLikeURL(v) {
			return cleanAuthors([]string{v}, m.site())
		}
	}
	if len(m.bylines) > 0 {
		return cleanAuthors(m.bylines[:1], m.site())
	}
	return nil
}

var (
	byPrefix    = regexp.MustCompile(`(?i)^\s*(written\s+)?by[:\s]+`)
	authorSplit = regexp.MustCompile(`\s*(?:,|;|&|\band\b|\|)\s*`)
	dateLike    = regexp.MustCompile(`\d{1,4}[/.-]\d{1,2}|\b(19|20)\d\d\b|(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d`)
	staffWords  = regexp.MustCompile(`(?i)^(staff|staff writer|editors?|editorial( board| staff)?|admin|newsroom|reporter|contributor|guest|team|wire|wires|agencies|news desk)$`)
)

// cleanAuthors turns bylines into names: no "By", dates, roles, URLs or the
// site's own name, and one name per entry.
func cleanAuthors(raw []string, site string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		r = byPrefix.ReplaceAllString(clean(r), "")
		if i := dateLike.FindStringIndex(r); i != nil {
			r = r[:i[0]]
		}
		for _, name := range authorSplit.Split(r, -1) {
			name = strings.Trim(strings.TrimSpace(name), ".,;:-–— ")
			switch {
			case name == "", len(name) > 60, looksLikeURL(name), strings.Contains(name, "@"),
				staffWords.MatchString(name), site != "" && sameName(name, site), seen[strings.ToLower(name)]:
				continue
			}
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	return out
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// published is the publication date, as a date or an RFC 3339 time.
func (m *meta) published() string {
	candidates := []string{m.ld.published, m.tag("article:published_time", "og:published_time",
		"datepublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
		"dc.date.issued", "dc.date", "date", "article.published", "cxenseparse:recs:publishtime")}
	candidates = append(candidates, m.times...)
	for _, c := range candidates {
		if d := normalizeDate(c); d != "" {
			return d
		}
	}
	for _, u := range []string{m.url(), m.pageURL} {
		if d := dateFromURL(u); d != "" {
			return d
		}
	}
	return ""
}

// site is the publication's name.
func (m *meta) site() string {
	for _, s := range []string{m.tag("og:site_name"), m.ld.publisher, m.tag("application-name", "twitter:site")} {
		if s = strings.TrimPrefix(clean(s), "@"); s != "" {
			return s
		}
	}
	if u, err := url.Parse(m.url()); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}

// url is the page's canonical address.
func (m *meta) url() string {
	for _, u := range []string{m.canonical, m.tag("og:url"), m.ld.url, m.pageURL} {
		if u = strings.TrimSpace(u); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return u
		}
	}
	return ""
}

// language is the page's primary language subtag, such as "en".
func (m *meta) language() string {
	for _, l := range []string{m.htmlLang, m.tag("content-language", "og:locale", "language"), m.ld.language} {
		if p := primaryLanguage(l); p != "" {
			return p
		}
	}
	return ""
}

func primaryLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_, "); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// clean folds runs of white space into one space and trims.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
