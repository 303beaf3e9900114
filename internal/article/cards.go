package article

import "golang.org/x/net/html"

// Cards are the repeated units of a listing: a teaser grid, the questions of
// an FAQ, a row of calls to action. Each is a small block with a link, a
// button or a heading and a few lines of text, and they come three or more
// side by side with the same tag and class. Beside a short article they can
// hold a fair share of the prose, so the descent leaves them out when it
// weighs a child against its siblings.
const (
	// maxCardMass is the most prose one card holds.
	maxCardMass = 1200
	// minCards is the least number of alike siblings that make a listing.
	minCards = 3
	// minCardShare is the least share of its parent's prose, cards and all,
	// that a child must hold for the descent to go into it once cards are
	// left out.
	minCardShare = 0.4
)

// dominantBesideCards returns the child of n that holds most of the prose
// once the cards in n are left out, if it holds a fair share of all the
// prose, or the headline where the cards are not inside a marked article;
// or nil. A child that has the tag and class of a group of cards beside it
// is one of them, made longer: the group is the article's sections, not a
// listing beside it.
func dominantBesideCards(n *html.Node, pm *proseMap) *html.Node {
	var best *html.Node
	bestOwn := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || markedFurniture(c, pm) {
			continue
		}
		if own := pm.mass[c] - cardMass(c, pm); best == nil || own > bestOwn {
			best, bestOwn = c, own
		}
	}
	total := pm.mass[n] - cardMass(n, pm)
	if best == nil || bestOwn <= 0 || isProseBlock(best) || sectionOfCards(best, n, pm) ||
		float64(pm.mass[best]) < minCardShare*float64(pm.mass[n]) && !(holdsHeadline(best, pm) && !insideContent(n)) ||
		float64(bestOwn) < dominance*float64(total) {
		return nil
	}
	return best
}

// insideContent reports whether n is or stands inside a marked content
// element, whose cards are the article's own (a landing page's courses).
func insideContent(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if contentMatcher.Match(n) {
			return true
		}
	}
	return false
}

// holdsHeadline reports whether n holds the article's headline.
func holdsHeadline(n *html.Node, pm *proseMap) bool {
	return pm.headline != nil && contains(n, pm.headline)
}

// cardMass is the prose that n holds in cards, n itself included when it is
// one of a group of cards.
func cardMass(n *html.Node, pm *proseMap) int {
	if n.Type != html.ElementNode || pm.mass[n] == 0 {
		return 0
	}
	total := 0
	inCards := map[*html.Node]bool{}
	groups := cardGroups(n, pm)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isCard(c, pm) && groups[cardKey(c)] {
			total += pm.mass[c]
			inCards[c] = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !inCards[c] {
			total += cardMass(c, pm)
		}
	}
	return total
}

// sectionOfCards reports whether c, a child of n, shares its tag and a
// class with a group of cards in n. Elements without a class are too
// common to tell a group.
func sectionOfCards(c, n *html.Node, pm *proseMap) bool {
	return attrOf(c, "class") != "" && cardGroups(n, pm)[cardKey(c)]
}

// cardKey is what the cards of one group share: their tag and class.
func cardKey(c *html.Node) string {
	return c.Data + "." + attrOf(c, "class")
}

// cardGroups returns the keys of the groups of cards among n's children:
// minCards or more cards that share a key.
func cardGroups(n *html.Node, pm *proseMap) map[string]bool {
	count := map[string]int{}
	groups := map[string]bool{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isCard(c, pm) {
			k := cardKey(c)
			count[k]++
			groups[k] = count[k] >= minCards
		}
	}
	return groups
}

// isCard reports whether c has the shape of a card: a small block with a
// link, a button or a heading and two or more blocks of text.
func isCard(c *html.Node, pm *proseMap) bool {
	if c.Type != html.ElementNode || pm.mass[c] == 0 || pm.mass[c] > maxCardMass {
		return false
	}
	switch c.Data {
	case "div", "li", "article", "section", "a":
	default:
		return false
	}
	return hasHandle(c) && textBlocks(c) >= 2
}

// hasHandle reports whether n holds a link, a button or a heading.
func hasHandle(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "a", "button", "summary", "h2", "h3", "h4", "h5", "h6", "strong":
			return true
		}
		if hasHandle(c) {
			return true
		}
	}
	return false
}

// textBlocks counts the blocks under c (links and spans among them) that
// hold text of their own.
func textBlocks(c *html.Node) int {
	n := 0
	var walk func(k *html.Node)
	walk = func(k *html.Node) {
		if k.Type == html.ElementNode && k != c && (blockTags[k.Data] || k.Data == "a" || k.Data == "button" || k.Data == "span") && hasOwnText(k) {
			n++
		}
		for x := k.FirstChild; x != nil; x = x.NextSibling {
			walk(x)
		}
	}
	walk(c)
	return n
}
