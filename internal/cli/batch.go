package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

// batch runs the pipeline over every input and writes the records.
type batch struct {
	x      *extractor.Extractor
	reader *input.Reader
	pretty bool
	quiet  bool
	stderr io.Writer
}

// run processes the inputs named by args and writes one record per input to
// the file out (atomically: it appears whole, or not at all) or to stdout.
func (b *batch) run(ctx context.Context, args []string, out string, stdout io.Writer) ExitCode {
	if out == "" {
		return b.write(ctx, args, stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		fmt.Fprintf(b.stderr, "extract: cannot write %s: %v\n", out, err)
		return ExitUsage
	}
	code := b.write(ctx, args, f)
	if err := finish(f, out); err != nil {
		fmt.Fprintf(b.stderr, "extract: writing %s: %v\n", out, err)
		return ExitFailed
	}
	return code
}

// finish closes the temporary file and moves it into place.
func finish(f *os.File, out string) error {
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), out)
}

// write processes every input in order and encodes its record to w.
func (b *batch) write(ctx context.Context, args []string, w io.Writer) ExitCode {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if b.pretty {
		enc.SetIndent("", "  ")
	}
	code := ExitOK
	b.reader.Sources(args, func(src input.Source, err error) bool {
		var rec record.Record
		if err != nil {
			rec = record.Failed(src.Name, err)
		} else {
			rec = b.process(ctx, src)
		}
		if rec.Error != "" {
			code = ExitFailed
			fmt.Fprintf(b.stderr, "extract: %s\n", rec.Error)
		}
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintf(b.stderr, "extract: writing the record of %s: %v\n", src.Name, err)
			code = ExitFailed
			return false
		}
		return ctx.Err() == nil
	})
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(b.stderr, "extract: writing output: %v\n", err)
		return ExitFailed
	}
	return code
}

// process reads one input and runs the pipeline on it. A panic in the
// pipeline becomes an error record, so one bad input cannot stop a batch.
func (b *batch) process(ctx context.Context, src input.Source) (rec record.Record) {
	defer func() {
		if p := recover(); p != nil {
			rec = record.Failed(src.Name, fmt.Errorf("%s: internal error: %v (please report this with the input)", src.Name, p))
		}
	}()
	doc, err := src.Load(ctx)
	if err != nil {
		return record.Failed(src.Name, err)
	}
	rec = b.x.Extract(ctx, doc)
	rec.Source = src.Name
	return rec
}
