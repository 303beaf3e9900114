package extractor_test

import (
	"context"
	"testing"

	"github.com/extract-news/extract/internal/article"
)

// FuzzText runs the language stages on arbitrary text: no panic, and every
// span of the record slices its own text.
func FuzzText(f *testing.F) {
	x := newExtractor(f)
	for _, s := range []string{
		"“We are ready,” she said.",
		"Mr. said “",
		"\"\"\"\n\n“”",
		"Lt. Gen. , said, “A,” he. “B.”\n\n“C",
		"According to , “x”",
		"He said and “x” and she said “y”.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rec, err := x.FromArticle(context.Background(), "fuzz", article.FromText(text))
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, rec)
	})
}
