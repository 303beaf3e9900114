package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/extract-news/extract/extractor/input"
)

// run processes the inputs named by args and writes one record per input
// to the file out, or to stdout when out is "". Each record is flushed as it
// is written, so a run that is stopped leaves every record it finished.
//
// With resume, the inputs whose newest record in out is a good one are
// skipped, the others (failed ones included) are done again, and their
// records are added at the end; once every input is done, the file is
// rewritten, atomically, with only the newest record of each input.
func (b *batch) run(ctx context.Context, args []string, out string, resume bool, stdout io.Writer) ExitCode {
	if out == "" {
		return b.write(ctx, args, stdout)
	}
	if err := outputIsNoInput(out, slices.Concat(args, b.inputs.Lists)); err != nil {
		fmt.Fprintf(b.stderr, "extract: %v\n", err)
		return ExitUsage
	}
	f, prior, err := openOutput(out, resume)
	if err != nil {
		fmt.Fprintf(b.stderr, "extract: %v\n", err)
		return ExitUsage
	}
	b.reportPrior(out, prior)
	if info, err := f.Stat(); err == nil {
		b.reader.Exclude(info)
	}
	b.skip = prior.done
	code := b.write(ctx, args, f)
	if err := f.Close(); err != nil {
		fmt.Fprintf(b.stderr, "extract: writing %s: %v\n", out, err)
		return ExitFailed
	}
	if ctx.Err() == nil && (prior.superseded || len(prior.failed) > 0) {
		if err := compact(out); err != nil {
			fmt.Fprintf(b.stderr, "extract: tidying %s: %v (its records are all there; run again with --resume to tidy it)\n", out, err)
			return ExitFailed
		}
	}
	return code
}

// reportPrior says what --resume found in the output file besides good
// records.
func (b *batch) reportPrior(out string, prior priorRecords) {
	for _, line := range prior.bad {
		fmt.Fprintf(b.stderr, "extract: %s:%d: not a record: its input is done again, and the line moves to %s.rejected when the run ends\n", out, line, out)
	}
	if n := len(prior.failed); n == 1 && !b.quiet {
		fmt.Fprintln(b.stderr, "extract: 1 input that failed before is tried again")
	} else if n > 1 && !b.quiet {
		fmt.Fprintf(b.stderr, "extract: %d inputs that failed before are tried again\n", n)
	}
}

// outputIsNoInput refuses an output file that is also one of the inputs,
// which writing would empty before it is read.
func outputIsNoInput(out string, args []string) error {
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil // a new file is no input
	}
	for _, arg := range args {
		if arg == "-" || strings.Contains(arg, "://") {
			continue
		}
		if info, err := os.Stat(arg); err == nil && os.SameFile(info, outInfo) {
			return fmt.Errorf("-o %s is also an input: write the records to another file", input.NameOf(out))
		}
	}
	return nil
}

// openOutput opens the output file for writing. Without resume it is
// emptied. With resume, the records already in it are read, a record cut
// short by a kill is removed, and the file is opened to add to.
func openOutput(path string, resume bool) (*os.File, priorRecords, error) {
	if !resume {
		f, err := os.Create(path)
		if err != nil {
			return nil, priorRecords{}, fmt.Errorf("cannot write %s: %w", path, unwrap(err))
		}
		return f, priorRecords{}, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, priorRecords{}, fmt.Errorf("cannot resume %s: %w", path, unwrap(err))
	}
	prior, err := readPrior(f)
	if err == nil && len(prior.bad) > prior.records {
		err = errors.New("it holds no records of extract, so it is not the output of a run to go on with; nothing was changed")
	}
	if err == nil {
		err = keepUpTo(f, prior.end)
	}
	if err != nil {
		f.Close()
		return nil, priorRecords{}, fmt.Errorf("cannot resume %s: %w", path, err)
	}
	return f, prior, nil
}

// keepUpTo cuts f after its last whole record and places the writing
// offset there, with the record's line ended.
func keepUpTo(f *os.File, end int64) error {
	if err := f.Truncate(end); err != nil {
		return err
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		return err
	}
	if end > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, end-1); err != nil {
			return err
		}
		if last[0] != '\n' {
			_, err := f.Write([]byte("\n"))
			return err
		}
	}
	return nil
}

// unwrap drops the path from an *fs.PathError, which the caller names.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
