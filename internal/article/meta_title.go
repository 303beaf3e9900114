package article

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minHeadlineMatch is how alike (Dice coefficient over words) an <h1> must
// be to a title from the metadata to be taken as the page's headline.
const minHeadlineMatch = 0.5

// title is the headline as the page shows it: the <h1> that matches the
// title the metadata give, or the page's only <h1> when it reads like a
// headline, or else the metadata's title without the site's name. A
// headline set in capitals takes the case of the title like it, and one
// the title runs on from ("Best tents", "Best tents of 2024") gives way to
// that title.
func (m *meta) title() string {
	metas := m.metaTitles()
	h, ok := m.headline(metas)
	if ok {
		h.text = unmangled(h.text, metas)
	}
	switch {
	case ok && isUpper(h.text):
		return likeTitle(h.text, metas)
	case ok:
		return fuller(h.text, metas, m.siteNames())
	case len(metas) > 0:
		return untruncated(metas)
	}
	return ""
}

// headline returns the <h1> that is the article's headline, if one is.
func (m *meta) headline(metas []string) (headline, bool) {
	if h, ok := m.titleHeadline(metas); ok {
		return h, true
	}
	if h, ok := m.shownTitle(m.h2s, metas); ok {
		return h, true
	}
	return m.onlyHeadline()
}

// shownTitle returns the first of heads that is, but for case, one of
// the metadata's titles or the first part of one split at a separator
// when that part is the longest ("Ten tips for spring" of "Ten tips for
// spring | Garden | Jo's Blog"): a page that sets its
// title in a lower heading than <h1> shows it there.
func (m *meta) shownTitle(heads []headline, metas []string) (headline, bool) {
	titles := append([]string{}, metas...)
	for _, t := range []string{m.ld.headline, m.tag("og:title"), m.tag("twitter:title"), m.pageTitle} {
		if parts := splitTitle(cleanMeta(t)); len(parts) > 1 && longest(parts) == parts[0] {
			titles = append(titles, parts[0])
		}
	}
	for _, h := range heads {
		for _, t := range titles {
			if strings.EqualFold(h.text, t) {
				return h, true
			}
		}
	}
	return headline{}, false
}

// minCapsMatch is how alike a metadata title must be to a headline in
// capitals to be taken instead of it.
const minCapsMatch = 0.75

// likeTitle returns the metadata title most like a headline set in
// capitals, which keeps the title's own case, or the headline when none
// is alike enough. Words must come in the same order: a title with the
// headline's words in another order ("Marathon Beginner Plan" for
// "BEGINNER MARATHON PLAN") is a different wording, not the same one in
// other case.
func likeTitle(caps string, metas []string) string {
	best, bestScore := caps, minCapsMatch
	for _, t := range metas {
		if s := orderedDice(caps, t); s >= bestScore && !isUpper(t) {
			best, bestScore = t, s
		}
	}
	return best
}

// fuller returns a metadata title that is the headline with words run on
// before or after it ("Best tents" and "Best tents of 2024"), not set off
// by punctuation as a subtitle or a site name is and not a site's name
// (sites) run on without it ("Wine float kourteous"), or else the
// headline.
func fuller(head string, metas, sites []string) string {
	for _, t := range metas {
		if len(t) <= len(head)+1 {
			continue
		}
		lt, lh := strings.ToLower(t), strings.ToLower(head)
		if strings.HasPrefix(lt, lh+" ") && startsWord(t[len(head)+1:]) && !opensWithName(t[len(head)+1:], sites) ||
			strings.HasSuffix(lt, " "+lh) && endsWord(t[:len(t)-len(head)-1]) && !opensWithName(t[:len(t)-len(head)-1], sites) {
			return t
		}
	}
	return head
}

// opensWithName reports whether a text is, or starts or ends with, one of
// names, but for case, spaces and punctuation ("Early Retirement Extreme:
// a blog" and "earlyretirementextreme").
func opensWithName(text string, names []string) bool {
	t := normName(text)
	for _, n := range names {
		if n = normName(n); len(n) >= 3 && (strings.HasPrefix(t, n) || strings.HasSuffix(t, n)) {
			return true
		}
	}
	return false
}

// mangledMark matches a question mark or a replacement character inside a
// headline ("Gardener? Almanac"), where a site that lost its characters'
// encoding put it for an apostrophe, a colon or a dash.
var mangledMark = regexp.MustCompile(`[?\x{FFFD}]\s*[\pL\pN]`)

// unmangled returns the metadata title that a headline is but for the
// characters it shows as "?" or U+FFFD ("Gardener's Almanac" for "Gardener?
// Almanac"), or the headline when there is none.
func unmangled(head string, metas []string) string {
	if !mangledMark.MatchString(head) {
		return head
	}
	var b strings.Builder
	b.WriteString("(?i)^")
	for _, r := range head {
		if r == '?' || r == '\uFFFD' {
			b.WriteString(`[^\pL\pN]?.{0,2}?`)
		} else {
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return head
	}
	for _, t := range metas {
		if re.MatchString(t) && !strings.EqualFold(t, head) {
			return t
		}
	}
	return head
}

// startsWord reports whether a text starts with a letter or digit.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// endsWord reports whether a text ends with a letter or digit.
func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isUpper reports whether a text has letters and all of them are capitals.
func isUpper(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && !strings.ContainsFunc(s, unicode.IsLower)
}

// untruncated returns the first title, or a longer one that starts with it
// when the first was cut short.
func untruncated(titles []string) string {
	first := strings.TrimRight(strings.TrimSuffix(titles[0], "…"), ". ")
	for _, t := range titles[1:] {
		if len(t) > len(first) && strings.HasPrefix(t, first) && !strings.ContainsAny(t[len(first):len(first)+1], "|-–—:·") {
			return t
		}
	}
	return titles[0]
}

// minOnlyHeadlineWords and maxOnlyHeadlineWords bound the length of an
// <h1> taken as the headline though unlike the metadata's title: shorter
// ones are mostly section or site names, longer ones standfirsts.
const minOnlyHeadlineWords, maxOnlyHeadlineWords = 5, 20

// onlyHeadline returns the page's only <h1> that reads like a headline:
// five to twenty words, not the site's name, not a label ending in ":".
func (m *meta) onlyHeadline() (headline, bool) {
	var only headline
	for _, h := range m.h1s {
		n := len(strings.Fields(h.text))
		if n < minOnlyHeadlineWords || n > maxOnlyHeadlineWords || strings.HasSuffix(h.text, ":") || m.isSiteName(h.text) || m.linksElsewhere(h) {
			continue
		}
		if only.text != "" && h.text != only.text {
			return headline{}, false
		}
		if only.text == "" {
			only = h
		}
	}
	return only, only.text != ""
}

// metaTitles are the titles the metadata give (JSON-LD, OpenGraph,
// Twitter, <title>), without the site's name, best first and without
// repeats.
func (m *meta) metaTitles() []string {
	names := m.siteNames()
	var out []string
	seen := map[string]bool{}
	for _, t := range []string{m.ld.headline, m.tag("og:title"), m.tag("twitter:title"), m.tag("dc.title", "dc:title", "dcterms.title", "dcterms:title"), m.pageTitle} {
		t = strings.Trim(viaHandle.ReplaceAllString(cleanMeta(t), ""), " -–—|·•»«~")
		t = strings.TrimSpace(strings.TrimPrefix(t, m.host()+" "))
		t = stripSiteName(t, names)
		if k := strings.ToLower(t); t != "" && !seen[k] && !isWholeSiteName(t, names) {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// viaHandle matches the " via @handle" some sites add to shared titles.
var viaHandle = regexp.MustCompile(`\s+via\s+@\w+$`)

// titleHeadline picks the <h1> that is the article's headline: the first
// one that is a metadata title as the metadata give it, or else the one most
// like a metadata title (headlineMatch), if it is alike enough, or the first one when the
// metadata give no title. Headings that are the site's name are skipped.
func (m *meta) titleHeadline(metas []string) (headline, bool) {
	var best headline
	bestScore := -1.0
	for _, h := range m.h1s {
		if m.isSiteName(h.text) || len(h.text) > 300 || m.linksElsewhere(h) {
			continue
		}
		if len(metas) == 0 {
			return h, true
		}
		for _, t := range metas {
			if s := headlineMatch(h.text, t); s > bestScore {
				best, bestScore = h, s
			}
		}
		if bestScore < 2 && m.isRawTitle(h.text) {
			best, bestScore = h, 2
		}
	}
	return best, bestScore >= minHeadlineMatch
}

// minShortWords and maxShortWords bound the length of a short headline,
// and minShortContained is the share of its words a metadata title must
// hold for it to match that title however much longer the title is
// ("Harbor walks" of "Harbor town: Walks for a
// rainy weekend").
const (
	minShortWords, maxShortWords = 2, 4
	minShortContained            = 0.75
)

// headlineMatch is how alike a heading is to a metadata title: the Dice
// coefficient of their words, but at least minHeadlineMatch for a short
// heading whose words the title nearly all holds, unless the title starts
// or ends with it as with a site's name.
func headlineMatch(head, title string) float64 {
	s := wordDice(head, title)
	if n := len(words(head)); n >= minShortWords && n <= maxShortWords && contained(head, title) >= minShortContained && !endsTitle(head, title) {
		s = max(s, minHeadlineMatch)
	}
	return s
}

// endsTitle reports whether a title starts or ends with a heading set off
// by punctuation, as a site's name is ("Web Ink Now: Six tips").
func endsTitle(head, title string) bool {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	h, t := strings.ToLower(head), strings.ToLower(strings.TrimFunc(title, notWord))
	return len(t) > len(h) && (strings.HasPrefix(t, h) && !startsWord(t[len(h):]) || strings.HasSuffix(t, h) && !endsWord(t[:len(t)-len(h)]))
}

// contained is the share of the words of a that b holds.
func contained(a, b string) float64 {
	wa := wordSet(a)
	if len(wa) == 0 {
		return 0
	}
	return float64(common(wa, wordSet(b))) / float64(len(wa))
}

// common counts the words two sets share.
func common(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// linksElsewhere reports whether a heading links to another page than
// this one, as a teaser does; a headline links to its own page if at all.
func (m *meta) linksElsewhere(h headline) bool {
	if h.link == "" || strings.HasPrefix(h.link, "#") {
		return false
	}
	page, link := m.url(), absoluteURL(h.link, m.base())
	if page == "" || link == "" {
		return false
	}
	return !samePage(page, link)
}

// samePage reports whether two absolute addresses are of the same page:
// the same host, but for "www.", and the same path, but for a last "/".
func samePage(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	return host(ua) == host(ub) && strings.TrimSuffix(ua.Path, "/") == strings.TrimSuffix(ub.Path, "/")
}

// isRawTitle reports whether a heading is, but for case, a title the
// metadata give as they give it, before the site's name is taken off.
func (m *meta) isRawTitle(text string) bool {
	for _, t := range []string{m.ld.headline, m.tag("og:title"), m.tag("twitter:title"), m.pageTitle} {
		if t = cleanMeta(t); t != "" && strings.EqualFold(t, text) {
			return true
		}
	}
	return false
}

// isSiteName reports whether a heading is the name of the site rather than
// of the article: one of its names, or the short part of a "Title | Site"
// title. A longest part too long to be a headline is a description ("Title
// | What this blog is about, in three sentences"), and the short part
// beside it may be the article's title.
func (m *meta) isSiteName(text string) bool {
	for _, n := range m.siteNames() {
		if sameName(text, n) {
			return true
		}
	}
	for _, t := range []string{m.tag("og:title"), m.pageTitle, m.ld.headline} {
		parts := splitTitle(cleanMeta(t))
		if len(parts) < 2 {
			continue
		}
		long := longest(parts)
		if len(strings.Fields(long)) > maxOnlyHeadlineWords {
			continue
		}
		for _, p := range parts {
			if p != long && strings.EqualFold(p, text) {
				return true
			}
		}
	}
	return false
}

// longest returns the longest of parts, the first of those as long.
func longest(parts []string) string {
	long := parts[0]
	for _, p := range parts {
		if len(p) > len(long) {
			long = p
		}
	}
	return long
}

// titleSeparators are what sites put between a title and their name.
var titleSeparators = []string{" | ", " - ", " — ", " – ", " :: ", " · ", " // ", " • ", " » ", " « ", " ~ ", " ⋆ ", " ❘ "}

// splitTitle splits a title at the first separator it has.
func splitTitle(title string) []string {
	for _, sep := range titleSeparators {
		if parts := strings.Split(title, sep); len(parts) > 1 {
			return parts
		}
	}
	return []string{title}
}

// stripSiteName removes a site name added before or after a title: a part
// that is one of the site's names, or a short last part after " | ".
func stripSiteName(title string, names []string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		first, last := parts[0], parts[len(parts)-1]
		switch {
		case isAnyName(last, names):
			return strings.Join(parts[:len(parts)-1], sep)
		case isAnyName(first, names):
			return strings.Join(parts[1:], sep)
		case len(parts) == 2 && len(strings.Fields(last)) <= 4 && (sep == " | " || len(last) < len(first)/2):
			return first
		}
	}
	if first, rest, ok := strings.Cut(title, ": "); ok && isAnyName(first, names) && rest != "" {
		return rest
	}
	return title
}

// isWholeSiteName reports whether a whole title is one of the site's
// names.
func isWholeSiteName(title string, names []string) bool {
	for _, n := range names {
		if normName(title) == normName(n) {
			return true
		}
	}
	return false
}

// isAnyName reports whether s is one of names.
func isAnyName(s string, names []string) bool {
	for _, n := range names {
		if sameName(s, n) {
			return true
		}
	}
	return false
}

// sameName reports whether two names are the same but for case, spaces,
// punctuation, a leading "The" and a domain ending ("Move.org", "move org",
// "Move"); one may hold the other when both are long enough.
func sameName(a, b string) bool {
	na, nb := normName(a), normName(b)
	if na == "" || nb == "" {
		return false
	}
	if na == nb {
		return true
	}
	short, long := na, nb
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 5 && strings.Contains(long, short) && len(long) <= 2*len(short)+4
}

// domainEndings are the last parts of host names left out when a host is
// compared with a name.
var domainEndings = []string{".com", ".org", ".net", ".co.uk", ".co", ".io", ".ai", ".dev", ".news", ".uk", ".de", ".fr", ".au", ".ca", ".us", ".in", ".info", ".blog", ".app"}

// normName lower-cases a name and keeps only its letters and digits.
func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	for _, e := range domainEndings {
		if strings.HasSuffix(s, e) && !strings.Contains(s, " ") {
			s = strings.TrimSuffix(s, e)
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// wordDice is the Dice coefficient of the sets of lower-case words of two
// texts.
func wordDice(a, b string) float64 {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	return 2 * float64(common(wa, wb)) / float64(len(wa)+len(wb))
}

// orderedDice is like wordDice but counts only the words two texts have
// in the same order: twice their longest common subsequence of lower-case
// words over the number of words of both.
func orderedDice(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	prev, cur := make([]int, len(wb)+1), make([]int, len(wb)+1)
	for i := range wa {
		for j := range wb {
			switch {
			case wa[i] == wb[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(wb)]) / float64(len(wa)+len(wb))
}

// words returns the lower-case words of a text, in order.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// wordSet returns the set of lower-case words of a text.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(s) {
		set[w] = true
	}
	return set
}
