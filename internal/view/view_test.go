package view

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/extract-news/extract/extractor/record"
)

// span returns the [start, end) in code points of the first sub in text at
// or after the code point from.
func span(t *testing.T, text, sub string, from int) (int, int) {
	t.Helper()
	r, s := []rune(text), []rune(sub)
	for i := from; i+len(s) <= len(r); i++ {
		if string(r[i:i+len(s)]) == sub {
			return i, i + len(s)
		}
	}
	t.Fatalf("%q is not in the text after %d", sub, from)
	return 0, 0
}

const testText = "Città hall\n\n“We will <rebuild> the bridge,” Mayor Ana Ruiz said. She said the work would end in Città Nova by May.\n\nA second paragraph."

// testRecord is a record of testText whose marks cross: the mention of
// Città Nova runs across the end of an indirect quote, the quote's part
// and cue sit inside it, and one quote lies outside the text.
func testRecord(t *testing.T) record.Record {
	rec := record.Record{Source: "test.txt", Title: "Bridge <news>", Text: testText, Published: "2025-12-02"}
	ms, me := span(t, testText, "Ana Ruiz", 0)
	cs, ce := span(t, testText, "Città Nova", 12)
	rec.Entities = []record.Entity{
		{ID: "e1", Name: "Ana Ruiz", Type: "PERSON", Title: "Mayor", Salience: 0.9, Mentions: []record.Mention{{Start: ms, End: me, Text: "Ana Ruiz"}}},
		{ID: "e2", Name: "Città Nova", Type: "GPE", Salience: 0.2, Mentions: []record.Mention{{Start: cs, End: ce, Text: "Città Nova"}}},
	}
	name, ent := "Ana Ruiz", "e1"
	qs, qe := span(t, testText, "We will <rebuild> the bridge,", 0)
	ss, se := span(t, testText, "said", 0)
	ps, pe := span(t, testText, "She", 0)
	c2s, c2e := span(t, testText, "said", pe)
	is, ie := span(t, testText, "the work would end in Città", 0)
	rec.Quotes = []record.Quote{
		{ID: "q1", Type: "direct", Text: "We will <rebuild> the bridge,", Start: qs, End: qe, Confidence: 0.92,
			Speaker: &record.Speaker{Name: &name, Entity: &ent, Start: ms, End: me, Text: "Ana Ruiz"},
			Cue:     &record.Span{Text: "said", Start: ss, End: se},
			Parts:   []record.Span{{Text: "We will <rebuild> the bridge", Start: qs, End: qe - 1}}},
		{ID: "q2", Type: "indirect", Text: "the work would end in Città", Start: is, End: ie, Confidence: 0.5,
			Speaker:  &record.Speaker{Start: ps, End: pe, Text: "She"},
			Cue:      &record.Span{Text: "said", Start: c2s, End: c2e},
			Parts:    []record.Span{{Text: "the work would end in Città", Start: is, End: ie}},
			Resolved: "pronoun"},
		{ID: "q3", Type: "partial", Text: "beyond", Start: 500, End: 510},
	}
	return rec
}

func render(t *testing.T, recs []record.Record) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, recs, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarksNest checks that the tags of the page close in the order they
// open where the record's marks cross.
func TestMarksNest(t *testing.T) {
	z := html.NewTokenizer(strings.NewReader(render(t, []record.Record{testRecord(t)})))
	var stack []string
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Fatalf("</%s> closes <%s>: the tags do not nest", name, strings.Join(stack, "><"))
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Errorf("left open: <%s>", strings.Join(stack, "><"))
	}
}

var voidElements = map[string]bool{"meta": true, "br": true, "input": true, "link": true, "img": true}

// TestMarksKeepTheText checks that the article's text reads unchanged in
// the page once the labels are left out, and that each quote's marks hold
// exactly its words.
func TestMarksKeepTheText(t *testing.T) {
	rec := testRecord(t)
	doc, err := html.Parse(strings.NewReader(render(t, []record.Record{rec})))
	if err != nil {
		t.Fatal(err)
	}
	body := find(doc, func(n *html.Node) bool { return hasClass(n, "body") })
	if body == nil {
		t.Fatal("no div.body in the page")
	}
	var paras []string
	for p := body.FirstChild; p != nil; p = p.NextSibling {
		if p.Type == html.ElementNode && p.Data == "p" {
			paras = append(paras, textOf(p))
		}
	}
	want := []string{"Città hall", testText[strings.Index(testText, "“"):strings.Index(testText, "\n\nA")], "A second paragraph."}
	if strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs:\n%q\nwant\n%q", paras, want)
	}
	quoted := map[string]string{}
	walk(body, func(n *html.Node) bool {
		if hasClass(n, "q") {
			for _, id := range strings.Fields(attrOf(n, "data-q")) {
				quoted[id] += textOf(n)
			}
			return false
		}
		return true
	})
	for i, q := range rec.Quotes[:2] {
		if got := quoted[quoteID("a1", i)]; got != q.Text {
			t.Errorf("quote %s's marks hold %q, want %q", q.ID, got, q.Text)
		}
	}
	if len(quoted) != 2 {
		t.Errorf("marked quotes %v, want the two inside the text", quoted)
	}
}

// TestLabels checks the label after each quote, the speaker's mark and the
// tables: who said it (or that a pronoun was not resolved), type and
// confidence.
func TestLabels(t *testing.T) {
	rec := testRecord(t)
	doc, err := html.Parse(strings.NewReader(render(t, []record.Record{rec})))
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	walk(doc, func(n *html.Node) bool {
		if hasClass(n, "who") && attrOf(n, "data-q") != "" {
			labels = append(labels, textOf(n))
			return false
		}
		return true
	})
	want := []string{"Ana Ruiz direct 0.92", "“She”, not resolved indirect 0.50", "Ana Ruiz partial 0.00"}
	if strings.Join(labels[:min(2, len(labels))], "|") != strings.Join(want[:2], "|") {
		t.Errorf("labels %q, want %q", labels, want[:2])
	}
	spk := find(doc, func(n *html.Node) bool { return attrOf(n, "data-spk") == "a1-q1" })
	if spk == nil || textOf(spk) != "Ana Ruiz" || attrOf(spk, "data-e") != "a1-e1" {
		t.Errorf("the speaker of the first quote is not marked as Ana Ruiz, entity a1-e1: %v", spk)
	}
	speakers := find(doc, func(n *html.Node) bool { return hasClass(n, "speakers") })
	if s := textOf(speakers); !strings.Contains(s, "Ana Ruiz 1") || !strings.Contains(s, "direct · said · 0.92") ||
		!strings.Contains(s, "“She”, not resolved 1") {
		t.Errorf("the table of speakers reads %q", s)
	}
	entities := find(doc, func(n *html.Node) bool { return hasClass(n, "entities") })
	if s := textOf(entities); !strings.Contains(s, "Ana RuizPERMayor110.90") {
		t.Errorf("the table of entities reads %q", s)
	}
}

// TestPageIsSelfContained checks that the page loads nothing: no scripts,
// styles, images or frames from elsewhere, and that the record's text is
// escaped.
func TestPageIsSelfContained(t *testing.T) {
	p := render(t, []record.Record{testRecord(t), record.Failed("broken.html", errString("broken.html: not an article"))})
	for _, bad := range []string{" src=", "<link", "@import", "url(", "<rebuild>", "<news>"} {
		if strings.Contains(p, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, good := range []string{"&lt;rebuild&gt;", `href="#a1"`, `href="#a2"`, "broken.html: not an article", "<title>2 articles · extract</title>"} {
		if !strings.Contains(p, good) {
			t.Errorf("the page of a run lacks %q", good)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestParagraphBounds checks where the text is split into paragraphs.
func TestParagraphBounds(t *testing.T) {
	for _, c := range []struct {
		text string
		want [][2]int
	}{
		{"", nil},
		{"one", [][2]int{{0, 3}}},
		{"one\ntwo", [][2]int{{0, 7}}},
		{"one\n\ntwo  ", [][2]int{{0, 3}, {5, 8}}},
		{"\n \n one \r\n\r\n two", [][2]int{{4, 7}, {13, 16}}},
	} {
		got := paragraphBounds([]rune(c.text))
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: %v, want %v", c.text, got, c.want)
			}
		}
	}
}

func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(n *html.Node) bool {
		if found == nil && match(n) {
			found = n
		}
		return found == nil
	})
	return found
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attrOf(n, "class")+" ", " "+class+" ")
}

// textOf is the text of n, without the labels of entity types and quotes.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c != n && (hasClass(c, "lbl") || hasClass(c, "who")) && !hasClass(n, "who") {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// TestLabelContrast checks that the white text of the quotes' labels, and
// the ink on the entities' tints, are legible: a contrast of 4.5 to 1 or
// more (WCAG AA), read from the colours of view.css.
func TestLabelContrast(t *testing.T) {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([\w-]+):\s*(#[0-9a-fA-F]{6});`).FindAllStringSubmatch(viewCSS, -1) {
		vars[m[1]] = m[2]
	}
	pairs := map[string][2]string{
		"direct label": {"#ffffff", vars["direct-chip"]}, "partial label": {"#ffffff", vars["partial-chip"]},
		"indirect label": {"#ffffff", vars["indirect-chip"]}, "other label": {"#ffffff", vars["muted"]},
	}
	for name, v := range vars {
		if strings.HasPrefix(name, "ent-") {
			pairs[name] = [2]string{vars["ink"], v}
		}
	}
	if len(pairs) < 12 {
		t.Fatalf("view.css defines the colours %v", vars)
	}
	for name, p := range pairs {
		if p[1] == "" {
			t.Errorf("%s: no colour in view.css", name)
			continue
		}
		if c := contrast(p[0], p[1]); c < 4.5 {
			t.Errorf("%s: %s on %s has a contrast of %.2f, want 4.5 or more", name, p[0], p[1], c)
		}
	}
}

// contrast is the WCAG contrast ratio of two colours written #rrggbb.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var rgb [3]float64
	for i := range rgb {
		n, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(n) / 255
		if c <= 0.03928 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

// TestQuoteInParts checks that a direct quote in parts has only its parts
// underlined (class q-parts), and that other quotes keep their underline.
func TestQuoteInParts(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(render(t, []record.Record{testRecord(t)})))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"a1-q1": true, "a1-q2": false} {
		q := find(doc, func(n *html.Node) bool { return attrOf(n, "id") == id })
		if q == nil || hasClass(q, "q-parts") != want {
			t.Errorf("quote %s: %v, want q-parts %v", id, q, want)
		}
	}
}
