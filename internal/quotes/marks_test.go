package quotes

import (
	"strings"
	"testing"
)

// TestQuotedOtherLanguages checks that the quotation marks of other
// languages delimit quotations, for rule packs of those languages.
func TestQuotedOtherLanguages(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"„Wir haben lange gewartet“, sagte Katrin Vogel nach der Sitzung.", "Wir haben lange gewartet"},
		{"Sie sagte: „Wir haben lange gewartet.“ Dann ging sie.", "Wir haben lange gewartet."},
		{"»Wir haben lange gewartet«, sagte Katrin Vogel nach der Sitzung.", "Wir haben lange gewartet"},
		{"« Nous voulions un lieu où l’on a envie de rester », explique Hélène Martin.", "Nous voulions un lieu où l’on a envie de rester"},
		{"«Queremos un lugar tranquilo», dijo Molina.", "Queremos un lugar tranquilo"},
		{"「今日は晴れです」と彼は言った。", "今日は晴れです"},
		{"彼女は『もう一度やります』と話した。", "もう一度やります"},
		{"»Brazil's transparency push falls short »Read more", ""},
	} {
		doc := analyze(t, c.text)
		qs := findQuoted(doc)
		var got []string
		for _, q := range qs {
			got = append(got, doc.Text[q.start:q.end])
		}
		if c.want == "" && len(got) == 0 {
			continue
		}
		if len(got) != 1 || got[0] != c.want {
			var toks []string
			for _, tk := range doc.Tokens {
				toks = append(toks, tk.Text)
			}
			t.Errorf("%s: quoted %q, want %q (tokens %q)", c.text, got, c.want, toks)
		}
	}
}

// TestNamesBySpeaker checks that a quoted name after a verb of naming,
// used actively by a person, is the speaker's words, and that a name the
// writer gives or that stands inside a noun phrase stays a name.
func TestNamesBySpeaker(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // the cue of the quote that holds the name, "" for no quote
	}{
		{"a nickname a person gives", "Within minutes, Ana Ruiz called Tomas Reyes “Little Tom” twice.", "called"},
		{"a name a pronoun gives after as", "She refers to the mayor as “Mr. Harbour” in every speech.", "refers to"},
		{"a name the writer marks", "Ana Ruiz called the so-called “Gang of Four” a club of friends.", ""},
		{"a title inside a noun phrase", "Ana Ruiz cast Tomas Reyes as the hero in the “Salt and Iron” remake.", ""},
		{"a name a thing is given", "The council has a new ferry called “Harbour Star” this year.", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			for _, q := range findAll(t, c.text) {
				if q.Cue != nil && strings.Contains(c.text[q.Start:q.End], "“") {
					got = q.Cue.Text
				}
			}
			if got != c.want {
				t.Errorf("%q: cue of the quote %q, want %q", c.text, got, c.want)
			}
		})
	}
}

// TestSpokenBeforeCue checks that a short stretch in title case that opens
// its sentence, ends with a comma inside its marks and is followed by a
// person and a verb of saying is speech, and that a title in the writer's
// words or a paper's headline stays a title.
func TestSpokenBeforeCue(t *testing.T) {
	for _, c := range []struct {
		name, text, words string
		spoken            bool
	}{
		{"a form of address", "“Your Honor,” Ana Ruiz said, “the harbour has been closed since May.”", "Your Honor", true},
		{"a short sentence in capitals", "“Like Dover. Or Leeds,” Tomas Reyes said. “The numbers are worse.”", "Like Dover", true},
		{"a title after the writer's words", "In her 2002 book, “Salt and Iron,” Ana Ruiz said the harbour would close.", "Salt and Iron", false},
		{"a paper's headline", "“Mayor Closes Harbour,” the Harbour Times declared on Monday.", "Mayor Closes Harbour", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := false
			for _, q := range findAll(t, c.text) {
				got = got || q.Cue != nil && strings.Contains(c.text[q.Start:q.End], c.words)
			}
			if got != c.spoken {
				t.Errorf("%q: %q in an attributed quote is %v, want %v", c.text, c.words, got, c.spoken)
			}
		})
	}
}
