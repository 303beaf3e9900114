package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms of date found in page metadata, tried in order.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST",
	"2006/01/02", "20060102", time.RFC1123Z, time.RFC1123, time.RFC850, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "Mon Jan 2 15:04:05 MST 2006",
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
		if !plausibleYear(t.Year()) {
			return ""
		}
		if strings.Contains(layout, "15") && (strings.Contains(layout, "07") || strings.Contains(layout, "Z") || strings.Contains(layout, "MST")) {
			return t.Format(time.RFC3339)
		}
		return t.Format("2006-01-02")
	}
	if m := isoDatePrefix.FindString(s); m != "" && m != s {
		return normalizeDate(m)
	}
	return textDate(s)
}

// plausibleYear reports whether a year can be a web page's date.
func plausibleYear(y int) bool { return y >= 1990 && y <= 2100 }

var (
	isoDatePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	urlSlashDate  = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|\.|$)`)
	urlDashDate   = regexp.MustCompile(`[/_-]((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[/_.-]|$)`)
	urlCompact    = regexp.MustCompile(`[/_-]((?:19|20)\d\d)(\d\d)(\d\d)[/_.-]`)
	urlMonthName  = regexp.MustCompile(`(?i)/((?:19|20)\d\d)/(` + monthPattern + `)/(\d{1,2})(?:/|\.|$)`)
)

// dateFromURL finds a date written into a page's address: /2024/05/06/,
// /2024-05-06-title, /20240506/ or /2024/may/06/. ("/2024/05/10-tips" has
// no day.)
func dateFromURL(u string) string {
	for _, re := range []*regexp.Regexp{urlSlashDate, urlDashDate, urlCompact, urlMonthName} {
		if m := re.FindStringSubmatch(u); m != nil {
			month := m[2]
			if mon, ok := monthNames[strings.ToLower(month)]; ok {
				month = strconv.Itoa(int(mon))
			}
			if d := ymd(m[1], month, m[3]); d != "" {
				return d
			}
		}
	}
	return ""
}

// monthNames maps English month names and their abbreviations to months.
var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// monthPattern matches an English month name or its abbreviation.
const monthPattern = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// textDatePatterns find a date written out in prose; the name of each
// capture group says which part it holds.
var textDatePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?P<m>` + monthPattern + `)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b`),
	regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>` + monthPattern + `)\.?,?\s+(?P<y>(?:19|20)\d\d)\b`),
	regexp.MustCompile(`(?i)\b(?P<y>(?:19|20)\d\d),?\s+(?P<m>` + monthPattern + `)\.?\s+(?P<d>\d{1,2})\b`),
	regexp.MustCompile(`\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[^\d]|$)`),
	regexp.MustCompile(`\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)\b`),
}

// textDate finds the first date written in a text, such as "March 3, 2024",
// "3rd March 2024", "2024-03-03", "03/03/2024" (month first unless the
// first number cannot be a month), "3.3.2024" (day first) or "27-05-2024"
// (only when the reading is plain), and returns
// it as YYYY-MM-DD, or "".
func textDate(s string) string {
	d, _ := textDateAlt(s)
	return d
}

// textDateAlt is textDate that also returns the other reading of a date
// written in numbers that can be read either way ("03/10/2023" is 10 March
// or 3 October), or "" when there is none.
func textDateAlt(s string) (date, alt string) {
	bestAt := len(s) + 1
	for _, re := range textDatePatterns {
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			if loc[0] >= bestAt {
				break
			}
			if d, a := dateFromMatch(re, s, loc); d != "" {
				date, alt, bestAt = d, a, loc[0]
				break
			}
		}
	}
	return date, alt
}

// dateFromMatch builds YYYY-MM-DD from one match of a textDatePatterns
// pattern, and the other reading of a date in numbers that has one.
func dateFromMatch(re *regexp.Regexp, s string, loc []int) (date, alt string) {
	parts := map[string]string{}
	for i, name := range re.SubexpNames() {
		if name != "" && loc[2*i] >= 0 {
			parts[name] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	if mon, ok := monthNames[strings.ToLower(parts["m"])]; ok {
		parts["m"] = strconv.Itoa(int(mon))
	}
	if parts["a"] == "" {
		return ymd(parts["y"], parts["m"], parts["d"]), ""
	}
	first, second := parts["a"], parts["b"]
	a, _ := strconv.Atoi(first)
	b, _ := strconv.Atoi(second)
	if parts["sep"] == "-" && a <= 12 && b <= 12 && a != b {
		return "", ""
	}
	if parts["sep"] == "." || a > 12 {
		first, second = second, first
	}
	return ymd(parts["y"], first, second), ymd(parts["y"], second, first)
}

// ymd checks a year, month and day and returns them as YYYY-MM-DD, or "".
func ymd(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || !plausibleYear(yi) {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return ""
	}
	return t.Format("2006-01-02")
}
