package article

import (
	"regexp"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// pageDate is a date shown in the page, where it is, and what kind of mark
// up gave it.
type pageDate struct {
	date    string // YYYY-MM-DD or RFC 3339
	pos     int
	kind    dateKind
	updated bool   // labelled as a date of change rather than of publication
	posted  bool   // labelled as the date of publication ("Posted on")
	alt     string // the other reading of a date written as 03/10/2023, or ""
}

// dateKind is where a page date came from, from most to least explicit.
type dateKind int

const (
	datePublishedMarkup dateKind = iota // itemprop=datePublished, time[pubdate], class "published"
	dateTimeElement                     // <time datetime> or <time> text
	dateText                            // a date written in a short text
	dateStated                          // "originally published on <date>" in a sentence
)

var (
	updatedLabel   = regexp.MustCompile(`(?i)\b(updated?|modified|edited|revised|last reviewed|reviewed)\b`)
	publishedLabel = regexp.MustCompile(`(?i)\b(published|posted|written|created|date)\b`)
	postedLabel    = regexp.MustCompile(`(?i)\b(published|posted)\b`)
	// firstPublished is a sentence's words that the date after them is
	// when the article first came out.
	firstPublished = regexp.MustCompile(`(?i)\b(?:originally|first)\s+(?:published|posted)\s+(?:on\s+|in\s+)?`)
	hasDigit       = regexp.MustCompile(`\d`)
)

// maxDateText is the longest text node in which a written date is taken
// to be a dateline rather than part of the prose.
const maxDateText = 60

// dateMarkup are the elements whose content, datetime or text is a date.
const dateMarkup = `[itemprop="datePublished"], [itemprop="dateCreated"], [itemprop="dateModified"], time, ` +
	`.published, .entry-date, .post-date, .publish-date, .date-published, .pubdate`

// readPageDates finds the dates a page shows: marked-up publication dates,
// <time> elements, dates written in short texts other than headlines, and
// dates a sentence says the article was first published on. A written date
// that mark-up close by gives too is left to the mark-up.
func readPageDates(doc *goquery.Document, p *pageIndex) []pageDate {
	var out []pageDate
	doc.Find(dateMarkup).Each(func(_ int, s *goquery.Selection) {
		if d, ok := markupDate(s, p); ok {
			out = append(out, d)
		}
	})
	marked := out
	for i, t := range p.texts {
		if p.inHeading[i] || !hasDigit.MatchString(t) {
			continue
		}
		if d := statedDate(t); d != "" {
			out = append(out, pageDate{date: d, pos: i, kind: dateStated})
			continue
		}
		if len(t) > maxDateText {
			continue
		}
		if d, alt := textDateAlt(t); d != "" && !markedUp(marked, d, i) {
			upd := labelledUpdated(p, i, t)
			posted := !upd && publishedLabel.MatchString(labelOf(p, i, t))
			out = append(out, pageDate{date: d, pos: i, kind: dateText, updated: upd, posted: posted, alt: alt})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// statedDate returns the date a text says the article was first published
// on ("This article was originally published on 26 Sep 2019"), or "".
func statedDate(t string) string {
	loc := firstPublished.FindStringIndex(t)
	if loc == nil {
		return ""
	}
	rest := t[loc[1]:]
	if len(rest) > 40 {
		rest = rest[:40]
	}
	return textDate(rest)
}

// markupDate reads the date of one dateMarkup element: its datetime or
// content attribute, or else its text.
func markupDate(s *goquery.Selection, p *pageIndex) (pageDate, bool) {
	n := s.Nodes[0]
	at := p.at(n)
	if at < 0 || n.Data == "meta" {
		return pageDate{}, false
	}
	d, alt := normalizeDate(firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""))), ""
	if d == "" {
		d, alt = textDateAlt(clean(s.Text()))
	}
	if d == "" {
		return pageDate{}, false
	}
	prop := strings.ToLower(s.AttrOr("itemprop", "") + " " + classOf(n))
	kind := dateTimeElement
	if strings.Contains(prop, "published") || strings.Contains(prop, "created") || s.IsMatcher(pubdateMatcher) {
		kind = datePublishedMarkup
	}
	upd := strings.Contains(prop, "modif") || strings.Contains(prop, "updat") || labelledUpdated(p, at, s.Text())
	posted := !upd && postedLabel.MatchString(labelOf(p, at, clean(s.Text())))
	return pageDate{date: d, pos: at, kind: kind, updated: upd, posted: posted, alt: alt}, true
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
	if publishedLabel.MatchString(ownLabel(text)) {
		return false
	}
	return updatedLabel.MatchString(labelOf(p, at, text))
}

// labelOf returns the words that label a date written in text at
// position at: the end of the text before it and the words of its own
// text before the first digit.
func labelOf(p *pageIndex, at int, text string) string {
	before := ""
	if at > 0 && at <= len(p.texts) {
		before = p.texts[at-1]
		if len(before) > 40 {
			before = before[len(before)-40:]
		}
	}
	return before + " " + ownLabel(text)
}

// ownLabel returns the part of a date's text before its first digit.
func ownLabel(text string) string {
	if i := strings.IndexAny(text, "0123456789"); i >= 0 {
		return text[:i]
	}
	return text
}

// pubdateMatcher matches the elements marked as the publication date.
var pubdateMatcher = cascadia.MustCompile("[pubdate], .pubdate")
