package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Inputs are what one run reads: Args, then the inputs that the files of
// Lists name, in order.
type Inputs struct {
	// Args name inputs as the command line does: paths, URLs and "-".
	Args []string
	// Lists are files that name one input a line, as an arg would ("-" for
	// standard input, which cannot then be an input too), gzipped or not:
	// white space around a line is dropped, and blank lines and lines that
	// start with # are skipped.
	Lists []string
	// Skip, when not nil, reports the names of inputs not to list, such as
	// those a resumed run has done already: a URL skipped is not fetched.
	Skip func(name string) bool
	// Since, when not zero, drops the entries of feeds and sitemaps
	// published (or last modified) before it; an entry without a date is
	// kept.
	Since time.Time
	// MaxArticles, when above 0, ends the listing once it has listed that
	// many inputs (those skipped not counted).
	MaxArticles int
	// Ahead is how many of the URLs that Args and Lists name are fetched
	// ahead of their turn, at once, to tell feeds and sitemaps from
	// articles by their content; 0 for DefaultAhead.
	Ahead int
	// TimeLimit, when above 0, bounds the fetch of each URL fetched ahead,
	// as the time limit of one article does.
	TimeLimit time.Duration
}

// DefaultAhead is the number of URLs fetched ahead of their turn when
// Inputs.Ahead is 0.
const DefaultAhead = 4

// maxListLine is the longest line of a list of inputs.
const maxListLine = 64 << 10

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
