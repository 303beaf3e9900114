// Package input turns what a user names on the command line into documents:
// files (HTML or plain text, either gzipped), folders walked recursively in
// sorted order, http(s) URLs, and standard input.
//
// Inputs are listed lazily, so a folder of any size is walked as it is
// processed, and each is read only when its turn comes.
package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Kind is what a document holds.
type Kind int

// Kinds of document.
const (
	HTML Kind = iota
	Text
)

func (k Kind) String() string {
	if k == HTML {
		return "html"
	}
	return "text"
}

// Document is one input, read and decompressed.
type Document struct {
	Source      string // as the user gave it: a path, a URL or "-"
	URL         string // where a fetched page came from, after redirects
	Kind        Kind
	Data        []byte
	ContentType string // from the HTTP response, when fetched
}

// Options limit how inputs are read and fetched.
type Options struct {
	MaxBytes     int64         // largest input accepted, after decompression
	Timeout      time.Duration // for fetching one URL
	MaxRedirects int
	UserAgent    string
	Client       *http.Client // nil for a client made from the options
}

// DefaultOptions are the limits used when none are configured.
func DefaultOptions() Options {
	return Options{MaxBytes: 20 << 20, Timeout: 30 * time.Second, MaxRedirects: 5, UserAgent: DefaultUserAgent}
}

// DefaultUserAgent names extract to the sites it fetches from.
const DefaultUserAgent = "Mozilla/5.0 (compatible; extract/0.1; +https://github.com/extract-news/extract)"

// Source is one input not yet read.
type Source struct {
	Name string // as given, or the path of a file found in a folder
	load func(context.Context) (Document, error)
}

// Load reads the source.
func (s Source) Load(ctx context.Context) (Document, error) { return s.load(ctx) }

// Reader lists and reads inputs.
type Reader struct {
	opts   Options
	client *http.Client
	stdin  io.Reader
}

// NewReader returns a Reader with the given limits, reading "-" from stdin.
func NewReader(opts Options, stdin io.Reader) *Reader {
	r := &Reader{opts: opts, client: opts.Client, stdin: stdin}
	if r.client == nil {
		r.client = newClient(opts)
	}
	return r
}

// Sources calls yield for every input that args name, in order: a folder
// yields its files of known kinds, walked recursively in sorted order. No
// args, or "-", is standard input. A path that cannot be read yields an
// error for that path, and the listing goes on. yield returns false to stop.
func (r *Reader) Sources(args []string, yield func(Source, error) bool) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, arg := range args {
		if !r.expand(arg, yield) {
			return
		}
	}
}

func (r *Reader) expand(arg string, yield func(Source, error) bool) bool {
	switch {
	case arg == "-":
		return yield(Source{Name: "-", load: r.loadStdin}, nil)
	case isURL(arg):
		return yield(Source{Name: arg, load: func(ctx context.Context) (Document, error) { return r.fetch(ctx, arg) }}, nil)
	}
	info, err := os.Stat(arg)
	if err != nil {
		return yield(Source{Name: arg}, fmt.Errorf("cannot read %s: %w", arg, unwrapPath(err)))
	}
	if !info.IsDir() {
		return yield(r.fileSource(arg), nil)
	}
	ok := true
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = yield(Source{Name: path}, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err)))
		} else if !d.IsDir() && KnownFile(path) {
			ok = yield(r.fileSource(path), nil)
		}
		if !ok {
			return filepath.SkipAll
		}
		return nil
	})
	return ok && err == nil
}

// KnownFile reports whether a file name has an extension extract reads when
// walking a folder: .html, .htm, .xhtml, .txt, .text, optionally with .gz.
func KnownFile(name string) bool {
	_, ok := kindOfName(name)
	return ok
}

func kindOfName(name string) (Kind, bool) {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".html", ".htm", ".xhtml":
		return HTML, true
	case ".txt", ".text":
		return Text, true
	}
	return HTML, false
}

func (r *Reader) fileSource(path string) Source {
	return Source{Name: path, load: func(ctx context.Context) (Document, error) {
		f, err := os.Open(path)
		if err != nil {
			return Document{}, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
		}
		defer f.Close()
		data, err := r.readAll(f)
		if err != nil {
			return Document{}, fmt.Errorf("reading %s: %w", path, err)
		}
		kind, known := kindOfName(path)
		if !known {
			kind = Sniff(data)
		}
		return Document{Source: path, Kind: kind, Data: data}, nil
	}}
}

func (r *Reader) loadStdin(context.Context) (Document, error) {
	data, err := r.readAll(r.stdin)
	if err != nil {
		return Document{}, fmt.Errorf("reading standard input: %w", err)
	}
	return Document{Source: "-", Kind: Sniff(data), Data: data}, nil
}

// readAll reads everything from rd, up to the byte limit, unpacking gzip.
func (r *Reader) readAll(rd io.Reader) ([]byte, error) {
	data, err := readLimited(rd, r.opts.MaxBytes)
	if err != nil || !isGzip(data) {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not valid gzip: %w", err)
	}
	data, err = readLimited(zr, r.opts.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("unpacking gzip: %w", err)
	}
	return data, nil
}

// readLimited reads at most limit bytes, failing when there are more.
func readLimited(rd io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultOptions().MaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the limit of %d bytes (see --max-bytes)", limit)
	}
	return data, nil
}

func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// unwrapPath drops the path from an *fs.PathError, which the caller names.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
