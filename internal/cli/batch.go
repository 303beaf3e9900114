package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

// batch runs the pipeline over every input with a pool of workers and
// writes the records from one goroutine, so lines never interleave.
type batch struct {
	x         *extractor.Extractor
	reader    *input.Reader
	jobs      int           // workers
	unordered bool          // write records as they are done, not in input order
	timeLimit time.Duration // per article, 0 for none
	pretty    bool
	format    string          // one of formats
	languages map[string]bool // --languages: the only languages written; nil for all
	quiet     bool
	terminal  bool            // stderr is a terminal: show a live progress line
	skip      map[string]bool // sources already in the output (--resume)
	inputs    input.Inputs    // the lists of inputs (-i) and what to take of feeds
	stderr    io.Writer
}

// task is one input on its way through the pool.
type task struct {
	src         input.Source
	listErr     error              // the input could not even be listed
	done        chan record.Record // the record, once made
	interrupted bool               // the run was stopped before the record was made
}

// write processes every input that args name and writes one record per
// input to w in the batch's format, flushing each, so that a stopped run
// leaves whole records. A record in a language that --languages leaves out
// is not written.
func (b *batch) write(ctx context.Context, args []string, w io.Writer) ExitCode {
	out, err := newSink(b.format, w, b.pretty)
	if err != nil {
		fmt.Fprintf(b.stderr, "extract: %v\n", err)
		return ExitFailed
	}
	p := newProgress(b.stderr, b.terminal && !b.quiet)
	if p.live && len(b.inputs.Lists) == 0 {
		go p.count(args)
	}
	code, err := b.each(ctx, args, p, func(rec record.Record) error {
		if b.leftOut(rec) {
			p.leaveOut()
			return nil
		}
		if err := out.write(rec); err != nil {
			return fmt.Errorf("writing the record of %s: %w", rec.Source, err)
		}
		p.add(rec)
		return nil
	})
	if err != nil {
		p.message("extract: " + err.Error())
		p.finish()
		return ExitFailed
	}
	if err := out.end(); err != nil {
		p.message(fmt.Sprintf("extract: writing the output: %v", err))
		code = ExitFailed
	}
	p.finish()
	if !b.quiet && (p.done != 1 || len(b.skip) > 0 || ctx.Err() != nil) {
		p.summary(len(b.skip), ctx.Err() != nil) // a batch's account; one article needs none
	}
	if ctx.Err() != nil && code == ExitOK {
		code = ExitFailed
	}
	return code
}

// each calls fn with the record of every input that args name, in input
// order, as the inputs are done; inputs that a stop interrupted are left
// for a resumed run, and failed records are reported on p. The code is
// ExitFailed when a record failed; an error from fn ends the run with it.
func (b *batch) each(ctx context.Context, args []string, p *progress, fn func(record.Record) error) (ExitCode, error) {
	code := ExitOK
	giveUp := afterStop(ctx, stopGrace)
	tasks := b.results(ctx, args, p)
	for {
		t, rec, ok := nextRecord(tasks, giveUp)
		if !ok {
			return code, nil
		}
		if t.interrupted {
			continue // not done: a resumed run will do it
		}
		if rec.Error != "" {
			code = ExitFailed
			p.message("extract: " + rec.Error)
		}
		if err := fn(rec); err != nil {
			return code, err
		}
	}
}

// leftOut reports whether a record is of an article in a language that
// --languages leaves out, or of one whose language is not known.
func (b *batch) leftOut(rec record.Record) bool {
	return b.languages != nil && rec.Error == "" && !b.languages[rec.Language]
}

// stopGrace is how long a stopped run waits for the records in the making;
// a worker that does not end by then (one blocked reading a pipe, say) is
// left behind, so that a stop always ends the run.
const stopGrace = time.Second

// afterStop returns a channel that is closed grace after ctx ends.
func afterStop(ctx context.Context, grace time.Duration) <-chan struct{} {
	c := make(chan struct{})
	context.AfterFunc(ctx, func() { time.AfterFunc(grace, func() { close(c) }) })
	return c
}

// nextRecord waits for the next task and its record. It reports false at
// the end of the tasks. Once giveUp is closed it waits no more: it takes
// only the records already made, passing over a task still in the making
// as an interrupted one, and reports false when no task is ready.
func nextRecord(tasks <-chan *task, giveUp <-chan struct{}) (*task, record.Record, bool) {
	var t *task
	var ok bool
	select {
	case <-giveUp:
		select {
		case t, ok = <-tasks:
		default:
		}
	default:
		select {
		case t, ok = <-tasks:
		case <-giveUp:
			return nextRecord(tasks, giveUp)
		}
	}
	if !ok {
		return nil, record.Record{}, false
	}
	select {
	case rec := <-t.done:
		return t, rec, true
	case <-giveUp:
		select {
		case rec := <-t.done:
			return t, rec, true
		default:
			return &task{interrupted: true}, record.Record{}, true
		}
	}
}

// results starts the pool and returns the tasks in the order their records
// are to be written: input order, or the order they are done with
// --unordered. At most a few tasks per worker are in flight, so memory
// stays flat however many inputs there are.
func (b *batch) results(ctx context.Context, args []string, p *progress) <-chan *task {
	work := make(chan *task)
	out := make(chan *task, 4*b.jobs)
	finished := make(chan *task, b.jobs)
	go b.list(ctx, args, work, out)
	go b.runWorkers(ctx, work, finished)
	if b.unordered {
		return finished
	}
	go func() {
		for range finished { // records reach the writer through out, in order
		}
	}()
	return out
}

// list sends every input to the workers and, in input order, to out.
func (b *batch) list(ctx context.Context, args []string, work, out chan<- *task) {
	defer close(work)
	defer func() {
		if !b.unordered {
			close(out)
		}
	}()
	in := b.inputs
	in.Args, in.Ahead, in.TimeLimit = args, 2*b.jobs, b.timeLimit
	in.Skip = func(name string) bool { return b.skip[name] }
	b.reader.List(ctx, in, func(src input.Source, err error) bool {
		t := &task{src: src, listErr: err, done: make(chan record.Record, 1)}
		if !b.unordered && !send(ctx, out, t) {
			return false
		}
		return send(ctx, work, t)
	})
}

// send sends t on ch unless the run is stopped first.
func send(ctx context.Context, ch chan<- *task, t *task) bool {
	select {
	case ch <- t:
		return true
	case <-ctx.Done():
		if t.done != nil && len(t.done) == 0 {
			t.interrupted = true
			t.done <- record.Record{}
		}
		return false
	}
}

// runWorkers processes tasks with b.jobs workers and passes each on to
// finished, which it closes at the end.
func (b *batch) runWorkers(ctx context.Context, work <-chan *task, finished chan<- *task) {
	done := make(chan struct{})
	for range b.jobs {
		go func() {
			for t := range work {
				rec, ok := b.recordOf(ctx, t)
				t.interrupted = !ok
				t.done <- rec
				finished <- t
			}
			done <- struct{}{}
		}()
	}
	for range b.jobs {
		<-done
	}
	close(finished)
}

// recordOf makes the record of one task within the time limit. It reports
// false when the run was stopped before the record was made.
func (b *batch) recordOf(ctx context.Context, t *task) (record.Record, bool) {
	if t.listErr != nil {
		return record.Failed(t.src.Name, t.listErr), true
	}
	if ctx.Err() != nil {
		return record.Record{}, false
	}
	rec := b.x.FromSourceWithin(ctx, t.src, b.timeLimit)
	return rec, ctx.Err() == nil || rec.Error == "" // an error may be the stop itself
}
