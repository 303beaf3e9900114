package extractor_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/extract-news/extract/internal/article"
)

// doneAfter is a context that is done from its n-th look on: a deadline
// that passes in the middle of a stage, wherever the stage looks.
type doneAfter struct {
	context.Context
	n int
}

func (c *doneAfter) Err() error {
	if c.n--; c.n > 0 {
		return nil
	}
	return context.DeadlineExceeded
}

// TestStopsWithinAParagraph checks that the first language stage looks at
// the context within a paragraph, not only between paragraphs: an article
// may be one paragraph of megabytes.
func TestStopsWithinAParagraph(t *testing.T) {
	x := newExtractor(t)
	a := article.FromText(strings.Repeat("“We will win,” Ana Ruiz said. ", 50))
	ctx := &doneAfter{Context: context.Background(), n: 2}
	_, err := x.FromArticle(ctx, "long", a)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(err.Error(), "analyzing long: ") {
		t.Errorf("error %v, want %v while analyzing", err, context.DeadlineExceeded)
	}
}
