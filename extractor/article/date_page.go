package article

import (
	"regexp"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// pageDate is a date shown in the page, where it is, and what kind of mark
// up gave it.
type pageDate struct {
	date    string // YYYY-MM-DD or RFC 3339
	pos     int
	kind    dateKind
	updated bool // labelled as a date of change rather than of publication
}

// dateKind is where a page date came from, from most to least explicit.
type dateKind int

const (
	datePublishedMarkup dateKind = iota // itemprop=datePublished, time[pubdate], class "published"
	dateTimeElement                     // <time datetime> or <time> text
	dateText                            // a date written in a short text
)

var (
	updatedLabel   = regexp.MustCompile(`(?i)\b(updated?|modified|edited|revised|last reviewed|reviewed)\b`)
	publishedLabel = regexp.MustCompile(`(?i)\b(published|posted|written|created|date)\b`)
	hasDigit       = regexp.MustCompile(`\d`)
)

// maxDateText is the longest text node in which a written date is taken
// to be a dateline rather than part of the prose.
const maxDateText = 60

// dateMarkup are the elements whose content, datetime or text is a date.
const dateMarkup = `[itemprop="datePublished"], [itemprop="dateCreated"], [itemprop="dateModified"], time, ` +
	`.published, .entry-date, .post-date, .publish-date, .date-published, .pubdate`

// readPageDates finds the dates a page shows: marked-up publication dates,
// <time> elements and dates written in short texts other than headlines.
// A written date that mark-up close by gives too is left to the mark-up.
func readPageDates(doc *goquery.Document, p *pageIndex) []pageDate {
	var out []pageDate
	doc.Find(dateMarkup).Each(func(_ int, s *goquery.Selection) {
		if d, ok := markupDate(s, p); ok {
			out = append(out, d)
		}
	})
	marked := out
	for i, t := range p.texts {
		if len(t) > maxDateText || p.inHeading[i] || !hasDigit.MatchString(t) {
			continue
		}
		if d := textDate(t); d != "" && !markedUp(marked, d, i) {
			out = append(out, pageDate{date: d, pos: i, kind: dateText, updated: labelledUpdated(p, i, t)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// markupDate reads the date of one dateMarkup element: its datetime or
// content attribute, or else its text.
func markupDate(s *goquery.Selection, p *pageIndex) (pageDate, bool) {
	n := s.Nodes[0]
	at := p.at(n)
	if at < 0 || n.Data == "meta" {
		return pageDate{}, false
	}
	d := normalizeDate(firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", "")))
	if d == "" {
		d = textDate(clean(s.Text()))
	}
	if d == "" {
		return pageDate{}, false
	}
	prop := strings.ToLower(s.AttrOr("itemprop", "") + " " + classOf(n))
	kind := dateTimeElement
	if strings.Contains(prop, "published") || strings.Contains(prop, "created") || s.Is("[pubdate], .pubdate") {
		kind = datePublishedMarkup
	}
	upd := strings.Contains(prop, "modif") || strings.Contains(prop, "updat") || labelledUpdated(p, at, s.Text())
	return pageDate{date: d, pos: at, kind: kind, updated: upd}, true
}

// markedUpSlack is how many text nodes apart a written date and a
// marked-up one can be and still be the same date shown once.
const markedUpSlack = 3

// markedUp reports whether a date written at position at is also given by
// mark-up close by, which says better what kind of date it is.
func markedUp(marked []pageDate, date string, at int) bool {
	for _, d := range marked {
		if dateOnly(d.date) == date && d.pos >= at-markedUpSlack && d.pos <= at+markedUpSlack {
			return true
		}
	}
	return false
}

// labelledUpdated reports whether the text of a date, or the text just
// before it, says it is a date of change ("Updated", "Last modified").
func labelledUpdated(p *pageIndex, at int, text string) bool {
	before := ""
	if at > 0 && at <= len(p.texts) {
		before = p.texts[at-1]
		if len(before) > 40 {
			before = before[len(before)-40:]
		}
	}
	if i := strings.IndexAny(text, "0123456789"); i >= 0 {
		text = text[:i]
	}
	label := before + " " + text
	if publishedLabel.MatchString(text) {
		return false
	}
	return updatedLabel.MatchString(label)
}
