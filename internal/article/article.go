// Package article finds an article's body text and metadata in a web page,
// or takes them from plain text.
//
// For HTML, metadata comes from JSON-LD first, then OpenGraph and other meta
// tags, then the page itself (its <title>, <h1>, bylines and <time>
// elements). The body is the block of the page that holds the most prose,
// found after boilerplate (navigation, share bars, comments, related links)
// is removed; its paragraphs are separated by a blank line.
package article

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Article is an article's text and metadata. Empty strings are unknown.
type Article struct {
	Title     string
	Authors   []string
	Published string // YYYY-MM-DD or RFC 3339
	Site      string
	URL       string
	Language  string
	Text      string
}

// FromText takes plain text as an article body, unchanged but for invalid
// UTF-8, which becomes U+FFFD. Its first line is the title when it reads
// like one: short, one sentence, with more text after it.
func FromText(text string) Article {
	text = strings.ToValidUTF8(text, "\uFFFD")
	return Article{Title: titleLine(text), Text: text}
}

// titleLine returns the first line of text when it looks like a headline.
func titleLine(text string) string {
	trimmed := strings.TrimLeft(text, " \t\r\n\uFEFF")
	line, rest, ok := strings.Cut(trimmed, "\n")
	line = strings.TrimSpace(line)
	if !ok || strings.TrimSpace(rest) == "" || line == "" {
		return ""
	}
	if utf8.RuneCountInString(line) > 150 || strings.Contains(strings.TrimSuffix(line, "."), ". ") {
		return ""
	}
	return strings.TrimSuffix(line, ".")
}

// FromHTML extracts the article of a web page. contentType (from an HTTP
// header, may be empty) helps find the character set; pageURL (may be
// empty) is where the page came from.
func FromHTML(data []byte, contentType, pageURL string) (Article, error) {
	doc, err := goquery.NewDocumentFromReader(decoder(data, contentType))
	if err != nil {
		return Article{}, fmt.Errorf("parsing HTML: %w", err)
	}
	m := readMeta(doc, pageURL)
	a := Article{
		Title: m.title(), Authors: m.authors(), Published: m.published(), Site: m.site(),
		URL: m.url(), Language: m.language(),
	}
	a.Text = bodyText(doc, a.Title, m.ld.body)
	a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
	return a, nil
}

// decoder returns a reader of the page as UTF-8. The character set comes
// from a byte-order mark or the Content-Type header when they name one;
// otherwise a page that is valid UTF-8 is read as UTF-8, whatever its meta
// tags say (a mislabelled page is far likelier than Latin-1 text that
// happens to be valid UTF-8); otherwise from the page's meta tags, with
// Windows-1252 as the fallback.
func decoder(data []byte, contentType string) io.Reader {
	enc, _, certain := charset.DetermineEncoding(data, contentType)
	if !certain && utf8.Valid(data) {
		return bytes.NewReader(data)
	}
	if !certain {
		if late := lateMetaCharset(data); late != nil {
			enc = late
		}
	}
	return transform.NewReader(bytes.NewReader(data), enc.NewDecoder())
}

// metaCharset finds a character set declared in a meta tag: <meta
// charset=...> or the charset of a Content-Type given by http-equiv.
var metaCharset = regexp.MustCompile(`(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)

// lateMetaCharset is the encoding that a meta tag in the first 64 KB of the
// page declares, for pages that declare it after the first 1024 bytes,
// which are all that HTML's encoding sniffing reads; nil when there is none.
func lateMetaCharset(data []byte) encoding.Encoding {
	m := metaCharset.FindSubmatch(data[:min(len(data), 64<<10)])
	if m == nil {
		return nil
	}
	enc, _ := charset.Lookup(string(m[1]))
	return enc
}
