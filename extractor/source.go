package extractor

import (
	"context"
	"fmt"
	"time"

	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

// FromSource reads one input and runs the pipeline on it, giving the record
// the extract command writes for it, named src.Name. An input that cannot be
// read gives a failed record, and so does a panic in the pipeline, so that
// one bad input cannot stop a batch.
func (x *Extractor) FromSource(ctx context.Context, src input.Source) (rec record.Record) {
	defer func() {
		if p := recover(); p != nil {
			rec = record.Failed(src.Name, fmt.Errorf("%s: internal error: %v (please report this with the input)", src.Name, p))
		}
		rec.Feed = src.Feed
	}()
	doc, err := src.Load(ctx)
	if err != nil {
		return record.Failed(src.Name, err)
	}
	rec = x.Extract(ctx, doc)
	rec.Source = src.Name
	return rec
}

// stopWait is how long FromSourceWithin waits, after the limit, for the
// work on the input to stop. The stages look at the context often, so it
// stops within moments; the wait is there so that a batch never has more
// articles in work than it has workers, and its bound so that a stage that
// does not stop cannot hold the batch up.
const stopWait = time.Second

// FromSourceWithin is FromSource with a time limit on the one input, from
// reading it to its record; 0 for none. An input over the limit gives a
// failed record that says so, as the extract command's --article-timeout
// does, once the work on it has stopped (or stopWait after the limit).
// When ctx itself ends first, the record is a failed one with ctx's error:
// the caller tells the two apart with ctx.Err().
func (x *Extractor) FromSourceWithin(ctx context.Context, src input.Source, limit time.Duration) record.Record {
	if limit <= 0 {
		return x.FromSource(ctx, src)
	}
	actx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	made := make(chan record.Record, 1)
	go func() { made <- x.FromSource(actx, src) }()
	select {
	case rec := <-made:
		if rec.Error == "" || actx.Err() == nil {
			return rec
		}
	case <-actx.Done():
		select {
		case <-made:
		case <-time.After(stopWait):
		}
	}
	rec := record.Failed(src.Name, fmt.Errorf("%s: gave up after %s (see --article-timeout)", src.Name, limit))
	if err := ctx.Err(); err != nil {
		rec = record.Failed(src.Name, fmt.Errorf("%s: %w", src.Name, err))
	}
	rec.Feed = src.Feed
	return rec
}
