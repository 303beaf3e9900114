package quotes

import (
	"context"
	"slices"
	"testing"

	"github.com/extract-news/extract/internal/nlp"
)

// analyze runs the language stages that quotes reads on text.
func analyze(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	analyzer, err := nlp.NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := analyzer.Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSeqPlacesEveryQuote checks that every quoted stretch but a nickname
// is one unit of the sequence, also when the mark that ends one stretch
// opens the next (“… “…”), so that the stretches after it are matched
// where they stand; and that a quotation inside another, typed with the
// same marks, stays inside it.
func TestSeqPlacesEveryQuote(t *testing.T) {
	doc := analyze(t, "Jews were angered. “Trump’s claim that a deal “has to do with Israel” is wrong,” he said.\n\n"+
		"“I feel bad to say it. “I don’t see him as the president,” she said. “Not now.”")
	qs := findQuoted(doc)
	var got []string
	for _, q := range qs {
		got = append(got, doc.Text[q.start:q.end])
	}
	want := []string{"Trump’s claim that a deal “has to do with Israel” is wrong", "I feel bad to say it.",
		"I don’t see him as the president", "Not now."}
	if !slices.Equal(got, want) {
		t.Fatalf("quoted stretches %q, want %q", got, want)
	}
	s := newSeq(doc, qs)
	for i, q := range qs {
		u := s.units[s.quoteAt[i]]
		if u.kind != uQuote || u.q != i {
			t.Errorf("stretch %d (%q) has no unit of its own: unit %d is %+v", i, doc.Text[q.start:q.end], s.quoteAt[i], u)
		}
	}
}
