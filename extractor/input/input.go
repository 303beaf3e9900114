// Package input turns what a user names on the command line into documents:
//
//   - files of HTML or plain text, either gzipped;
//   - JSON Lines files (.jsonl, .ndjson, either gzipped), one document per
//     line: {"url": ..., "html": ...} or {"text": ...}, named path:line,
//     with the line's "id" and other fields (Document.ID and Meta);
//   - WARC files (.warc, .warc.gz, such as Common Crawl's CC-NEWS), one
//     document per successful HTML response record, named path:record;
//   - folders, walked recursively in sorted order, taking files of those kinds
//     and following links (a link to a folder that holds it is reported, not
//     followed); a named pipe, device or socket gives an error unopened;
//   - http(s) URLs, fetched with retries, a deadline and a limit of requests
//     at once to each host, keeping to each site's robots.txt and to a
//     delay between requests to a host, refusing redirects into the user's
//     own network and responses of types other than HTML and text (and,
//     for a URL named itself, feeds and sitemaps);
//   - feeds (RSS, Atom, JSON Feed, read with gofeed) and sitemaps (sitemap
//     indexes, gzipped sitemaps, Google News sitemaps), given as a URL or a
//     file and told by content, which stand for the pages they link to;
//   - lists of inputs, one a line (Inputs.Lists);
//   - standard input: one document, or JSON Lines when its first line is a
//     JSON object with "html" or "text" (named -:line).
//
// Inputs are listed lazily, so a folder of any size is walked as it is
// processed, and each is read only when its turn comes, but for the URLs
// that the inputs name, which are fetched a few ahead of their turn
// (Inputs.Ahead) to tell feeds and sitemaps from articles. The documents of a
// JSON Lines or WARC file are read one at a time as the listing reaches them,
// so memory stays flat however large the file.
package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/extract-news/extract/internal/version"
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
	// Source names the input as Source.Name does: a path, a URL, "-", or
	// path:n for the n-th line of a JSON Lines file or record of a WARC file.
	Source string
	// URL is where the page came from: the fetched address after
	// redirects, a JSON Lines line's "url", or a WARC record's target URI.
	URL         string
	Kind        Kind
	Data        []byte
	ContentType string // from the HTTP response, when fetched or read from a WARC file
	// ID and Meta are a JSON Lines line's own: its "id" (any JSON value)
	// and an object of its other fields but "html", "text" and "url"; nil
	// when the line has none, and for other inputs.
	ID, Meta json.RawMessage
}

// Options limit how inputs are read and fetched. A zero MaxBytes, Attempts,
// Backoff or PerHost takes its default; a zero Timeout means no deadline.
// DefaultOptions gives every default.
type Options struct {
	// MaxBytes is the largest input accepted, after decompression; for a
	// JSON Lines file, the longest line, and for a WARC file, the largest
	// HTTP body.
	MaxBytes int64
	// Timeout is how long one URL may take, every attempt and the waits
	// between them included.
	Timeout time.Duration
	// MaxRedirects is how many redirects a fetch follows before it fails.
	MaxRedirects int
	// UserAgent is the User-Agent header sent with each request; empty for
	// DefaultUserAgent.
	UserAgent string
	// Attempts is how many times a URL is tried when the server answers 429
	// or 5xx, or the network fails in a way that may pass: 1 never retries.
	Attempts int
	// Backoff is the wait after the first failed attempt, doubled after each
	// one; a Retry-After header from the server takes its place.
	Backoff time.Duration
	// PerHost is how many requests may be in flight to one host at once,
	// across every goroutine that uses the Reader; negative for no limit.
	PerHost int
	// AllowPrivateRedirects lets a fetch follow a redirect to an address of
	// the user's own machine or network (loopback, a private range or
	// link-local) from a URL that is not on one; without it such a redirect
	// fails.
	AllowPrivateRedirects bool
	// Delay is the least time between the starts of two requests to one
	// host (scheme, host and port); a longer Crawl-delay in the site's
	// robots.txt, up to a minute, takes its place. 0 for none.
	Delay time.Duration
	// IgnoreRobots fetches what robots.txt does not allow. Without it, each
	// site's robots.txt is read once and its rules for the User-Agent's
	// product name ("extract" for the default) are kept to.
	IgnoreRobots bool
	// Client makes the requests; nil for a client made from the options.
	// Its CheckRedirect decides which redirects to follow (MaxRedirects does
	// not apply); the per-host limit and AllowPrivateRedirects still do,
	// a redirect's host being checked by the addresses it resolves to.
	Client *http.Client
}

// Defaults for the fields of Options.
const (
	DefaultMaxBytes     = 20 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultAttempts     = 3
	DefaultBackoff      = 500 * time.Millisecond
	DefaultPerHost      = 2
)

// DefaultOptions are the limits used when none are configured.
func DefaultOptions() Options {
	return Options{
		MaxBytes: DefaultMaxBytes, Timeout: DefaultTimeout, MaxRedirects: DefaultMaxRedirects,
		UserAgent: DefaultUserAgent(), Attempts: DefaultAttempts, Backoff: DefaultBackoff, PerHost: DefaultPerHost,
	}
}

// DefaultUserAgent names extract and its version (from the build) to the
// sites it fetches from.
func DefaultUserAgent() string { return version.UserAgent() }

// userAgent is the User-Agent in force.
func (r *Reader) userAgent() string {
	if r.opts.UserAgent == "" {
		return DefaultUserAgent()
	}
	return r.opts.UserAgent
}

// Source is one input not yet read.
type Source struct {
	// Name is unique and stable from run to run: the argument as given, the
	// path of a file found in a folder, or path:n for the n-th line (from 1)
	// of a JSON Lines file or the n-th record (from 1, every record counted)
	// of a WARC file; "-:n" for a line of JSON Lines on standard input.
	Name string
	// Feed is the feed or sitemap that listed the source; "" for none.
	Feed string
	load func(context.Context) (Document, error)
}

// Load reads the source.
func (s Source) Load(ctx context.Context) (Document, error) {
	if s.load == nil {
		return Document{}, fmt.Errorf("%s: nothing to read", s.Name)
	}
	return s.load(ctx)
}

// loaded returns a Source whose document has already been read.
func loaded(doc Document) Source {
	return Source{Name: doc.Source, load: func(context.Context) (Document, error) { return doc, nil }}
}

// Reader lists and reads inputs. It is safe for use by several goroutines at
// once, except that standard input can be listed only once and that Exclude
// is to be called before the listing starts.
type Reader struct {
	opts   Options
	client *http.Client
	stdin  io.Reader
	hosts  *hostLimiter
	robots robotsCache // each site's robots.txt
	pacer  pacer       // when each host may be sent a request
	// excluded are files never listed, however a folder names them (Exclude).
	excluded []fs.FileInfo
}

// NewReader returns a Reader with the given limits, reading "-" from stdin.
func NewReader(opts Options, stdin io.Reader) *Reader {
	return newReader(opts, stdin, privateAddr)
}

// newReader returns a Reader for which private tells the addresses of the
// user's network.
func newReader(opts Options, stdin io.Reader, private func(netip.AddrPort) bool) *Reader {
	hosts := newHostLimiter(opts.PerHost)
	r := &Reader{opts: opts, client: newClient(opts, hosts, private), stdin: stdin, hosts: hosts}
	if !opts.IgnoreRobots {
		r.client.CheckRedirect = r.robotsOnRedirect(r.client.CheckRedirect)
	}
	return r
}

// Sources calls yield for every input that args name, in order: a folder
// yields its files of known kinds, walked recursively in sorted order
// through links, but for the files passed to Exclude; a JSON
// Lines file yields each non-blank line and a WARC file each HTML response.
// No args, or "-", is standard input. A path that cannot be read, or a line
// or record that is not a document, yields an error naming it, and the
// listing goes on; a WARC file that is corrupt or cut short yields an error
// and ends its own listing. yield returns false to stop.
//
// The Source of a line or a record holds its document, read as the listing
// reaches it.
func (r *Reader) Sources(args []string, yield func(Source, error) bool) {
	r.List(context.Background(), Inputs{Args: args}, yield)
}

func (r *Reader) expand(arg string, yield func(Source, error) bool) bool {
	name := NameOf(arg)
	if arg == "-" {
		return r.stdinSources(yield, nil)
	}
	info, err := os.Stat(arg)
	if err != nil {
		return yield(Source{Name: name}, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err)))
	}
	if !info.IsDir() {
		return r.fileSources(arg, yield)
	}
	return r.walk(arg, []fs.FileInfo{info}, yield)
}

// KnownFile reports whether a file name has an extension extract reads when
// walking a folder: .html, .htm, .xhtml, .txt, .text, .jsonl, .ndjson or
// .warc, optionally with .gz.
func KnownFile(name string) bool {
	_, ok := kindOfName(name)
	return ok || containerOfName(name) != single
}

// container is how a file holds its documents.
type container int

const (
	single    container = iota // the file is one document
	jsonLines                  // one document per line
	warcFile                   // one document per HTML response record
)

func containerOfName(name string) container {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return jsonLines
	case ".warc":
		return warcFile
	}
	return single
}

// fileSources yields the documents of the file at path: the file itself,
// read when its Source is opened, or the lines or records of a container,
// read from the open file as FileSources reads them.
func (r *Reader) fileSources(path string, yield func(Source, error) bool) bool {
	if containerOfName(path) == single {
		return yield(r.fileSource(path), nil)
	}
	name := NameOf(path)
	f, err := os.Open(path)
	if err != nil {
		return yield(Source{Name: name}, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err)))
	}
	defer f.Close()
	return r.FileSources(name, f, yield)
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
	name := NameOf(path)
	return Source{Name: name, load: func(ctx context.Context) (Document, error) {
		f, err := os.Open(path)
		if err != nil {
			return Document{}, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		return r.readSource(name, f).Load(ctx)
	}}
}

// readAll reads everything from rd, up to the byte limit, unpacking gzip and
// turning UTF-16 with a byte-order mark into UTF-8, and refuses binary data
// and an input with nothing in it but white space.
func (r *Reader) readAll(rd io.Reader) ([]byte, error) {
	data, err := readLimited(rd, r.opts.MaxBytes)
	if err == nil && isGzip(data) {
		data, err = gunzip(data, r.opts.MaxBytes)
	}
	if err == nil && looksBinary(data) {
		err = errors.New("holds binary data, not HTML or text")
	}
	if err == nil {
		data = fromUTF16(data)
	}
	if err == nil && len(bytes.TrimLeft(bytes.TrimSpace(data), "\ufeff")) == 0 {
		err = errEmpty
	}
	return data, err
}

// errEmpty is the error of an input with nothing in it but white space.
var errEmpty = errors.New("empty input: nothing to extract")

// fromUTF16 turns text that starts with a UTF-16 byte-order mark into UTF-8
// with a UTF-8 byte-order mark in its place, which still tells the HTML
// parser the encoding; other data is returned as it is.
func fromUTF16(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return data
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil {
		return data
	}
	return append([]byte("\ufeff"), out...)
}

func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not valid gzip: %w", err)
	}
	data, err = readLimited(zr, limit)
	if err != nil {
		return nil, fmt.Errorf("unpacking gzip: %w", err)
	}
	return data, nil
}

// looksBinary reports whether data is not text: its first 8 KB hold a NUL
// byte or more than one control character in ten. Text in UTF-16 (with a
// byte-order mark) is text.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return false
	}
	head := data[:min(len(data), 8<<10)]
	control := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b:
			control++
		}
	}
	return control*10 > len(head)
}

// maxBytes is the byte limit in force.
func (r *Reader) maxBytes() int64 {
	if r.opts.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.opts.MaxBytes
}

// readLimited reads at most limit bytes, failing when there are more.
func readLimited(rd io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
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
