package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// Inputs are what one run reads: Args, then the inputs that the files of
// Lists name, in order.
type Inputs struct {
	// Args name inputs as the command line does: paths, URLs and "-".
	Args []string
	// Lists are files that name one input a line, as an arg would ("-" for
	// standard input), gzipped or not: white space around a line is dropped,
	// and blank lines and lines that start with # are skipped.
	Lists []string
	// Skip, when not nil, reports the names of inputs not to list, such as
	// those a resumed run has done already: a URL skipped is not fetched.
	Skip func(name string) bool
}

// maxListLine is the longest line of a list of inputs.
const maxListLine = 64 << 10

// List calls yield for every input that in names, in order, as Sources does
// for args; when in names no input at all, standard input is read. A list
// that cannot be read, or a line of it that is too long, yields an error
// naming it, and the listing goes on. The listing stops when ctx ends or
// yield returns false.
func (r *Reader) List(ctx context.Context, in Inputs, yield func(Source, error) bool) {
	if in.Skip != nil {
		yield = skipping(in.Skip, yield)
	}
	if len(in.Args) == 0 && len(in.Lists) == 0 {
		in.Args = []string{"-"}
	}
	for arg, err := range in.names(r.stdin) {
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			if !yield(Source{Name: arg}, err) {
				return
			}
			continue
		}
		if in.Skip != nil && (isURL(arg) || arg != "-" && !IsContainer(arg)) && in.Skip(NameOf(arg)) {
			continue // done: not even fetched or opened
		}
		if !r.expand(arg, yield) {
			return
		}
	}
}

// skipping passes on to yield the sources that skip does not name.
func skipping(skip func(string) bool, yield func(Source, error) bool) func(Source, error) bool {
	return func(src Source, err error) bool {
		if err == nil && skip(src.Name) {
			return true
		}
		return yield(src, err)
	}
}

// names iterates over the args, then the lines of each list. A list that
// cannot be read, or a line too long, comes as its name with an error.
func (in Inputs) names(stdin io.Reader) func(yield func(string, error) bool) {
	return func(yield func(string, error) bool) {
		for _, arg := range in.Args {
			if !yield(arg, nil) {
				return
			}
		}
		for _, list := range in.Lists {
			if !listLines(list, stdin, yield) {
				return
			}
		}
	}
}

// listLines yields the inputs that the list file at path names, one a line.
func listLines(path string, stdin io.Reader, yield func(string, error) bool) bool {
	name := NameOf(path)
	var rd io.Reader = stdin
	if path == "-" {
		name = "standard input"
		if rd == nil {
			rd = bytes.NewReader(nil)
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return yield(name, fmt.Errorf("cannot read the list of inputs %s: %w", name, unwrapPath(err)))
		}
		defer f.Close()
		rd = f
	}
	return readList(name, rd, yield)
}

// readList yields the inputs that rd names, one a line, gzipped or not.
func readList(name string, rd io.Reader, yield func(string, error) bool) bool {
	br := bufio.NewReaderSize(rd, lineBufferSize)
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(name, fmt.Errorf("reading the list of inputs %s: not valid gzip: %w", name, err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, lineBufferSize)
	}
	for n := 1; ; n++ {
		line, err := readLine(br, maxListLine)
		if err == io.EOF {
			return true
		}
		if err != nil {
			what := err
			if errors.Is(err, errLineTooLong) {
				what = fmt.Errorf("longer than %d bytes", maxListLine)
			}
			if !yield(fmt.Sprintf("%s:%d", name, n), fmt.Errorf("the list of inputs %s, line %d: %w", name, n, what)) {
				return false
			}
			if !errors.Is(err, errLineTooLong) {
				return true
			}
			continue
		}
		if arg := listEntry(line, n); arg != "" && !yield(arg, nil) {
			return false
		}
	}
}

// listEntry is the input that a line of a list names, "" for none: the
// line without the white space around it (and a byte-order mark on the
// first), unless it is a comment.
func listEntry(line []byte, n int) string {
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 || line[0] == '#' {
		return ""
	}
	return string(line)
}
