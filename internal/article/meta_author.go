package article

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// byline is the author names one element of the page gives, and where:
// the positions of its first and last texts. listed marks a byline joined
// from the elements of a list of names, one each, and nav one in the
// site's navigation.
type byline struct {
	names       []string
	pos, end    int
	listed, nav bool
}

// metaAuthorKeys are the <meta> names that hold author names.
var metaAuthorKeys = []string{"author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
	"dc.creator", "dcterms.creator", "dc:creator", "dcterms:creator", "byl", "citation_author", "cxenseparse:author", "article_author", "book:author"}

// The window around the headline, in text nodes, where a byline is taken
// before others, and the few text nodes under it where a byline outranks
// the metadata when it names other people.
const (
	bylineBefore, bylineAfter = 10, 40
	bylineUnder               = 3
	anywhere                  = 1 << 30
)

// authors are the article's authors as a clean list of names: people named
// by JSON-LD, or else by <meta> tags, unless a byline right under the
// headline names other people and no byline near the headline names
// them, or a list of names near the headline, one element each, names
// them and more; then the page's byline nearest the headline, the organizations
// JSON-LD names as authors, and last the person a personal site's
// copyright notice names. The site's own name is left out of a list that
// names people too ("Jo Bloggs, The Daily Bugle").
func (m *meta) authors() []string {
	sites := m.siteNames()
	var people, orgs []string
	for _, a := range m.ld.authors {
		if a.org {
			orgs = append(orgs, a.name)
		} else {
			people = append(people, a.name)
		}
	}
	names := cleanAuthors(people, false)
	if len(names) == 0 {
		names = m.metaAuthors(sites)
	}
	if people, _ := splitNames(names, sites); len(people) > 0 {
		names = people
	}
	h := m.headlinePos()
	bylines := personBylines(outsideNav(m.bylines, h), sites)
	if b, ok := nearestByline(bylines, h, 0, bylineUnder); ok && h >= 0 && disjoint(b.names, names) && !confirmed(bylines, h, names) {
		return b.names
	}
	if b, ok := nearestByline(bylines, h, bylineBefore, bylineAfter); ok && h >= 0 && b.listed && len(names) > 0 && len(b.names) > len(names) && subset(names, b.names) {
		return b.names
	}
	if len(names) > 0 {
		return names
	}
	for _, w := range [][2]int{{bylineBefore, bylineAfter}, {anywhere, anywhere}} {
		if b, ok := nearestByline(bylines, h, w[0], w[1]); ok {
			return b.names
		}
	}
	if len(orgs) > 0 {
		return cleanOrganizations(orgs)
	}
	return m.copyrightHolder()
}

// cleanOrganizations cleans the names of organizations given as authors,
// each one name however it is written ("Lind & Lind", "Harbor Tax & Accounting
// Ltd"), without repeats.
func cleanOrganizations(raw []string) []string {
	var out []string
	for _, r := range raw {
		if n := tidyName(cleanMeta(r), false); validName(n, false) && disjoint([]string{n}, out) {
			out = append(out, n)
		}
	}
	return out
}

// splitNames parts names into those of people and those that are one of
// the site's names or part of one ("Accounting" of "Tax & Accounting").
func splitNames(names, sites []string) (people, site []string) {
	for _, n := range names {
		if isAnyName(n, sites) || partOfAny(n, sites) {
			site = append(site, n)
		} else {
			people = append(people, n)
		}
	}
	return people, site
}

// outsideNav returns the bylines but those in the site's navigation,
// unless they stand after the headline at h, close to it, where a box
// that a theme names "entry-nav" holds the article's own byline.
func outsideNav(bylines []byline, h int) []byline {
	out := make([]byline, 0, len(bylines))
	for _, b := range bylines {
		if !b.nav || h >= 0 && b.pos >= h && b.pos <= h+bylineAfter {
			out = append(out, b)
		}
	}
	return out
}

// personBylines returns the bylines without the site's names where they
// also name others ("Jo Bloggs, The Daily Bugle").
func personBylines(bylines []byline, sites []string) []byline {
	out := make([]byline, 0, len(bylines))
	for _, b := range bylines {
		if people, _ := splitNames(b.names, sites); len(people) > 0 {
			b.names = people
		}
		out = append(out, b)
	}
	return out
}

// partOfAny reports whether every word of a name is a word of one of
// names that has more words.
func partOfAny(name string, names []string) bool {
	ws := words(name)
	for _, n := range names {
		set := wordSet(n)
		if len(set) <= len(ws) {
			continue
		}
		all := len(ws) > 0
		for _, w := range ws {
			all = all && set[w]
		}
		if all {
			return true
		}
	}
	return false
}

// confirmed reports whether a byline near the headline at h names one of
// names.
func confirmed(bylines []byline, h int, names []string) bool {
	for _, b := range bylines {
		if b.pos >= h-bylineBefore && b.pos <= h+bylineAfter && !disjoint(b.names, names) {
			return true
		}
	}
	return false
}

var (
	copyrightText = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*(?:by\s+)?([^.|,©]+)`)
	orgWords      = regexp.MustCompile(`(?i)\b(?:inc|llc|ltd|limited|corp|corporation|company|co|group|media|news|press|network|publishing|foundation|university|institute|association|society|agency|studio|studios|labs?|gmbh|plc|ag|sa|spa|s\.p\.a|srl|bv|nv|ab|oy|pty|llp|lp|int|intl|international|all rights|rights)\b`)
)

// copyrightHolder returns the person a page's copyright notice names
// ("© 2025 Jo Bloggs. All rights reserved."), as a personal site's author;
// companies and other organizations are left out.
func (m *meta) copyrightHolder() []string {
	for i := len(m.texts) - 1; i >= 0; i-- {
		sub := copyrightText.FindStringSubmatch(m.texts[i])
		if sub == nil {
			continue
		}
		name := tidyName(sub[1], true)
		if n := len(strings.Fields(name)); n >= 2 && n <= 3 && validName(name, true) && !orgWords.MatchString(name) {
			return []string{name}
		}
		return nil
	}
	return nil
}

// disjoint reports whether two lists of names have none in common, but
// for case.
func disjoint(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return false
			}
		}
	}
	return true
}

// nearestByline returns the byline closest after the headline at h, or
// else closest before it, within a window; without a headline, the first.
func nearestByline(bylines []byline, h, before, after int) (byline, bool) {
	best, found := byline{}, false
	for _, b := range bylines {
		if h >= 0 && (b.pos < h-before || b.pos > h+after) {
			continue
		}
		if !found || distance(b.pos, h) < distance(best.pos, h) {
			best, found = b, true
		}
	}
	return best, found
}

// metaAuthors returns the names in the first <meta> author tag, or else
// in the Twitter card's field labelled "Written by", that names people
// other than the site; without one, the names of the first that has any.
// citation_author gives one "Last, First" name a tag.
func (m *meta) metaAuthors(sites []string) []string {
	var first []string
	for _, k := range append(metaAuthorKeys, "") {
		vals := m.tags[k]
		switch k {
		case "citation_author":
			vals = flipNames(vals)
		case "":
			vals = m.labelledData(writerLabel)
		}
		names := cleanAuthors(vals, false)
		if people, _ := splitNames(names, sites); len(people) > 0 {
			return names
		}
		if first == nil {
			first = names
		}
	}
	return first
}

// writerLabel matches the label of a Twitter card's data field that names
// the writer ("Written by", "Interview by", "Author").
var writerLabel = regexp.MustCompile(`(?i)^(?:(?:written|interview(?:ed)?|posted|reported|words|story|text)\s+by|authors?|by)\s*:?$`)

// labelledData returns the values of the Twitter card's data fields
// (twitter:data1, twitter:data2) whose label (twitter:label1, ...) label
// matches.
func (m *meta) labelledData(label *regexp.Regexp) []string {
	var out []string
	for i := 1; i <= 4; i++ {
		n := strconv.Itoa(i)
		if label.MatchString(strings.TrimSpace(m.tag("twitter:label" + n))) {
			out = append(out, m.tag("twitter:data"+n))
		}
	}
	return out
}

// flipNames turns "Last, First" names into "First Last".
func flipNames(vals []string) []string {
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if last, first, ok := strings.Cut(v, ","); ok && !strings.Contains(first, ",") {
			v = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
		}
		out = append(out, v)
	}
	return out
}

var (
	byPrefix      = regexp.MustCompile(`(?i)^\s*(?:(?:[\p{L}]+\s+){0,2}by|author(?:s|ed by)?|written by|posted by|words by|about|meet)\s*[:\s]\s*`)
	labelOnly     = regexp.MustCompile(`(?i)^(?:(?:[\p{L}]+\s+){0,2}by|authors?|written|posted|words|about the authors?|meet the authors?|contributors?|from|with|and|,|&)\s*:?$`)
	notAuthor     = regexp.MustCompile(`(?i)^(?:reviewed|medically reviewed|fact[- ]checked|edited|photo(?:graph)?s?|photography|illustrations?|images?|video|produced|updated|published|last updated|sources?)\b`)
	authorSplit   = regexp.MustCompile(`\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\s\+\s)\s*`)
	partSplit     = regexp.MustCompile(`\s*[,;]\s*`)
	titleCut      = regexp.MustCompile(`\s+[|–—/·•]\s+|\s+-\s+`)
	writtenBy     = regexp.MustCompile(`(?i)\b(?:written|authored|posted|reported) by\s+`)
	affiliation   = regexp.MustCompile(`(?i)\s(?:on behalf of|for|at|via|from|in)(?:\s|$)`)
	dateLike      = regexp.MustCompile(`(?i)\b\d{1,4}[/.-]\d{1,2}\b|\b(19|20)\d\d\b|\b(?:` + monthPattern + `)\.?\s+\d|\b\d{1,2}\s+(?:` + monthPattern + `)\b|\b(?:updated|published|posted on|on (?:mon|tue|wed|thu|fri|sat|sun))`)
	roleWords     = regexp.MustCompile(`(?i)\b(?:writers?|editors?|reporters?|correspondents?|contributors?|contributing|columnist|founder|co-?founder|ceo|cto|cmo|coo|director|manager|expert|specialist|analyst|strategist|coordinator|producer|journalist|consultant|officer|president|vp|senior|chief|head of|intern|professor|researcher|scientist|engineer|designer|marketer|developer|associate|assistant|executive|owner|photographer|deputy|former|managing|freelance|dietitian|nutritionist|attorney|lawyer|physician|therapist|coach|trainer|reviewer|blogger|host of|lead)\b`)
	credential    = regexp.MustCompile(`^(?:[A-Z]{2,6}|(?:[A-Z][a-z]?\.){2,4}|Ph\.?D\.?|MSc|BSc|MPH|MBA|Dr\.?PH|[A-Z]{2,5}-[A-Z0-9]{1,4}(?: \d+)?)$`)
	uiWords       = regexp.MustCompile(`(?i)\b(?:log ?in|log out|sign (?:in|up)|learn more|read more|more about|full bio|view (?:all|profile|more)|see (?:all|more)|recent posts|all posts|profile|bio|website|web site|homepage|home page|e-?mail)\b`)
	creditLabel   = regexp.MustCompile(`(?:^|[,;]\s*)\p{L}+:\s`)
	conjunction   = regexp.MustCompile(`(?i)^(?:,|&|and|und|et|y|,\s*and|;)$`)
	nameParticles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
		"da": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "ter": true, "ten": true, "dos": true, "das": true}
	notNames = map[string]bool{"author": true, "authors": true, "by": true, "admin": true, "administrator": true,
		"share": true, "follow": true, "menu": true, "home": true, "contact": true, "guest": true, "user": true,
		"anonymous": true, "unknown": true, "null": true, "undefined": true, "none": true, "n/a": true,
		"read more": true, "view all posts": true, "more": true, "search": true, "subscribe": true, "login": true, "log in": true,
		"sign in": true, "about": true, "about us": true, "blog": true, "news": true, "privacy": true, "comments": true,
		"people": true, "contributors": true, "writers": true, "experts": true}
)

// cleanAuthors turns author values into names: one name per entry, without
// "By", dates, job titles, addresses or duplicates. strict asks for text
// from the page to look like a person's or a team's name.
func cleanAuthors(raw []string, strict bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for _, name := range splitAuthors(r, strict) {
			if k := strings.ToLower(name); !seen[k] {
				seen[k] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// splitAuthors splits one author value into names. Of a value in parts
// ("May 2, 2024 · Jo Bloggs"), the first part that gives names is used.
// A list of credits ("text: Jo Bloggs; design: Ann Lee") names no author.
func splitAuthors(r string, strict bool) []string {
	r = cleanMeta(r)
	if len(creditLabel.FindAllString(r, 2)) > 1 {
		return nil
	}
	for _, piece := range titleCut.Split(r, -1) {
		if names := splitPiece(piece, strict); len(names) > 0 {
			return names
		}
	}
	return nil
}

// splitPiece splits a part of an author value into names, after taking
// off "By" and all from a date on, and leaving out a part after a comma
// that is a job title ("Jo Bloggs, Senior Editor"); from text from the
// page, also all before "written by" ("This post was written by Jo
// Bloggs") and all from an affiliation ("for The Times") on. Credentials
// after a comma stay with the name they follow ("Jo Bloggs, MD, PhD"). A
// value that starts with a comma names no one (", The Times").
func splitPiece(r string, strict bool) []string {
	if loc := writtenBy.FindStringIndex(r); strict && loc != nil {
		r = r[loc[1]:]
	}
	r = dropOtherBy(byPrefix.ReplaceAllString(r, ""))
	for _, re := range []*regexp.Regexp{dateLike, affiliation} {
		if i := re.FindStringIndex(r); i != nil && (strict || re == dateLike) {
			r = r[:i[0]]
		}
	}
	parts := partSplit.Split(r, -1)
	if strings.TrimSpace(parts[0]) == "" {
		return nil
	}
	var out []string
	for i, part := range parts {
		switch {
		case i > 0 && len(out) > 0 && credential.MatchString(strings.TrimSpace(part)):
			out[len(out)-1] += ", " + strings.TrimSpace(part)
			continue
		case i > 0 && roleWords.MatchString(part):
			continue
		}
		for _, name := range authorSplit.Split(part, -1) {
			if name = tidyName(name, strict); validName(name, strict) {
				out = append(out, name)
			}
		}
	}
	return out
}

// tidyName trims punctuation from a name and, for text from the page, a
// trailing job title: "Jo Bloggs Senior Reporter" becomes "Jo Bloggs".
func tidyName(name string, strict bool) string {
	name = strings.Trim(strings.TrimSpace(name), ".,;:-–—|·•*\"'“”()[] ")
	if loc := roleWords.FindStringIndex(name); strict && loc != nil && loc[0] > 0 {
		if cut := strings.TrimRight(name[:loc[0]], " ,-–—|"); strings.Contains(cut, " ") {
			return cut
		}
	}
	return strings.TrimSpace(name)
}

// validName reports whether a string can be an author's name. strict, for
// text taken from the page, asks for one to five capitalized words without
// digits; a team's or a column's name of two capitalized words or more
// may have a "the" too ("the Harbor Bakery Team", "Ask the Gardeners").
func validName(name string, strict bool) bool {
	words := strings.Fields(name)
	switch {
	case len(name) < 2, len(name) > 80, len(words) > 8, looksLikeURL(name), strings.Contains(name, "://"),
		notNames[strings.ToLower(name)], uiWords.MatchString(name), strings.ContainsAny(name, "{}<>="), !strings.ContainsFunc(name, unicode.IsLetter),
		strings.Count(name, ".") >= 2 && len(words) == 1, strings.Trim(name, "0123456789") == "":
		return false
	case !strict:
		return true
	}
	if len(words) > 5 || strings.ContainsAny(name, "0123456789@#!?") || roleWords.MatchString(name) {
		return false
	}
	capitals := 0
	for _, w := range words {
		switch r, _ := utf8.DecodeRuneInString(w); {
		case unicode.IsUpper(r):
			capitals++
		case w == "the":
		case !nameParticles[strings.ToLower(w)]:
			return false
		}
	}
	return capitals >= 2 || capitals == 1 && !slices.Contains(words, "the")
}

// looksLikeURL reports whether s is a web address.
func looksLikeURL(s string) bool {
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.") || strings.HasPrefix(s, "//")
}

// authorMarkup are the elements whose text is an author's name.
const authorMarkup = `[itemprop~="author"], [itemprop~="creator"], [rel~="author"], a[href*="/author/"], a[href*="/authors/"], ` +
	`a[href*="/writer/"], a[href*="/writers/"], a[href*="/contributor/"], a[href*="/contributors/"], a[href*="/people/"], ` +
	`a[href*="/staff/"], a[href*="/profile/"], a[href*="/profiles/"], a[href*="/journalist/"], a[href*="/columnists/"], ` +
	`a[href*="/reporters/"], a[href*="/by/"]`

// authorMatcher is authorMarkup compiled once.
var authorMatcher = cascadia.MustCompile(authorMarkup)

// authorPaths are the parts of a link's address that say it leads to an
// author's page, as authorMarkup lists them.
var authorPaths = []string{"/author/", "/authors/", "/writer/", "/writers/", "/contributor/", "/contributors/",
	"/people/", "/staff/", "/profile/", "/profiles/", "/journalist/", "/columnists/", "/reporters/", "/by/"}

// isBylineElement reports whether n matches authorMarkup or has a class or
// id that holds "author" or "byline", read from its attributes directly: the selectors' substring tests on
// every element of a page cost more than all the rest of the metadata.
func isBylineElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		v := strings.ToLower(a.Val)
		switch a.Key {
		case "class", "id":
			if strings.Contains(v, "author") || strings.Contains(v, "byline") {
				return true
			}
		case "itemprop", "rel":
			for _, w := range strings.Fields(v) {
				if w == "author" || a.Key == "itemprop" && w == "creator" {
					return true
				}
			}
		case "href":
			if n.Data == "a" && slices.ContainsFunc(authorPaths, func(p string) bool { return strings.Contains(a.Val, p) }) {
				return true
			}
		}
	}
	return false
}

// maxBylineText is the longest text an element can have and still be a
// byline rather than a block that holds one.
const maxBylineText = 250

// readBylines finds the author names the page's markup gives: schema.org
// author properties, author links, and elements classed as bylines or
// authors, as well as "By ..." texts; comments are left out.
func readBylines(doc *goquery.Document, p *pageIndex) []byline {
	var out []byline
	doc.FindMatcher(cascadia.Selector(isBylineElement)).Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		at := p.at(n)
		if at < 0 || n.Data == "meta" || n.Data == "link" || n.Data == "body" || n.Data == "html" || inComments(n) || reviewerMarkup(n) || describesAuthor(n) {
			return
		}
		if names := bylineNames(s, s.IsMatcher(authorMatcher)); len(names) > 0 {
			out = append(out, byline{names: names, pos: at, end: at + max(len(segments(n))-1, 0), nav: p.navAt(at)})
		}
	})
	out = append(out, textBylines(p)...)
	sortBylines(out)
	return joinBylines(out, p)
}

// separator matches a text that only parts names in a list: a comma, a
// semicolon, "&", "and", or the marks and numbers that point to an
// author's affiliation.
var separator = regexp.MustCompile(`(?i)^(?:[,;&*†‡\d\s]|and|und|et)*$`)

// joinBylines joins the bylines of a list of authors whose names stand in
// elements of their own, one after another ("Ann Lee, Ben Ortiz & Cy
// Park"), into one byline at the first of them.
func joinBylines(bylines []byline, p *pageIndex) []byline {
	var out []byline
	for _, b := range bylines {
		n := len(out)
		switch {
		case n > 0 && b.pos <= out[n-1].end && subset(b.names, out[n-1].names):
			continue // the same names again, from an element inside the last
		case n > 0 && separates(p, out[n-1], b):
			out[n-1].names = cleanAuthors(append(slices.Clone(out[n-1].names), b.names...), false)
			out[n-1].end = max(out[n-1].end, b.end)
			out[n-1].listed = true
			continue
		}
		out = append(out, b)
	}
	return out
}

// subset reports whether every name of a is one of b, but for case.
func subset(a, b []string) bool {
	for _, x := range a {
		if disjoint([]string{x}, b) {
			return false
		}
	}
	return true
}

// separates reports whether a list's separators, and only they, part one
// byline from the next: the texts between them, and the last text of the
// first when it is one ("Ann Lee ;").
func separates(p *pageIndex, a, b byline) bool {
	if b.pos <= a.end {
		return false
	}
	parted := a.end > a.pos && conjunction.MatchString(p.texts[a.end])
	for i := a.end + 1; i < b.pos; i++ {
		if !separator.MatchString(p.texts[i]) {
			return false
		}
		parted = parted || conjunction.MatchString(p.texts[i])
	}
	return parted
}

// descriptionWords are class words of the elements that describe an
// author ("author-description", "author-job-title") rather
// than name one.
var descriptionWords = nameSet(`description desc excerpt summary job jobtitle position`)

// describesAuthor reports whether an element's class marks it as a
// description of an author, whose text is no byline.
func describesAuthor(n *html.Node) bool {
	return slices.ContainsFunc(classWords(attrOf(n, "class")), func(w string) bool { return descriptionWords[w] })
}

// reviewerWords are class words of the boxes that name a page's reviewer
// or expert beside its writer.
var reviewerWords = nameSet(`reviewer reviewers expert experts checker factchecker factcheck`)

// reviewerMarkup reports whether an element, or an ancestor below <body>,
// has a class that marks it as naming a reviewer or an expert rather than
// the writer ("author-meta expert"), not a layout ("has-expert").
func reviewerMarkup(n *html.Node) bool {
	for ; n != nil && n.Data != "body"; n = n.Parent {
		for _, token := range strings.Fields(attrOf(n, "class")) {
			if slices.ContainsFunc(classWords(token), func(w string) bool { return reviewerWords[w] }) && !hasLayoutWord(token) {
				return true
			}
		}
	}
	return false
}

// bylineNames returns the names in one author element: its itemprop=name,
// or the names in its text. An element known only by its class (strong is
// false) must give names of two words or more.
func bylineNames(s *goquery.Selection, strong bool) []string {
	if name := s.Find(`[itemprop="name"]`).First(); name.Length() > 0 {
		return cleanAuthors([]string{firstNonEmpty(name.AttrOr("content", ""), name.Text())}, true)
	}
	segs := segments(s.Nodes[0])
	if len(clean(s.Text())) > maxBylineText {
		if !isAuthorBox(s.Nodes[0]) || len(segs) < 2 || len(segs[0]) > maxBoxName {
			return nil
		}
		segs = segs[:1] // the name that heads the box; a biography follows
	}
	names := namesInSegments(segs)
	for _, n := range names {
		if !strong && !strings.Contains(n, " ") {
			return nil
		}
	}
	return names
}

// maxBoxName is the longest first text of an author's box that can be the
// name heading it.
const maxBoxName = 40

// boxWords are the class words that, beside "author", name a box about the
// author ("blog_author-box", "author-card").
var boxWords = nameSet(`box card profile about bio`)

// isAuthorBox reports whether an element's class names a box about the
// article's author, which opens with the author's name.
func isAuthorBox(n *html.Node) bool {
	for _, token := range strings.Fields(attrOf(n, "class")) {
		ws := classWords(token)
		if slices.Contains(ws, "author") && slices.ContainsFunc(ws, func(w string) bool { return boxWords[w] }) {
			return true
		}
	}
	return false
}

// namesInSegments reads names from the texts of a byline in order: labels
// such as "By" are skipped, names joined by "," or "and" are all taken,
// and reading stops at anything else once a name is found. A "Reviewed
// by" or "Updated" label ends the names, and the text after one that
// comes first is not a name.
func namesInSegments(segs []string) []string {
	var names []string
	more, skip := true, false
	for _, seg := range segs {
		switch {
		case notAuthor.MatchString(seg):
			if len(names) > 0 {
				return names
			}
			skip = byPrefix.ReplaceAllString(seg, "") == "" || labelOnly.MatchString(seg)
			continue
		case conjunction.MatchString(seg):
			more = true
			continue
		case labelOnly.MatchString(seg):
			skip = false
			continue
		case skip:
			skip = false
			continue
		case !more:
			return names
		}
		found := cleanAuthors([]string{seg}, true)
		if len(found) == 0 {
			if len(names) > 0 {
				return names
			}
			continue
		}
		names = append(names, found...)
		more = strings.HasSuffix(seg, ",") || strings.HasSuffix(seg, "&") || strings.HasSuffix(strings.ToLower(seg), " and")
	}
	return names
}

// otherBy matches the word for "by" that opens a byline in other languages
// (German "Von", French "Par", Spanish and Portuguese "Por", Dutch "Door",
// Swedish and Norwegian "Av", Danish "Af", Italian "Di"), or a label for the
// writer ("Autor:", "Texte :"), and the name after it.
var otherBy = regexp.MustCompile(`(?i)^\s*(?:von|par|por|door|av|af|di|autor(?:in)?\s*:|auteur\s*:|autore\s*:|text[eo]?\s*:)\s+(.+)$`)

// dropOtherBy takes the word for "by" of another language off a byline,
// when a name of two capitalised words or more follows it, so that a
// surname such as "Von Miller" stays whole.
func dropOtherBy(r string) string {
	m := otherBy.FindStringSubmatch(r)
	if m == nil {
		return r
	}
	words := strings.Fields(m[1])
	if len(words) < 2 || !startsUpper(words[0]) || !startsUpper(words[1]) {
		return r
	}
	return m[1]
}

// startsUpper reports whether a word starts with a capital letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// byText matches a text that starts a byline with "By"; byLabel, a text
// that is only a label naming the writing and ending in "by" ("Article
// by"), whose name follows in the next text ("Paid for by" is no byline).
var (
	byText  = regexp.MustCompile(`(?i)^(?:(?:by|written by|posted by|words by|story by|author)(?:[:\s]|$)|contributors?:)`)
	byLabel = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?(?:blog\s+)?(?:article|story|post|text|essay|column|report|reporting|review|analysis|piece|guide|interview|commentary|feature)\s+(?:written\s+)?by\s*:?$`)
)

// contributorsLabel matches a "Contributors:" label, which names the
// writers when the names follow on its line; a blog's list of
// contributors under such a heading names everyone who writes there.
var contributorsLabel = regexp.MustCompile(`(?i)^contributors?\s*:`)

// textBylines finds "By Jo Bloggs" texts, and "By" texts followed by a
// text that is a name.
func textBylines(p *pageIndex) []byline {
	var out []byline
	for i, t := range p.texts {
		by := byText.MatchString(t)
		label := !by && byLabel.MatchString(t) && !notAuthor.MatchString(t)
		if !by && !label || len(strings.Fields(t)) > 12 || p.runsOn(i) {
			continue
		}
		segs := []string{t}
		if labelOnly.MatchString(t) && i+1 < len(p.texts) && (!contributorsLabel.MatchString(t) || p.lineStart[i+1] == p.lineStart[i]) {
			segs = append(segs, p.texts[i+1])
		}
		end := i + len(segs) - 1
		names := namesInSegments(segs)
		if label && (len(names) != 1 || !strings.Contains(names[0], " ")) {
			continue
		}
		if len(names) > 0 {
			out = append(out, byline{names: names, pos: i, end: end, nav: p.inNav[i]})
		}
	}
	return out
}

// leadWords are the words that may come before a byline in its line
// ("Posted on May 3 by Jo Bloggs", "Updated | By Jo Bloggs").
var leadWords = nameSet(`posted published written updated last on at date story article filed`)

// runsOn reports whether the text at i carries on a line that other words
// began ("The Long Road by Tom Field", "Widgets by Acme"): then its
// "by" credits the maker of something, not the article's writer. Dates,
// times and words such as "Posted on" before it still leave it a byline.
func (p *pageIndex) runsOn(i int) bool {
	for j := p.lineStart[i]; j < i; j++ {
		if hasDigit.MatchString(p.texts[j]) {
			continue
		}
		for _, w := range words(p.texts[j]) {
			if !leadWords[w] {
				return true
			}
		}
	}
	return false
}

// sortBylines orders bylines by where they are in the page.
func sortBylines(b []byline) {
	sort.SliceStable(b, func(i, j int) bool { return b[i].pos < b[j].pos })
}
