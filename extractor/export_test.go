package extractor

import (
	"context"

	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/article"
	"github.com/extract-news/extract/internal/entities"
)

// The stages one at a time, for the tests and benchmarks of package
// extractor_test; programs use Extract, FromHTML, FromText and FromSource.

func (x *Extractor) Article(doc input.Document) (article.Article, error) { return x.readArticle(doc) }

func (x *Extractor) FromArticle(ctx context.Context, source string, a article.Article) (record.Record, error) {
	return x.fromArticle(ctx, source, a)
}

func (x *Extractor) Entities(ctx context.Context, text string) (*entities.Result, error) {
	return x.findEntities(ctx, text)
}
