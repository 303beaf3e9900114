package quotes

import (
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
