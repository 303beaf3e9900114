package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

func init() {
	register.DoFn3x1[context.Context, Document, func(string), error](&extractFn{})
	register.Emitter1[string]()
}

// extractFn makes the record of each document and emits it as one line of
// JSON, encoded as the extract command encodes it.
type extractFn struct {
	Rules     Rules         `json:"rules"`
	TimeLimit time.Duration `json:"time_limit"`
	MaxBytes  int64         `json:"max_bytes"`

	x        *extractor.Extractor // loaded once per DoFn instance, in Setup
	reader   *input.Reader
	articles beam.Counter
	failures beam.Counter
	quotes   beam.Counter
}

// Setup loads the models and the gazetteer and compiles the rules, once for
// every document this instance will see: the SDK keeps an instance for
// bundle after bundle.
func (fn *extractFn) Setup(ctx context.Context) error {
	start := time.Now()
	set, err := fn.Rules.Load()
	if err != nil {
		return err
	}
	if fn.x, err = extractor.New(set); err != nil {
		return fmt.Errorf("loading the extractor: %w", err)
	}
	log.Infof(ctx, "extract: models, gazetteer and rules loaded in %s", time.Since(start).Round(time.Millisecond))
	fn.reader = newReader(fn.MaxBytes)
	fn.articles = beam.NewCounter("extract", "articles")
	fn.failures = beam.NewCounter("extract", "failures")
	fn.quotes = beam.NewCounter("extract", "quotes")
	return nil
}

// ProcessElement emits the record of doc, or of the file it names. An input
// that could not be read or parsed gives an error record, as in the command;
// only a record that cannot be encoded fails the bundle.
func (fn *extractFn) ProcessElement(ctx context.Context, doc Document, emit func(string)) error {
	if !doc.File {
		return fn.emit(ctx, fn.recordOf(ctx, doc), emit)
	}
	var err error
	eachSource(ctx, fn.reader, doc.Name, func(src input.Source, listErr error) {
		var rec record.Record
		if listErr != nil {
			rec = record.Failed(src.Name, listErr)
		} else {
			rec = fn.x.FromSourceWithin(ctx, src, fn.TimeLimit)
		}
		if err == nil {
			err = fn.emit(ctx, rec, emit)
		}
	})
	return err
}

// recordOf is the record of a document that was read, or of its error.
func (fn *extractFn) recordOf(ctx context.Context, doc Document) record.Record {
	if doc.Err != "" {
		return record.Failed(doc.Name, errors.New(doc.Err))
	}
	return fn.x.FromSourceWithin(ctx, doc.source(), fn.TimeLimit)
}

// emit counts rec and emits it as a line.
func (fn *extractFn) emit(ctx context.Context, rec record.Record, emit func(string)) error {
	line, err := encodeLine(rec)
	if err != nil {
		return fmt.Errorf("encoding the record of %s: %w", rec.Source, err)
	}
	fn.articles.Inc(ctx, 1)
	if rec.Error != "" {
		fn.failures.Inc(ctx, 1)
	}
	fn.quotes.Inc(ctx, int64(len(rec.Quotes)))
	emit(line)
	return nil
}

// encodeLine encodes rec as the command does, without the line's end.
func encodeLine(rec record.Record) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}
