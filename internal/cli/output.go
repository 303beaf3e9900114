package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// run processes the inputs named by args and writes one record per input
// to the file out, or to stdout when out is "". Each record is flushed as it
// is written, so a run that is stopped leaves every record it finished;
// with resume, the inputs already in out are skipped and the new records
// are added after them.
func (b *batch) run(ctx context.Context, args []string, out string, resume bool, stdout io.Writer) ExitCode {
	if out == "" {
		return b.write(ctx, args, stdout)
	}
	f, done, err := openOutput(out, resume)
	if err != nil {
		fmt.Fprintf(b.stderr, "extract: %v\n", err)
		return ExitUsage
	}
	b.skip = done
	code := b.write(ctx, args, f)
	if err := f.Close(); err != nil {
		fmt.Fprintf(b.stderr, "extract: writing %s: %v\n", out, err)
		return ExitFailed
	}
	return code
}

// openOutput opens the output file for writing. Without resume it is
// emptied. With resume, the sources of the records already in it are
// returned, and a record cut short when a run was stopped is removed.
func openOutput(path string, resume bool) (*os.File, map[string]bool, error) {
	if !resume {
		f, err := os.Create(path)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot write %s: %w", path, unwrap(err))
		}
		return f, nil, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot resume %s: %w", path, unwrap(err))
	}
	done, end, err := doneSources(f)
	if err == nil {
		err = keepUpTo(f, end)
	}
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("resuming %s: %w", path, err)
	}
	return f, done, nil
}

// doneSources reads the records in f and returns their sources and the
// offset where the last whole record ends.
func doneSources(f *os.File) (map[string]bool, int64, error) {
	done := map[string]bool{}
	dec := json.NewDecoder(f)
	var end int64
	for {
		var rec struct {
			Source string `json:"source"`
		}
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			return done, end, nil
		}
		var syntax *json.SyntaxError
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &syntax) {
			return done, end, nil // a record cut short: it is done again
		}
		if err != nil {
			return nil, 0, err
		}
		done[rec.Source] = true
		end = dec.InputOffset()
	}
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
		_, err := f.Write([]byte("\n"))
		return err
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
