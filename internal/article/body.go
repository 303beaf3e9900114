package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Elements that never hold article prose: scripts and the like,
// navigation, and ruby annotations (the readings set above the text).
const junkSelector = `script, style, noscript, template, svg, canvas, iframe, object, embed, button,
	input, select, textarea, figure:not(:has(table, pre, blockquote)), figcaption, dialog, nav, menu, [role="navigation"],
	rt, rp`

// furnitureSelector matches the parts of a page that usually hold no
// article prose: navigation, footers, side bars, forms, hidden blocks, a
// person's card marked with schema.org's Person (an author's box). They
// are removed unless they hold much of the page's prose (some sites wrap the
// whole page in a form or an aside; streaming pages park the article in a
// hidden block, id "S:…", until scripts move it).
const furnitureSelector = `aside, form, [role="banner"],
	[role="complementary"], [role="dialog"], [role="alert"], [role="search"],
	[hidden]:not([id^="S:"]), [aria-hidden="true"], [style*="display:none"], [style*="display: none"],
	[style*="visibility:hidden"], [style*="visibility: hidden"], [itemtype$="schema.org/Person"]`

// trailerSelector matches page footers and reader comments, which can hold
// more prose than the article itself. They are removed unless they hold
// nearly all of it (a page that is a comment thread).
const trailerSelector = `footer, [role="contentinfo"], #comments, .comments, #disqus_thread,
	.comment-list, #respond`

// furnitureNames are the class and id words of page furniture, one word or
// two or three joined by "-" (a class word "most_popular" or "most-popular"
// is read as the words "most" and "popular").
var furnitureNames = nameSet(`comment comments share sharing social related newsletter subscribe
	subscription promo advert ad ads advertisement sponsored cookie cookies consent sidebar footer nav
	navbar menu breadcrumb breadcrumbs popup modal recirc recommended most-popular trending tags
	author-bio signup outbrain taboola disqus toolbar pagination caption credit credits
	skiplink skiplinks skip-link skip-links masthead cta authorbox authorinfo authorcard author-box
	author-info author-card aboutauthor about-author abouttheauthor about-the-author rating ratings
	offer offers disclaimer disclosure banner byline tooltip popover vcard lightbox overlay dropdown copyright badge breaker`)

// endNames are the words that name page furniture only as the last word
// of a class word ("post-author", "author"): an author's box. First, they
// name what follows them: "author-admin" is the post's author, as themes
// mark a whole post.
var endNames = nameSet(`author`)

// contentClass matches a class word that names an article's text
// ("single-article-content", "post_body"): its element is the article,
// whatever other words its classes hold ("nav-single").
var contentClass = regexp.MustCompile(`(?i)(article|entry|post|story)[-_]?(content|body|text)`)

// nameSet makes a set of the names of a space-separated list.
func nameSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// controlledPanels returns the ids that toggles name in aria-controls: the
// panels of tabs and accordions, which a page hides until they are opened.
func controlledPanels(doc *goquery.Document) map[string]bool {
	ids := map[string]bool{}
	doc.Find("[aria-controls]").Each(func(_ int, s *goquery.Selection) {
		for _, id := range strings.Fields(s.AttrOr("aria-controls", "")) {
			ids[id] = true
		}
	})
	return ids
}

// isPanel reports whether s is the panel of a tab or an accordion, hidden
// until it is opened, which holds text the reader can see: one a toggle
// controls, one labelled by its toggle, or a tab panel or region.
func isPanel(s *goquery.Selection, panels map[string]bool) bool {
	if s.Is("aside, form") {
		return false
	}
	role := s.AttrOr("role", "")
	return panels[s.AttrOr("id", "")] || s.AttrOr("aria-labelledby", "") != "" || role == "tabpanel" || role == "region"
}

// furnitureWords returns the words of an element's class and id that name
// page furniture. Words that name a post's terms ("tag-social-media",
// "entry-category-sidebar-recipes", as WordPress and TypePad write them) or
// deny a word ("non-paywall", "sidebar-enabled--false") say nothing about
// the element.
func furnitureWords(words string) []string {
	var out []string
	for _, token := range strings.Fields(strings.ToLower(words)) {
		if namesNothing(token) {
			continue
		}
		parts := strings.FieldsFunc(token, func(r rune) bool { return r == '-' || r == '_' })
		for i := 0; i < len(parts); i++ {
			for k := min(3, len(parts)-i); k >= 1; k-- { // the longest name that starts here
				if w := strings.Join(parts[i:i+k], "-"); furnitureNames[w] || i+k == len(parts) && endNames[w] {
					out = append(out, w)
					i += k - 1
					break
				}
			}
		}
	}
	return out
}

// ownID returns n's id, or "" when the id is a slug of n's own text
// ("menu-for-a-week-of-dinners" on a section of that title), which names
// nothing about the element: three or more of its words, and three in
// five of them, stand in the text.
func ownID(n *html.Node) string {
	id := attrOf(n, "id")
	parts := strings.FieldsFunc(strings.ToLower(id), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) < 3 {
		return id
	}
	text := strings.ToLower(nodeText(n))
	in := 0
	for _, p := range parts {
		if strings.Contains(text, p) {
			in++
		}
	}
	if in >= 3 && 5*in >= 3*len(parts) {
		return ""
	}
	return id
}

// longLabelled reports whether an element that only the words "caption",
// "byline" or "author" mark holds a long text (400 characters or more): a
// photo blog writes its paragraphs in caption blocks, and a post may be
// pasted into a byline's span ("byline-author").
func longLabelled(n *html.Node, words []string) bool {
	for _, w := range words {
		if w != "caption" && w != "byline" && w != "author" {
			return false
		}
	}
	return utf8.RuneCountInString(clean(nodeText(n))) >= 400
}

// withoutTerms returns the class words of words that name something, without
// those that name a post's terms or deny a word (taxonomyOrNegation).
func withoutTerms(words string) string {
	var out []string
	for _, token := range strings.Fields(words) {
		if !namesNothing(strings.ToLower(token)) {
			out = append(out, token)
		}
	}
	return strings.Join(out, " ")
}

// namesNothing reports whether a lower-case class word names a post's term
// or denies a word (taxonomyOrNegation), testing for the words the pattern
// needs before running it.
func namesNothing(token string) bool {
	if !strings.Contains(token, "tag") && !strings.Contains(token, "categor") && !strings.Contains(token, "taxonomy") &&
		!strings.HasPrefix(token, "no") && !strings.HasSuffix(token, "false") {
		return false
	}
	return taxonomyOrNegation.MatchString(token)
}

// taxonomyOrNegation matches the class words that name a post's terms, or
// deny a word: "non-paywall", or a modifier that switches a part off
// ("sidebar-enabled--false").
var taxonomyOrNegation = regexp.MustCompile(`(^|[-_])(tag|category|post_tag|taxonomy)[-_]|^(non|no|not)[-_]|[-_]false$`)

// keepSelector matches elements that boilerplate class words never remove:
// the page's main parts, and code, whose highlighting classes ("comment")
// say nothing about the page.
const keepSelector = `body, html, main, article, pre, pre *, code, code *`

// lineJunk matches whole lines that are page furniture, not prose: labels,
// the titles of tables of contents, reading times, bylines' lead words.
var lineJunk = regexp.MustCompile(`(?i)^(advertisement|read more|share( this( article| story)?)?|click here.*|sign up.*newsletter.*|related( articles| stories)?:?|more from .{0,40}|(continue|keep) reading.*|scroll to continue.*|table of contents|in this article|like this:?|like loading\W*|sponsored|(written|edited|reviewed) by:?|show caption|\d+ min(ute)?s? read|reading time:? \d+ min(ute)?s?)$`)

// maxFurnitureLine is the longest line that lineJunk may take for page
// furniture: a longer one that starts "Click here" is a sentence.
const maxFurnitureLine = 100

// furnitureLine reports whether a line of text is page furniture.
func furnitureLine(t string) bool {
	return utf8.RuneCountInString(t) <= maxFurnitureLine && lineJunk.MatchString(t)
}

// bodyText returns the article's text: the paragraphs of the smallest part
// of the page that holds most of its prose, separated by blank lines. The
// JSON-LD articleBody, when the page has one, is used if the page itself
// yields much less.
func bodyText(doc *goquery.Document, title, ldBody string) string {
	parts := removeJunk(doc, title)
	var paras []string
	if root := doc.Find("body").Nodes; len(root) > 0 {
		repairText(root[0])
		pm := newProseMap(root[0], title, parts)
		top, path := articleRoot(root[0], pm)
		paras = leadParagraphs(root[0], path, pm, title)
		body := paragraphs(narrow(top, pm), title)
		if len(paras) > 0 {
			body = paragraphs(narrow(top, pm), "")
		}
		paras = append(paras, body...)
	}
	text := strings.Join(paras, "\n\n")
	if alt := ldParagraphs(ldBody); len(alt) > 2*len(text) {
		text = alt
	}
	// Soft hyphens only say where a word may break, and a letter and its
	// accent written apart are one letter: text is compared in NFC.
	return norm.NFC.String(strings.ReplaceAll(text, "\u00ad", ""))
}

// repairText repairs the text under n that a page holds decoded twice
// (UTF-8 read as Windows-1252 before it was written: "â€™" for "’"), one
// text node at a time.
func repairText(n *html.Node) {
	if n.Type == html.TextNode {
		n.Data = fixMojibake(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		repairText(c)
	}
}

// removeJunk deletes elements that hold no article prose: script and the
// like always, page furniture unless it holds much of the page's prose. It
// returns the parts of the article, found by its headline before anything
// was removed.
func removeJunk(doc *goquery.Document, title string) articleParts {
	panels := controlledPanels(doc) // before the buttons that control them go
	signups := signupBoxes(doc)     // before the fields go
	doc.Find(junkSelector).Remove()
	body := doc.Find("body").Nodes
	if len(body) == 0 {
		return articleParts{}
	}
	mass := proseMass(body[0])
	total := float64(mass[body[0]])
	small := func(n *html.Node) bool { return float64(mass[n]) < 0.4*total }
	doc.Find(trailerSelector).Each(func(_ int, s *goquery.Selection) {
		if float64(mass[s.Nodes[0]]) < 0.9*total && !endHeading(s.Nodes[0]) {
			s.Remove()
		}
	})
	for _, box := range signups {
		if small(box) {
			removeNode(box)
		}
	}
	doc.Find(furnitureSelector).Each(func(_ int, s *goquery.Selection) {
		if small(s.Nodes[0]) && !isPanel(s, panels) && !inSentence(s.Nodes[0]) {
			s.Remove()
		}
	})
	parts := newArticleParts(titleHeading(body[0], title))
	wrapped := wrappedContent(doc, mass, total)
	doc.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if small(n) && namedFurniture(s, parts.class(n)) && !wrapsContent(n, wrapped, mass) {
			s.Remove()
		}
	})
	return parts
}

// articleParts tells the sections of an article by the headline: they
// share the tag and class (classKey) of an element that holds it.
type articleParts struct {
	headline *html.Node
	keys     map[string]bool
}

// newArticleParts notes the tags and classes of the elements that hold the
// headline h (nil when the page has none).
func newArticleParts(h *html.Node) articleParts {
	parts := articleParts{headline: h, keys: map[string]bool{}}
	for n := h; n != nil && n.Type == html.ElementNode && n.Data != "body"; n = n.Parent {
		if attrOf(n, "class") != "" {
			parts.keys[classKey(n)] = true
		}
	}
	return parts
}

// class returns n's class, to be read for furniture words, or "" when n
// shares its tag and class with an element that holds the headline without
// holding it itself: a section of the article, whatever words its class
// holds ("content-nav-section").
func (p articleParts) class(n *html.Node) string {
	if p.keys[classKey(n)] && !contains(n, p.headline) {
		return ""
	}
	return attrOf(n, "class")
}

// classKey is an element's tag and class, which the parts of one whole
// share.
func classKey(n *html.Node) string {
	return n.Data + "." + attrOf(n, "class")
}

// namedFurniture reports whether class (s's, as read) or s's id names page
// furniture and nothing says otherwise: a class that names the article's text, one of the
// page's main parts, a heading of what follows the article, a long text in
// a block marked only as a caption or a byline.
func namedFurniture(s *goquery.Selection, class string) bool {
	n := s.Nodes[0]
	words := furnitureWords(class + " " + ownID(n))
	return len(words) > 0 && !contentClass.MatchString(s.AttrOr("class", "")) && !s.Is(keepSelector) &&
		!endHeading(n) && !longLabelled(n, words) && !inSentence(n)
}

// inSentence reports whether n is an inline element that stands in a
// sentence, with text beside it in its parent: a name marked as a person
// ("<span class=vcard>"), a term with its tooltip. It is part of the
// sentence, whatever its class says.
func inSentence(n *html.Node) bool {
	if n.Type != html.ElementNode || blockTags[n.Data] {
		return false
	}
	for _, s := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return true
		}
	}
	return false
}

// minWrappedShare is the least share of the page's prose that a marked
// content element must hold to keep the furniture around it: a teaser's
// marked text holds much less.
const minWrappedShare = 0.2

// wrappedContent returns the marked content elements of the page that
// hold a fair share of its prose (total): a teaser's marked text holds much
// less.
func wrappedContent(doc *goquery.Document, mass map[*html.Node]int, total float64) []*html.Node {
	var out []*html.Node
	for _, n := range doc.FindMatcher(contentMatcher).Nodes {
		if float64(mass[n]) >= minWrappedShare*total {
			out = append(out, n)
		}
	}
	return out
}

// wrapsContent reports whether n holds one of the marked content elements
// of wrapped that holds most of n's prose: a layout's column named for the
// side bar beside it ("toc-content-sidebar") that holds the article.
func wrapsContent(n *html.Node, wrapped []*html.Node, mass map[*html.Node]int) bool {
	for _, c := range wrapped {
		if c != n && 2*mass[c] > mass[n] && contains(n, c) {
			return true
		}
	}
	return false
}

// maxSignupText is the most text, in runes, that a sign-up box holds: its
// heading, its pitch, the small print under its form.
const maxSignupText = 1000

// signupBoxes returns the boxes around the fields where a reader leaves an
// e-mail address or a phone number (a newsletter's sign-up, a deal's text
// alert): from each such field, the largest element around it that holds no
// paragraph, headline, article or main element of the page's and at most
// maxSignupText of text. Its heading and small print are written in <div>s
// around the form, so removing the form alone leaves them in the text.
func signupBoxes(doc *goquery.Document) []*html.Node {
	var boxes []*html.Node
	seen := map[*html.Node]bool{}
	doc.Find(`input[type="email"], input[type="tel"]`).Each(func(_ int, s *goquery.Selection) {
		box := s.Nodes[0]
		for p := box.Parent; p != nil && p.Type == html.ElementNode && p.Data != "body"; p = p.Parent {
			if holdsProse(p) || len([]rune(nodeText(p))) > maxSignupText {
				break
			}
			box = p
		}
		if box != s.Nodes[0] && !seen[box] {
			seen[box] = true
			boxes = append(boxes, box)
		}
	})
	return boxes
}

// holdsProse reports whether n is or holds a paragraph, a first-level
// heading, an article or a main element.
func holdsProse(n *html.Node) bool {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "p", "h1", "article", "main":
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holdsProse(c) {
			return true
		}
	}
	return false
}

// removeNode takes n out of the tree, unless it was taken out with one of
// its ancestors already.
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// proseMap is what the choice of the body reads of a page: each element's
// prose (proseMass), whether it is or holds a marked content element, the
// headline and the article's parts.
type proseMap struct {
	mass         map[*html.Node]int
	holdsContent map[*html.Node]bool
	headline     *html.Node   // the heading that is the title (titleHeading), or nil
	parts        articleParts // the article's sections, told before furniture went
}

// newProseMap measures the page under body, whose article has the title and
// the parts that removeJunk told.
func newProseMap(body *html.Node, title string, parts articleParts) *proseMap {
	pm := &proseMap{mass: proseMass(body), holdsContent: map[*html.Node]bool{}, headline: titleHeading(body, title), parts: parts}
	for _, n := range goquery.NewDocumentFromNode(body).FindMatcher(contentMatcher).Nodes {
		for ; n != nil && !pm.holdsContent[n]; n = n.Parent {
			pm.holdsContent[n] = true
		}
	}
	return pm
}

// proseMass measures, for every element, the prose it holds: the length of
// the text of its paragraph-like blocks (25 characters or more, not made
// mostly of links), counted once, at the block. Text that stands in an
// element between its blocks (lines parted by <br> beside an image's block,
// say) counts as a block of its own, at the element.
func proseMass(root *html.Node) map[*html.Node]int {
	mass := map[*html.Node]int{}
	var walk func(n *html.Node, inLink bool) int
	walk = func(n *html.Node, inLink bool) int {
		if isProseBlock(n) {
			text, links := textAndLinks(n)
			mass[n] = runMass(text, links, minProse(n), inLink)
			return mass[n]
		}
		if n.Type == html.ElementNode && n.Data == "h1" {
			return 0 // the headline, which the text leaves out
		}
		inLink = inLink || n.Type == html.ElementNode && n.Data == "a"
		total := 0
		var run []*html.Node // inline children since the last block
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if isInline(c) {
				run = append(run, c)
				continue
			}
			total += inlineMass(run, inLink) + walk(c, inLink)
			run = run[:0]
		}
		total += inlineMass(run, inLink)
		mass[n] = total
		return total
	}
	walk(root, false)
	return mass
}

// isInline reports whether n is text, or an element that is neither a block
// nor a prose block of its own and holds no block.
func isInline(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return true
	case html.ElementNode:
		return !blockTags[n.Data] && !isProseBlock(n) && !hasBlockChild(n)
	}
	return false
}

// inlineMass is the prose mass of a run of inline nodes that stand side by
// side in an element.
func inlineMass(run []*html.Node, inLink bool) int {
	if len(run) == 0 {
		return 0
	}
	var b strings.Builder
	links := 0
	for _, n := range run {
		t, l := textAndLinks(n)
		b.WriteString(t)
		b.WriteByte(' ')
		links += l
	}
	return runMass(clean(b.String()), links, 25, inLink)
}

// runMass is the prose mass of a block's text: its length, and more for each
// comma, when it is long enough and not mostly links.
func runMass(text string, links, least int, inLink bool) int {
	l := utf8.RuneCountInString(text)
	if l < least || links*2 >= l || inLink {
		return 0
	}
	return l + 10*commas(text)
}

// commas counts the commas of text, in the scripts that have their own:
// the fullwidth and ideographic commas of Chinese and Japanese, the Arabic
// comma.
func commas(text string) int {
	n := 0
	for _, r := range text {
		switch r {
		case ',', '，', '、', '،':
			n++
		}
	}
	return n
}

// minProse is the least text a block must hold to count as prose: table
// cells, list items and code count whatever their length.
func minProse(n *html.Node) int {
	switch n.Data {
	case "td", "th", "li", "pre", "dd":
		return 1
	}
	return 25
}

// isProseBlock reports whether n is a block that holds prose itself: a
// paragraph, or a block with text of its own and no block inside.
func isProseBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "p", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6":
		return true
	case "div", "section", "td", "li", "span", "font", "article", "main", "dd":
		return !hasBlockChild(n) && hasOwnText(n)
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data != "br" && (blockTags[c.Data] || hasBlockChild(c)) {
			return true
		}
	}
	return false
}

func hasOwnText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// textAndLinks returns the text of n, white space folded, and how many of
// its characters stand inside links.
func textAndLinks(n *html.Node) (string, int) {
	var b strings.Builder
	links := 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			if inLink {
				links += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			return
		}
		inLink = inLink || n.Type == html.ElementNode && n.Data == "a"
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return clean(b.String()), links
}

// contentSelector matches the elements that pages and publishing tools
// use to mark an article's text: <article>, schema.org's articleBody, and
// the class names common themes give the body of a post.
const contentSelector = `article, [itemprop="articleBody"], [itemprop="text"], .entry-content,
	.entry__content, .post-content, .post__content, .post-body, .post-entry, .article-body,
	.article__body, .articleBody, .article-content, .article__content, .article-text,
	.c-article-body, .story-body, .story-content, .content-body, .td-post-content,
	.single-content, .blog-content`

// contentMatcher is contentSelector compiled once.
var contentMatcher = cascadia.MustCompile(contentSelector)

// contentShare is the share of the article root's prose that a marked
// content element must hold to be taken as the article instead.
const contentShare = 0.4

// narrow returns the marked content element under root that holds the most
// prose, when it holds a fair share of root's prose (related stories, an
// author's box or a contact form beside it then stay out), or root. An
// element that holds two or more marked elements is a listing of them, not
// the article. Siblings of the element marked by the same class are parts
// of one article (a body set in two blocks around an advertisement), and
// are returned with it, in page order. When the page runs several stories
// one after another in elements alike (tag and class), each with its own
// headline (a site that loads the next stories as the reader scrolls), the
// one that holds the page's headline is the article, however long the
// others are.
func narrow(root *html.Node, pm *proseMap) []*html.Node {
	marked := goquery.NewDocumentFromNode(root).FindMatcher(contentMatcher)
	best := root
	var single []*html.Node // the marked elements that hold no two others
	marked.Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if n == root || s.FindMatcher(contentMatcher).Length() >= 2 {
			return
		}
		single = append(single, n)
		if best == root || pm.mass[n] > pm.mass[best] {
			best = n
		}
	})
	if pm.mass[best] == 0 || float64(pm.mass[best]) < contentShare*float64(pm.mass[root]) {
		return []*html.Node{root}
	}
	if own := headlineStory(best, single, pm); own != nil {
		return []*html.Node{own}
	}
	return withParts(best, marked.Nodes)
}

// headlineStory returns the element alike best (tag and class) among
// marked that holds the page's headline, when best does not hold it and
// holds a headline of its own: best is then a later story that the page
// runs after its own. It returns nil otherwise, or when the element with
// the headline holds no prose.
func headlineStory(best *html.Node, marked []*html.Node, pm *proseMap) *html.Node {
	h := pm.headline
	if h == nil || contains(best, h) || !holdsTag(best, h.Data) {
		return nil
	}
	for _, n := range marked {
		if n != best && classKey(n) == classKey(best) && contains(n, h) && pm.mass[n] > 0 {
			return n
		}
	}
	return nil
}

// holdsTag reports whether an element of the given tag stands under n.
func holdsTag(n *html.Node, tag string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == tag || holdsTag(c, tag)) {
			return true
		}
	}
	return false
}

// withParts returns n and its siblings among marked that share its tag and
// class, in page order. An <article>, which may be one of many teasers,
// stands alone.
func withParts(n *html.Node, marked []*html.Node) []*html.Node {
	class := attrOf(n, "class")
	if class == "" || n.Data == "article" || n.Parent == nil {
		return []*html.Node{n}
	}
	var parts []*html.Node
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n || c.Data == n.Data && attrOf(c, "class") == class && slices.Contains(marked, c) {
			parts = append(parts, c)
		}
	}
	return parts
}

// attrOf returns the value of n's attribute key, or "".
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// dominance is the share of a node's prose that one child must hold for the
// article to be looked for inside that child.
const dominance = 0.8

// articleRoot descends from root while one child holds most of the prose
// (but not into a paragraph, whose neighbours belong with it),
// and returns the node where the prose spreads over several children: the
// smallest part of the page that holds the article, and the path of
// children it went into.
func articleRoot(root *html.Node, pm *proseMap) (*html.Node, []*html.Node) {
	n := root
	var path []*html.Node
	for {
		next := descent(n, pm)
		if next == nil {
			return n, path
		}
		n = next
		path = append(path, n)
	}
}

// descent returns the child of n that holds the article, or nil when n is
// the smallest part of the page that holds it.
func descent(n *html.Node, pm *proseMap) *html.Node {
	best := heaviestChild(n, pm, false)
	switch {
	case best == nil || pm.mass[n] == 0 || isProseBlock(best):
		return nil // a paragraph is not an article: its neighbours are part of it
	case float64(pm.mass[best]) >= dominance*float64(pm.mass[n]) && !markedFurniture(best, pm):
		return best
	}
	if c := dominantBesideFurniture(n, pm); c != nil {
		return c
	}
	if float64(pm.mass[best]) < dominance*float64(pm.mass[n]) {
		return dominantBesideCards(n, pm)
	}
	return best
}

// heaviestChild returns the element child of n that holds the most prose,
// passing over marked furniture when unmarked is set.
func heaviestChild(n *html.Node, pm *proseMap, unmarked bool) *html.Node {
	var best *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (best == nil || pm.mass[c] > pm.mass[best]) && !(unmarked && markedFurniture(c, pm)) {
			best = c
		}
	}
	return best
}

// minUnmarkedShare is the least share of a node's prose that must lie
// outside its marked furniture for the furniture to be passed over.
const minUnmarkedShare = 0.05

// dominantBesideFurniture returns the child of n that holds most of the
// prose once the children marked as furniture (a side bar, a comment
// thread, a footer that the furniture share kept) are left out, or nil. A
// side bar longer than a short post must not keep the descent at the page.
func dominantBesideFurniture(n *html.Node, pm *proseMap) *html.Node {
	rest := pm.mass[n]
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && pm.mass[c] > 0 && markedFurniture(c, pm) {
			rest -= pm.mass[c]
		}
	}
	c := heaviestChild(n, pm, true)
	if c == nil || rest == pm.mass[n] || pm.mass[c] == 0 || isProseBlock(c) ||
		float64(rest) < minUnmarkedShare*float64(pm.mass[n]) || float64(pm.mass[c]) < dominance*float64(rest) {
		return nil
	}
	return c
}

// markedFurniture reports whether n is marked as page furniture: an aside,
// a footer or navigation, or an element whose class or id names furniture
// (camelCase words split; "comment", "sidebar", "footer", "copyright" and
// "disqus" count anywhere in a word, but not a layout's "has-sidebar", nor
// the words of a post's terms or a denial, as in removeJunk, nor the class
// of a section of the article, articleParts). An element that is or holds a
// marked content element is never furniture, and a paywall holds the
// article.
func markedFurniture(n *html.Node, pm *proseMap) bool {
	switch n.Data {
	case "body", "html", "main", "article":
		return false
	}
	if pm.holdsContent[n] {
		return false
	}
	switch n.Data {
	case "aside", "footer", "nav":
		return true
	}
	words := layoutSidebar.ReplaceAllString(withoutTerms(pm.parts.class(n)+" "+attrOf(n, "id")), " ")
	if strongFurniture.MatchString(words) {
		return true
	}
	for _, w := range furnitureWords(camelCase.ReplaceAllString(words, "$1 $2")) {
		if w != "paywall" {
			return true
		}
	}
	return false
}

var (
	// layoutSidebar matches the class words of a layout that has a side bar
	// beside the article, which name the layout, not furniture.
	layoutSidebar = regexp.MustCompile(`(?i)(has|with|no|without)[-_]?(left[-_]?|right[-_]?)?sidebars?`)
	// strongFurniture matches words that name furniture wherever they stand
	// in a class word ("postComments", "sidebar2", "realfooter").
	strongFurniture = regexp.MustCompile(`(?i)comment|sidebar|footer|copyright|disqus`)
	// camelCase matches the boundary between two words of a camelCase name.
	camelCase = regexp.MustCompile(`([a-z])([A-Z])`)
)

// blockTags start a new paragraph when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "td": true, "th": true, "dl": true, "dt": true, "dd": true,
	"br": true, "hr": true, "header": true, "figure": true, "address": true,
}

// paragraphs returns the text blocks under each of nodes, one per paragraph, without a
// leading headline, without link lists and without furniture lines. A
// heading that opens related stories, comments or an author's box ends the
// section it opens.
func paragraphs(nodes []*html.Node, title string) []string {
	var out []string
	for _, n := range nodes {
		w := &paraWriter{root: n}
		w.walk(n)
		w.flush()
		out = append(out, w.out...)
	}
	if len(out) > 0 && title != "" && sameName(out[0], title) && len(out[0]) < 2*len(title) {
		out = out[1:]
	}
	return out
}

// paraWriter gathers the paragraphs under root.
type paraWriter struct {
	root *html.Node
	out  []string
	cur  strings.Builder
}

// flush ends the current paragraph, keeping it unless it is furniture.
func (w *paraWriter) flush() {
	if t := clean(w.cur.String()); t != "" && !furnitureLine(t) {
		w.out = append(w.out, t)
	}
	w.cur.Reset()
}

// walk adds the text under n. It reports whether n ended its section (an
// end heading, or a block that such a heading opens), so that the rest of
// the enclosing block is left out.
func (w *paraWriter) walk(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return false
	case html.ElementNode:
		if done, end := w.element(n); done {
			return end
		}
		if blockTags[n.Data] {
			w.flush()
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if w.walk(c) {
			return n != w.root && leads(c)
		}
	}
	return false
}

// element handles the elements whose text is not simply walked: end
// headings, headlines and link lists (left out), preformatted blocks and
// table rows (kept whole). done reports whether n was handled; end whether
// it ends its section.
func (w *paraWriter) element(n *html.Node) (done, end bool) {
	switch {
	case endHeading(n):
		w.flush()
		return true, !w.beforeMost(n)
	case n.Data == "h1" || n != w.root && linkList(n):
		w.flush()
		return true, false
	case n.Data == "pre" || n.Data == "tr" && simpleRow(n):
		w.flush()
		if t := blockText(n); t != "" {
			w.out = append(w.out, t)
		}
		return true, false
	}
	return false, false
}

// beforeMost reports whether the heading n stands before most of the text:
// less than 500 characters are written and more than twice as much follows
// it. Such a heading ("Share this article" above the text, "Comments" as a
// subhead) ends nothing.
func (w *paraWriter) beforeMost(n *html.Node) bool {
	before := 0
	for _, p := range w.out {
		before += utf8.RuneCountInString(p)
	}
	if before >= 500 {
		return false
	}
	after := 0
	for x := n; x != nil && x != w.root; x = x.Parent {
		for c := x.NextSibling; c != nil; c = c.NextSibling {
			after += utf8.RuneCountInString(clean(nodeText(c)))
		}
	}
	return after > 2*before
}

// endWords matches the headings of what follows an article: related and
// recommended stories, comments, the author's box, share bars.
var endWords = regexp.MustCompile(`(?i)^(related (posts|articles|stories|content|reading|topics|news|links)|you (may|might) (also )?(like|enjoy)|more (from|in|on) .{0,40}|more (stories|articles|posts|news)|(latest|recent|popular|trending|top) (news|posts|articles|stories)|recommended( for you| stories| articles| reading)?|read (next|more)|also in the news|about the authors?|about the reviewer|comments?( \(\d+\))?|\d+ comments?|leave a (reply|comment)|share this( article| story| post)?|like this)\W*$`)

// endHeading reports whether n is a heading (h2 to h6) of what follows an
// article.
func endHeading(n *html.Node) bool {
	switch n.Data {
	case "h2", "h3", "h4", "h5", "h6":
		text, _ := textAndLinks(n)
		return endWords.MatchString(text)
	}
	return false
}

// leads reports whether n comes first in its parent: no sibling before it
// holds text.
func leads(n *html.Node) bool {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if strings.TrimSpace(nodeText(c)) != "" {
			return false
		}
	}
	return true
}

// blockText returns the text of a pre block with its lines kept (trailing
// space and blank edges trimmed), or of a table row with its cells
// separated by tabs.
func blockText(n *html.Node) string {
	if n.Data == "tr" {
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				text, _ := textAndLinks(c)
				cells = append(cells, text)
			}
		}
		return strings.TrimSpace(strings.Join(cells, "\t"))
	}
	text := strings.ReplaceAll(nodeText(n), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// simpleRow reports whether a table row holds data, not layout: none of
// its cells holds a block.
func simpleRow(tr *html.Node) bool {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasBlockChild(c) {
			return false
		}
	}
	return true
}

// nodeText returns the text under n as it stands.
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

// linkList reports whether n is a list or block made of links: a menu, a
// list of related stories, tags.
func linkList(n *html.Node) bool {
	switch n.Data {
	case "ul", "ol", "div", "section", "p":
	default:
		return false
	}
	text, links := textAndLinks(n)
	l := utf8.RuneCountInString(text)
	return l > 0 && float64(links) > 0.7*float64(l)
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
