package quotes

import (
	"context"
	"testing"

	"github.com/extract-news/extract/extractor/nlp"
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
// where they stand.
func TestSeqPlacesEveryQuote(t *testing.T) {
	doc := analyze(t, "Jews were angered. “Trump’s claim that a deal “has to do with Israel” is wrong,” he said.\n\n"+
		"“I feel bad to say it,” she said. “I don’t see him as the president.”")
	qs := findQuoted(doc)
	if len(qs) != 4 {
		t.Fatalf("%d quoted stretches, want 4", len(qs))
	}
	s := newSeq(doc, qs)
	for i, q := range qs {
		u := s.units[s.quoteAt[i]]
		if u.kind != uQuote || u.q != i {
			t.Errorf("stretch %d (%q) has no unit of its own: unit %d is %+v", i, doc.Text[q.start:q.end], s.quoteAt[i], u)
		}
	}
}
