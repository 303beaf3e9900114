package article

import (
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// pageIndex numbers the visible text of a page: texts are its text nodes
// in page order, and pos gives for each element the number of text nodes
// before it, so that elements can be compared by where they are. inHeading
// marks the texts that are part of a headline (<h1>), inNav those in the
// site's navigation, and lineStart gives for each text the first text of
// its line: the texts after the last block boundary (a paragraph, heading,
// list item or line break opening or closing) before it.
type pageIndex struct {
	pos       map[*html.Node]int
	texts     []string
	inHeading []bool
	inNav     []bool
	lineStart []int
}

// headings are the elements whose text is a headline, not a dateline,
// even when it holds a date. (Lower headings often hold datelines.)
var headings = map[string]bool{"h1": true}

// invisible are the elements whose text a reader does not see.
var invisible = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"select": true, "option": true, "textarea": true, "button": true, "iframe": true,
}

// textContext is what textPositions knows of the elements around a text.
type textContext struct {
	heading, nav bool
}

// textPositions numbers the visible text nodes of a page. An element that
// holds an <h1> is never navigation, whatever its class
// ("navigation-container" around a whole page).
func textPositions(doc *goquery.Document) *pageIndex {
	idx := &pageIndex{pos: map[*html.Node]int{}}
	headed := headlineHolders(doc)
	line := 0 // the first text of the line being read
	var walk func(n *html.Node, c textContext)
	walk = func(n *html.Node, c textContext) {
		switch n.Type {
		case html.TextNode:
			if t := clean(n.Data); t != "" {
				idx.texts = append(idx.texts, t)
				idx.inHeading = append(idx.inHeading, c.heading)
				idx.inNav = append(idx.inNav, c.nav)
				idx.lineStart = append(idx.lineStart, line)
			}
			return
		case html.ElementNode:
			if invisible[n.Data] {
				return
			}
			idx.pos[n] = len(idx.texts)
			c.heading = c.heading || headings[n.Data]
			c.nav = c.nav || !headed[n] && isNavigation(n)
			if blockTags[n.Data] {
				line = len(idx.texts)
				defer func() { line = len(idx.texts) }()
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k, c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n, textContext{})
	}
	return idx
}

// headlineHolders returns the elements that hold an <h1>.
func headlineHolders(doc *goquery.Document) map[*html.Node]bool {
	headed := map[*html.Node]bool{}
	for _, h := range doc.Find("h1").Nodes {
		for n := h.Parent; n != nil && !headed[n]; n = n.Parent {
			headed[n] = true
		}
	}
	return headed
}

// navWords are the class and id words of a site's navigation.
var navWords = nameSet(`nav navbar navigation menu submenu megamenu menubar dropdown breadcrumb breadcrumbs`)

// layoutWords are class words that describe a layout or a state rather
// than name an element ("nav-below-header", "dropdown-hover",
// "menu-sidebar-slide-left" on <body>).
var layoutWords = nameSet(`has no with without is hidden false true below above left right top bottom
	under over after before beside mobile desktop hover aligned align slide uppercase active open closed
	sticky fixed style`)

// isNavigation reports whether an element is part of the site's
// navigation: a <nav> or <menu>, an element with the role navigation or
// menu, or one with a class or id that names a menu ("nav-link",
// "sub-menu-item"), not a layout ("nav-below-header"), and whose text is
// mostly links. The page's <body>
// and its main and article elements are never navigation.
func isNavigation(n *html.Node) bool {
	switch n.Data {
	case "nav", "menu":
		return true
	case "body", "html", "main", "article":
		return false
	}
	if r := attrOf(n, "role"); r == "navigation" || r == "menu" || r == "menubar" {
		return true
	}
	names := strings.ToLower(attrOf(n, "class") + " " + attrOf(n, "id"))
	if !strings.Contains(names, "nav") && !strings.Contains(names, "menu") && !strings.Contains(names, "dropdown") && !strings.Contains(names, "breadcrumb") {
		return false // most elements; splitting every class into words costs
	}
	for _, token := range strings.Fields(names) {
		if slices.ContainsFunc(classWords(token), func(w string) bool { return navWords[w] }) && !hasLayoutWord(token) {
			return mostlyLinks(n)
		}
	}
	return false
}

// mostlyLinks reports whether most of an element's text is the text of
// links, as in a menu, or it holds little text, as a menu item does; a
// block named a menu that holds an article ("menu-container" around a
// theme's content) is not one.
func mostlyLinks(n *html.Node) bool {
	var all, linked int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch {
		case n.Type == html.TextNode:
			k := len(strings.TrimSpace(n.Data))
			all += k
			if inLink {
				linked += k
			}
		case n.Type == html.ElementNode && invisible[n.Data] && n.Data != "button":
			return
		}
		inLink = inLink || n.Type == html.ElementNode && (n.Data == "a" || n.Data == "button")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return all < maxMenuItemText || 2*linked >= all
}

// maxMenuItemText is the most text, in bytes, an element named a menu may
// hold and be a menu item whether or not its text is a link.
const maxMenuItemText = 200

// classWords splits a class or id into lower-case words at hyphens,
// underscores, digits and the other marks between letters.
func classWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' })
}

// at returns the position of an element, or -1 when it is not visible.
func (p *pageIndex) at(n *html.Node) int {
	if i, ok := p.pos[n]; ok {
		return i
	}
	return -1
}

// navAt reports whether the text at position at is in the site's
// navigation.
func (p *pageIndex) navAt(at int) bool {
	return at >= 0 && at < len(p.inNav) && p.inNav[at]
}

// headline is a heading of the page, where it is, and the address its
// whole text links to, if it does.
type headline struct {
	text string
	pos  int
	link string
}

// readHeadlines returns the page's visible headings of one level ("h1").
func readHeadlines(doc *goquery.Document, p *pageIndex, level string) []headline {
	var out []headline
	doc.Find(level).Each(func(_ int, s *goquery.Selection) {
		at := p.at(s.Nodes[0])
		if t := cleanMeta(headingText(s.Nodes[0])); t != "" && at >= 0 && len(out) < 20 {
			out = append(out, headline{text: t, pos: at, link: wholeLink(s, t)})
		}
	})
	return out
}

// wholeLink returns the address of the link that holds all of a heading's
// text, the heading inside it or it inside the heading, or "".
func wholeLink(s *goquery.Selection, text string) string {
	if a := s.Closest("a[href]"); a.Length() > 0 {
		return strings.TrimSpace(a.AttrOr("href", ""))
	}
	if links := s.Find("a[href]"); links.Length() == 1 && cleanMeta(headingText(links.Nodes[0])) == text {
		return strings.TrimSpace(links.AttrOr("href", ""))
	}
	return ""
}

// headingText returns the text a heading shows: its visible text, with a
// space where a line break or a block inside it parts two lines ("Top MBA
// Programs<br>Your Guide" reads "Top MBA Programs Your Guide", not
// "ProgramsYour").
func headingText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && invisible[n.Data]:
			return
		case n.Type == html.ElementNode && blockTags[n.Data]:
			b.WriteByte(' ')
			defer b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// segments returns the text nodes of an element, each cleaned, in order.
func segments(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if t := cleanMeta(n.Data); t != "" {
				out = append(out, t)
			}
			return
		}
		if n.Type == html.ElementNode && invisible[n.Data] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// classOf returns an element's class and id, lower-cased, for matching.
func classOf(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			b.WriteString(strings.ToLower(a.Val))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// inComments reports whether an element is part of the readers'
// comments: it or an ancestor below <body> has a class or id token that
// holds "comment" and does not describe a layout ("no-comments" on a
// page without them).
func inComments(n *html.Node) bool {
	for ; n != nil && n.Data != "body"; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		for _, token := range strings.Fields(classOf(n)) {
			if strings.Contains(token, "comment") && !hasLayoutWord(token) {
				return true
			}
		}
	}
	return false
}

// hasLayoutWord reports whether a class token has one of layoutWords.
func hasLayoutWord(token string) bool {
	for _, w := range classWords(token) {
		if layoutWords[w] {
			return true
		}
	}
	return false
}
