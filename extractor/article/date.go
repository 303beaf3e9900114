package article

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the forms of date found in page metadata, tried in order.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"2006/01/02", "20060102", time.RFC1123Z, time.RFC1123, time.RFC850, "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "January 2 2006", "Jan. 2, 2006",
}

// normalizeDate turns a date from metadata into YYYY-MM-DD, or into RFC 3339
// when it has a time and a zone. It returns "" for what is not a date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1990 || t.Year() > 2100 {
			return ""
		}
		if strings.Contains(layout, "15") && (strings.Contains(layout, "07") || strings.Contains(layout, "Z")) {
			return t.Format(time.RFC3339)
		}
		return t.Format("2006-01-02")
	}
	if m := isoDatePrefix.FindString(s); m != "" {
		return normalizeDate(m)
	}
	return ""
}

var (
	isoDatePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	urlDate       = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)`)
)

// dateFromURL finds a date written into a page's address: /2024/05/06/.
func dateFromURL(u string) string {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	return normalizeDate(m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]))
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
