package article

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Elements that never hold article prose.
const junkSelector = `script, style, noscript, template, svg, canvas, iframe, object, embed, form, button,
	input, select, textarea, nav, footer, aside, header, figure, figcaption, dialog, [hidden],
	[aria-hidden="true"], [role="navigation"], [role="banner"], [role="complementary"],
	[role="contentinfo"], [role="dialog"], [role="alert"]`

// boilerplate matches class and id words of page furniture.
var boilerplate = regexp.MustCompile(`(?i)(^|[\s_-])(comments?|share|sharing|social|related|newsletter|subscribe|subscription|promo|advert|ads?|advertisement|sponsored|cookies?|consent|sidebar|footer|nav|navbar|menu|breadcrumbs?|popup|modal|recirc|recommended|most-popular|trending|tags|author-bio|signup|paywall|outbrain|taboola|disqus|toolbar|pagination|caption|credits?|skip|masthead|banner)($|[\s_-])`)

// lineJunk matches whole lines that are page furniture, not prose.
var lineJunk = regexp.MustCompile(`(?i)^(advertisement|read more|share( this( article| story)?)?|click here.*|sign up.*newsletter.*|related( articles| stories)?:?|more from .{0,40})$`)

// bodyText returns the article's text: the paragraphs of the page block that
// holds the most prose, separated by blank lines. The JSON-LD articleBody,
// when the page has one, is used if the page itself yields much less.
func bodyText(doc *goquery.Document, title, ldBody string) string {
	removeJunk(doc)
	best := bestCandidate(doc)
	var paras []string
	if best != nil {
		paras = paragraphs(best, title)
	}
	text := strings.Join(paras, "\n\n")
	if alt := ldParagraphs(ldBody); len(alt) > 2*len(text) {
		return alt
	}
	return text
}

// removeJunk deletes elements that hold no article prose.
func removeJunk(doc *goquery.Document) {
	doc.Find(junkSelector).Remove()
	doc.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		words := s.AttrOr("class", "") + " " + s.AttrOr("id", "")
		if !boilerplate.MatchString(words) || s.Is("body, html, main, article") {
			return
		}
		// page furniture is small; a large block that merely shares a word is kept
		if len(s.Find("p").Nodes) < 3 || len(s.Text()) < 800 {
			s.Remove()
		}
	})
}

// bestCandidate scores block elements by the paragraphs inside them, as
// readability does: each paragraph of 25 characters or more gives its parent
// a point, one per comma and one per hundred characters (up to three), and
// its grandparent half that. Scores are lowered by the share of link text.
func bestCandidate(doc *goquery.Document) *html.Node {
	scores := map[*html.Node]float64{}
	var order []*html.Node // scored nodes in document order, so ties break the same way each time
	add := func(n *html.Node, score float64) {
		if _, ok := scores[n]; !ok {
			order = append(order, n)
		}
		scores[n] += score
	}
	doc.Find("p, pre, blockquote, li, td, div").Each(func(_ int, s *goquery.Selection) {
		if s.Is("div, li, td") && s.Find("p, div, li").Length() > 0 {
			return // only text-bearing blocks count themselves
		}
		text := clean(s.Text())
		if len(text) < 25 {
			return
		}
		score := 1 + float64(strings.Count(text, ",")) + min(float64(len(text))/100, 3)
		n := s.Nodes[0]
		if p := n.Parent; p != nil {
			add(p, score)
			if g := p.Parent; g != nil {
				add(g, score/2)
			}
		}
	})
	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		sc := scores[n]
		s := goquery.NewDocumentFromNode(n).Selection
		sc *= 1 - linkDensity(s)
		if isArticleNode(n) {
			sc *= 1.25
		}
		if sc > bestScore {
			best, bestScore = n, sc
		}
	}
	return best
}

func isArticleNode(n *html.Node) bool {
	if n.Data == "article" || n.Data == "main" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "itemprop" && a.Val == "articleBody" {
			return true
		}
	}
	return false
}

// linkDensity is the share of a block's text that sits inside links.
func linkDensity(s *goquery.Selection) float64 {
	total := len(clean(s.Text()))
	if total == 0 {
		return 0
	}
	links := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { links += len(clean(a.Text())) })
	return float64(links) / float64(total)
}

// blockTags start a new paragraph when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "td": true, "th": true, "dl": true, "dt": true, "dd": true,
	"br": true, "hr": true, "header": true, "figure": true, "address": true,
}

// paragraphs returns the text blocks under n, one per paragraph, without a
// leading repeat of the title and without furniture lines.
func paragraphs(n *html.Node, title string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := clean(cur.String()); t != "" && !lineJunk.MatchString(t) {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if blockTags[n.Data] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	if len(out) > 0 && title != "" && clean(out[0]) == clean(title) {
		out = out[1:]
	}
	return out
}

// ldParagraphs splits a JSON-LD articleBody into paragraphs.
func ldParagraphs(body string) string {
	var paras []string
	for _, line := range strings.Split(body, "\n") {
		if t := clean(line); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n\n")
}
