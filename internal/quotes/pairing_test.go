package quotes

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// pairingTemplates are paragraphs of news with balanced quotation marks;
// %[1]s is a speaker's name, %[2]s and %[3]s are quoted sentences, %[4]s a
// mark style's opening and %[5]s its closing mark.
var pairingTemplates = []string{
	"%[4]s%[2]s,%[5]s %[1]s said.",
	"%[1]s said: %[4]s%[2]s.%[5]s",
	"%[4]s%[2]s,%[5]s said %[1]s, a lawyer. %[4]s%[3]s.%[5]s",
	"%[1]s told reporters on Monday that the vote was %[4]s%[3]s%[5]s and left.",
	"%[4]s%[2]s, and %[4]s%[3]s%[5]s is what they say,%[5]s %[1]s said.",
	"The report, titled %[4]sHarbour Works%[5]s, was late.",
}

var pairingNames = []string{"Ana Ruiz", "Tomas Reyes", "Mara Quist", "Ivo Brand", "Lena Park"}

var pairingSentences = []string{
	"We will not back down", "The bridge is safe", "Nobody told us about the plan",
	"It was a long night for the town", "They have to do better than that",
}

// pairingText builds an article of n paragraphs from the templates, each
// typed with straight or curly marks.
func pairingText(r *rand.Rand, n int) []string {
	var paras []string
	for i := 0; i < n; i++ {
		open, close := "“", "”"
		if r.Intn(2) == 0 {
			open, close = `"`, `"`
		}
		tpl := pairingTemplates[r.Intn(len(pairingTemplates))]
		if strings.Count(tpl, "%[4]s") > 1 && open == `"` {
			tpl = pairingTemplates[0] // straight marks do not nest
		}
		paras = append(paras, fmt.Sprintf(tpl, pairingNames[r.Intn(len(pairingNames))],
			pairingSentences[r.Intn(len(pairingSentences))], strings.ToLower(pairingSentences[r.Intn(len(pairingSentences))]), open, close))
	}
	return paras
}

// quotesByParagraph returns, for each paragraph of the text, the quotes that
// start in it, each as its words and its speaker's name.
func quotesByParagraph(t *testing.T, paras []string) [][]string {
	t.Helper()
	text := "Harbour plan\n\n" + strings.Join(paras, "\n\n")
	qs := findAll(t, text)
	out := make([][]string, len(paras))
	start := len("Harbour plan\n\n")
	for i, p := range paras {
		end := start + len(p)
		for _, q := range qs {
			if q.Start >= start && q.Start < end {
				speaker := ""
				if q.Speaker != nil {
					speaker = q.Speaker.Name
				}
				out[i] = append(out[i], text[q.Start:q.End]+" / "+speaker)
			}
		}
		start = end + 2
	}
	return out
}

// TestPairingBalanced checks that in text with balanced marks every quoted
// sentence becomes a quote with its speaker, and a quoted title none.
func TestPairingBalanced(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20; n++ {
		paras := pairingText(r, 6)
		got := quotesByParagraph(t, paras)
		for i, p := range paras {
			titled := strings.Contains(p, "Harbour Works")
			switch {
			case titled && len(got[i]) > 0:
				t.Errorf("%q: a title became quotes %q", p, got[i])
			case !titled && len(got[i]) == 0:
				t.Errorf("%q: no quote", p)
			}
			for _, q := range got[i] {
				if strings.HasSuffix(q, " / ") {
					t.Errorf("%q: quote %q has no speaker", p, q)
				}
			}
		}
	}
}

// TestPairingStrayMark checks that one stray quotation mark in a paragraph
// changes nothing in the paragraphs after it.
func TestPairingStrayMark(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 200; n++ {
		paras := pairingText(r, 5)
		want := quotesByParagraph(t, paras)
		k := r.Intn(len(paras) - 1)
		words := strings.Split(paras[k], " ")
		w := r.Intn(len(words))
		words[w] = []string{"“", "”", `"`}[r.Intn(3)] + words[w]
		stray := append([]string(nil), paras...)
		stray[k] = strings.Join(words, " ")
		got := quotesByParagraph(t, stray)
		for i := k + 1; i < len(paras); i++ {
			if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
				t.Errorf("a stray mark in %q changed the next paragraphs' quotes: %q, want %q", stray[k], got[i], want[i])
			}
		}
	}
}
