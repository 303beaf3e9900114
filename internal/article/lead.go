package article

import (
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// The lead of an article (its standfirst, intro or summary) often stands
// just before the block that holds the rest of the text, a sibling of it or
// of one of its ancestors, so that the descent to the article's root leaves
// it behind. leadParagraphs takes it back.
const (
	// minLeadMass is the least prose an element before the article's block
	// must hold to be read for a lead.
	minLeadMass = 50
	// minLeadRunes is the least length of a lead paragraph: dates, bylines,
	// labels and reading times, which share a header with the lead, are
	// shorter.
	minLeadRunes = 60
	// leadStepsWithoutHeadline is how many steps of the descent, from its
	// end, are read for a lead when the page has no headline, beyond which
	// the page's own header would come in.
	leadStepsWithoutHeadline = 3
)

// leadParagraphs returns the paragraphs of the lead that the descent along
// path (each child it went into, from the top) left behind: the prose
// elements before each step that come after the headline (of one that holds
// the headline, what follows it) and are not marked as furniture.
func leadParagraphs(body *html.Node, path []*html.Node, pm *proseMap, title string) []string {
	head := pm.headline
	if head == nil && len(path) > leadStepsWithoutHeadline {
		path = path[len(path)-leadStepsWithoutHeadline:]
	}
	var order map[*html.Node]int
	if head != nil {
		order = documentOrder(body)
	}
	var leads []*html.Node
	for _, step := range path {
		var before []*html.Node
		for s := step.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type != html.ElementNode || pm.mass[s] < minLeadMass || markedFurniture(s, pm) {
				continue
			}
			switch {
			case head == nil || order[s] > order[head]:
				before = append([]*html.Node{s}, before...)
			case contains(s, head):
				before = append(following(head, s), before...)
			}
		}
		leads = append(leads, before...)
	}
	var out []string
	for _, p := range paragraphs(leads, title) {
		if utf8.RuneCountInString(p) >= minLeadRunes {
			out = append(out, p)
		}
	}
	return out
}

// titleHeading returns the heading whose text is the title: an <h1>, else an
// <h2> or <h3>, as blogs set a post's title; else the page's first <h1>;
// else nil.
func titleHeading(body *html.Node, title string) *html.Node {
	doc := goquery.NewDocumentFromNode(body)
	for _, tag := range []string{"h1", "h2", "h3"} {
		for _, h := range doc.Find(tag).Nodes {
			if text, _ := textAndLinks(h); title != "" && sameName(text, title) {
				return h
			}
		}
	}
	if h1s := doc.Find("h1").Nodes; len(h1s) > 0 {
		return h1s[0]
	}
	return nil
}

// following returns what follows n inside its ancestor top, in page
// order: n's later siblings, then its parent's, up to top's children.
func following(n, top *html.Node) []*html.Node {
	var out []*html.Node
	for x := n; x != top && x.Parent != nil; x = x.Parent {
		for c := x.NextSibling; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				out = append(out, c)
			}
		}
	}
	return out
}

// documentOrder numbers the nodes under root in the order they stand in the
// page.
func documentOrder(root *html.Node) map[*html.Node]int {
	order := map[*html.Node]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		order[n] = len(order)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return order
}

// contains reports whether n is d or holds it.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}
