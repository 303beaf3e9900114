package article

import (
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// meta is everything a page says about itself, gathered once, before the
// body extraction removes parts of the page.
type meta struct {
	ld        linkedData
	tags      map[string][]string // meta name/property/itemprop (lower case) -> contents, in page order
	pageTitle string              // <title>
	h1s       []headline          // the page's <h1> elements, in page order
	h2s       []headline          // the page's <h2> elements, in page order
	htmlLang  string
	canonical string
	baseHref  string // <base href>
	pageURL   string
	bylines   []byline   // author names found in the page's markup, in page order
	dates     []pageDate // dates found in the page's markup and text, in page order
	texts     []string   // the page's visible text nodes, in page order
}

// readMeta gathers the metadata of a page.
func readMeta(doc *goquery.Document, pageURL string) *meta {
	m := &meta{ld: readLinkedData(doc), tags: readTags(doc), pageURL: pageURL}
	m.pageTitle = cleanMeta(doc.Find("title").First().Text())
	m.htmlLang = strings.TrimSpace(doc.Find("html").AttrOr("lang", ""))
	m.canonical = strings.TrimSpace(doc.Find(`link[rel~="canonical" i]`).AttrOr("href", ""))
	m.baseHref = strings.TrimSpace(doc.Find("base[href]").AttrOr("href", ""))
	pos := textPositions(doc)
	m.h1s = readHeadlines(doc, pos, "h1")
	m.h2s = readHeadlines(doc, pos, "h2")
	m.bylines = readBylines(doc, pos)
	m.dates = readPageDates(doc, pos)
	m.texts = pos.texts
	return m
}

// readTags collects the content of every <meta> by its name, property,
// itemprop or http-equiv, lower-cased. A property or itemprop that lists
// several names ("og:title twitter:title") gives its content to each of
// them too.
func readTags(doc *goquery.Document) map[string][]string {
	tags := map[string][]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content := strings.TrimSpace(s.AttrOr("content", ""))
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, "")))
			if k == "" {
				continue
			}
			tags[k] = append(tags[k], content)
			if names := strings.Fields(k); len(names) > 1 && attr != "name" {
				for _, n := range names {
					tags[n] = append(tags[n], content)
				}
			}
		}
	})
	return tags
}

// tag returns the first value of the first of keys the page has.
func (m *meta) tag(keys ...string) string {
	for _, k := range keys {
		if vs := m.tags[k]; len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// site is the publication's name.
func (m *meta) site() string {
	for _, s := range []string{m.tag("og:site_name"), m.ld.publisher, m.tag("application-name", "apple-mobile-web-app-title")} {
		if s = strings.TrimPrefix(cleanMeta(s), "@"); s != "" {
			return s
		}
	}
	if h := m.host(); h != "" {
		return h
	}
	return strings.TrimPrefix(cleanMeta(m.tag("twitter:site")), "@")
}

// host is the host name of the page's address, without "www.".
func (m *meta) host() string {
	if u, err := url.Parse(m.url()); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// siteNames are the names the publication goes by: its site name,
// publisher, application name, Twitter handle and host name. A "name" that
// is the page's whole title is left out.
func (m *meta) siteNames() []string {
	titles := map[string]bool{}
	for _, t := range []string{m.tag("og:title"), m.tag("twitter:title"), m.pageTitle, m.ld.headline} {
		titles[normName(cleanMeta(t))] = true
	}
	var out []string
	for _, s := range []string{m.tag("og:site_name"), m.ld.publisher, m.tag("application-name"),
		m.tag("apple-mobile-web-app-title"), m.tag("twitter:site"), m.host(), hostLabel(m.host())} {
		if s = strings.TrimPrefix(cleanMeta(s), "@"); s != "" && !titles[normName(s)] {
			out = append(out, s)
		}
	}
	return out
}

// hostLabel returns the part of a host name that names the site, the one
// before its public ending: "supermove" for "blog.supermove.co.uk" and
// "clay" for "clay.global".
func hostLabel(host string) string {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return ""
	}
	country := len(labels[len(labels)-1]) == 2
	labels = labels[:len(labels)-1]
	if n := len(labels); n > 1 && country && (len(labels[n-1]) <= 2 || secondLevel[labels[n-1]]) {
		labels = labels[:n-1]
	}
	return labels[len(labels)-1]
}

// secondLevel are the second-level domains under which sites register in
// some countries ("example.co.uk", "example.com.au").
var secondLevel = map[string]bool{"co": true, "com": true, "org": true, "net": true, "gov": true, "ac": true, "edu": true, "govt": true, "nic": true}

// url is the page's canonical address: the first of its canonical link,
// og:url, JSON-LD url and the address it came from that is an absolute
// web address or, relative, resolves to one against the page's own
// address. Without an absolute address to resolve against, relative ones
// are left unused.
func (m *meta) url() string {
	base := m.base()
	for _, u := range []string{m.canonical, m.tag("og:url"), m.ld.url, m.pageURL} {
		if abs := absoluteURL(u, base); abs != "" {
			return abs
		}
	}
	return ""
}

// base is the page's own address, for resolving relative ones: the
// address it came from, or else the first absolute one among its og:url,
// twitter:url, JSON-LD url, canonical link and <base href>; nil when there
// is none.
func (m *meta) base() *url.URL {
	for _, u := range []string{m.pageURL, m.tag("og:url"), m.tag("twitter:url"), m.ld.url, m.canonical, m.baseHref} {
		if abs := absoluteURL(u, nil); abs != "" {
			b, _ := url.Parse(abs)
			return b
		}
	}
	return nil
}

// absoluteURL returns u when it is an absolute http or https address,
// u resolved against base when it is a relative one ("/news/a",
// "//example.com/a") and base is not nil, and otherwise "". Text with
// spaces is not an address.
func absoluteURL(u string, base *url.URL) string {
	u = strings.TrimSpace(u)
	switch {
	case strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://"):
		return u
	case u == "" || base == nil || strings.ContainsAny(u, " \t\n"):
		return ""
	}
	ref, err := url.Parse(u)
	if err != nil || ref.Scheme != "" {
		return ""
	}
	return base.ResolveReference(ref).String()
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

// primaryLanguage returns the primary subtag of a language tag, or "".
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

// clean folds runs of white space into one space, trims, and drops soft
// hyphens, which only say where a word may break.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00ad", "")), " ")
}

// cleanMeta cleans a metadata value: entities left escaped are decoded,
// also those escaped twice ("&amp;#8217;"), text decoded twice as UTF-8 is
// repaired, and white space is folded.
func cleanMeta(s string) string {
	for i := 0; i < 2 && strings.Contains(s, "&"); i++ {
		s = html.UnescapeString(s)
	}
	return clean(fixMojibake(s))
}

// cp1252 maps the characters Windows-1252 puts in 0x80-0x9F back to their
// bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
	'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

// fixMojibake repairs UTF-8 text that was decoded as Latin-1 or
// Windows-1252 ("Ã©" for "é", "â€™" for "’"). Text that does not turn into
// valid UTF-8 that way is returned unchanged.
func fixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÃÂâÅÐÑ") {
		return s
	}
	b := make([]byte, 0, len(s))
	high := false
	for _, r := range s {
		switch c, ok := cp1252[r]; {
		case ok:
			b = append(b, c)
			high = true
		case r < 0x100:
			b = append(b, byte(r))
			high = high || r >= 0x80
		default:
			return s
		}
	}
	if !high || !utf8.Valid(b) || utf8.RuneCount(b) == utf8.RuneCountInString(s) {
		return s
	}
	return string(b)
}
