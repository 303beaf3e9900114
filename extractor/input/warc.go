package input

// WARC records are read with github.com/nlnwa/gowarc (v1.6.0). Of the Go WARC
// readers it is the one kept up: the National Library of Norway maintains it
// for its own web archive (a v2 line continues it, which the module proxy
// that this project builds from does not serve). It reads one record at a
// time from a stream, handing out the block as a reader rather than
// buffering it, and tells per record whether the record is gzipped, so it
// reads both .warc and the .warc.gz of CC-NEWS, where each record is a gzip
// member of its own. github.com/slyrz/warc has not changed since 2015, and
// github.com/CorentinB/warc became github.com/internetarchive/gowarc, which
// is made for writing WARC files while crawling and brings a crawler's
// dependencies (uTLS, a DNS client, SOCKS).
//
// gowarc checks the framing of records strictly (a record must start where
// the one before it ended) but leaves their digests unchecked, as checking
// them would copy each record to a buffer. It reads blocks unparsed; the
// HTTP head is read here, so that the body is the rest of the block whatever
// its HTTP Content-Length says.

import (
	"bufio"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc"
)

// maxHTTPHead bounds the HTTP status line and header of a WARC record.
const maxHTTPHead = 1 << 20

// warcRecords yields a document for each response record of rd whose HTTP
// status is 2xx and whose content is HTML, named name:n for the n-th record,
// and skips the other records. A response that cannot be read yields an
// error and the records after it go on; a file that is corrupt or cut short
// yields an error and ends.
func (r *Reader) warcRecords(name string, rd io.Reader, yield func(Source, error) bool) bool {
	w := newWARCStream(rd, r.maxBytes())
	defer w.close()
	for n := 1; ; n++ {
		recName := fmt.Sprintf("%s:%d", name, n)
		item, err := w.next(recName)
		switch {
		case err == io.EOF:
			return true
		case err != nil:
			return yield(Source{Name: recName}, fmt.Errorf("%s: the WARC file is corrupt or cut short: %w", recName, err))
		case item.err != nil:
			if !yield(Source{Name: recName}, item.err) {
				return false
			}
		case item.article:
			if !yield(loaded(item.doc), nil) {
				return false
			}
		}
	}
}

// warcStream reads the records of one WARC file in order.
type warcStream struct {
	in      *countingReader // what gowarc reads, counted
	records *gowarc.WarcFileReader
	limit   int64 // the byte limit of an HTTP body
}

// warcItem is what one record holds for extract.
type warcItem struct {
	doc     Document
	article bool  // the record is a successful HTML response
	err     error // why the response could not be read; the file goes on
}

func newWARCStream(rd io.Reader, limit int64) *warcStream {
	in := &countingReader{r: rd}
	// NewWarcFileReaderFromStream fails only when seeking, and in is no
	// io.Seeker.
	records, _ := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithSkipParseBlock(),
		gowarc.WithAddMissingRecordId(false),
	)
	return &warcStream{in: in, records: records, limit: limit}
}

func (w *warcStream) close() { w.records.Close() }

// next reads the next record, naming its document name. An error means the
// file cannot be read further; io.EOF that it ended where a record ended.
func (w *warcStream) next(name string) (item warcItem, err error) {
	defer func() {
		if p := recover(); p != nil {
			item, err = warcItem{}, fmt.Errorf("the WARC reader failed: %v", p)
		}
	}()
	rec, offset, _, err := w.records.Next()
	if err == io.EOF {
		return warcItem{}, w.atEnd(offset)
	}
	if err != nil {
		return warcItem{}, err
	}
	return w.read(name, rec)
}

// atEnd checks that the file ended where its last record did, give or take
// a line ending, and returns io.EOF when it did.
func (w *warcStream) atEnd(offset int64) error {
	rest := w.in.n - offset
	if rest == 0 || rest <= int64(w.in.tailLen) && isBlank(w.in.tail[w.in.tailLen-int(rest):w.in.tailLen]) {
		return io.EOF
	}
	return fmt.Errorf("the last %d bytes are not a whole record", rest)
}

// read reads a record's block to its end: into a document when the record is
// a successful HTML response.
func (w *warcStream) read(name string, rec gowarc.WarcRecord) (warcItem, error) {
	size, err := rec.WarcHeader().GetInt64(gowarc.ContentLength)
	if err != nil || size < 0 {
		return warcItem{}, fmt.Errorf("record %s has no valid Content-Length", recordID(rec))
	}
	raw, err := rec.Block().RawBytes()
	if err != nil {
		return warcItem{}, err
	}
	block := &countingReader{r: raw}
	item := w.response(name, rec, block)
	if _, err := io.Copy(io.Discard, block); err != nil {
		return warcItem{}, err
	}
	if block.err != nil {
		return warcItem{}, block.err
	}
	if block.n != size {
		return warcItem{}, fmt.Errorf("record %s holds %d of its %d bytes", recordID(rec), block.n, size)
	}
	return item, nil
}

// response reads the document of a response record whose HTTP status is 2xx
// and whose content is HTML. It reads no further than it needs.
func (w *warcStream) response(name string, rec gowarc.WarcRecord, block io.Reader) warcItem {
	if rec.Type() != gowarc.Response {
		return warcItem{}
	}
	head, body, err := readHTTPHead(block)
	if err != nil || head.status/100 != 2 || !isHTMLType(head.header.Get("Content-Type")) {
		return warcItem{}
	}
	data, err := w.body(head, body)
	if err != nil {
		return warcItem{err: fmt.Errorf("%s (WARC record %s): %w", name, recordID(rec), err)}
	}
	doc := Document{Source: name, URL: strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>"),
		Kind: HTML, Data: data, ContentType: head.header.Get("Content-Type")}
	return warcItem{doc: doc, article: true}
}

// body reads an HTTP body, undoing chunked transfer and content encodings,
// up to the byte limit.
func (w *warcStream) body(head httpHead, body io.Reader) ([]byte, error) {
	if strings.Contains(strings.ToLower(head.header.Get("Transfer-Encoding")), "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	body, err := decodeContent(body, head.header.Get("Content-Encoding"))
	if err != nil {
		return nil, err
	}
	data, err := readLimited(body, w.limit)
	if err != nil {
		return nil, fmt.Errorf("reading the HTTP body: %w", err)
	}
	return data, nil
}

// httpHead is the status and header of an HTTP response.
type httpHead struct {
	status int
	header textproto.MIMEHeader
}

// readHTTPHead reads the status line and header of an HTTP response, and
// returns them with the body that follows.
func readHTTPHead(rd io.Reader) (httpHead, io.Reader, error) {
	lr := &io.LimitedReader{R: rd, N: maxHTTPHead}
	br := bufio.NewReader(lr)
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return httpHead{}, nil, err
	}
	status, err := parseStatusLine(line)
	if err != nil {
		return httpHead{}, nil, err
	}
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		return httpHead{}, nil, fmt.Errorf("reading the HTTP header: %w", err)
	}
	lr.N = 1<<63 - 1 // the body has no limit of its own
	return httpHead{status: status, header: header}, br, nil
}

// parseStatusLine reads the status code of a line such as "HTTP/1.1 200 OK".
func parseStatusLine(line string) (int, error) {
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	status, err := strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil || len(code) != 3 {
		return 0, fmt.Errorf("not an HTTP status line: %q", line)
	}
	return status, nil
}

// isHTMLType reports whether a Content-Type is HTML or XHTML.
func isHTMLType(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// recordID names a record in a message: its WARC-Record-ID.
func recordID(rec gowarc.WarcRecord) string {
	if id := rec.WarcHeader().Get(gowarc.WarcRecordID); id != "" {
		return id
	}
	return "(no WARC-Record-ID)"
}

// countingReader counts the bytes read through it, and keeps the last error
// other than io.EOF and the last few bytes.
type countingReader struct {
	r       io.Reader
	n       int64
	err     error
	tail    [4]byte
	tailLen int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.keepTail(p[:n])
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// keepTail keeps the last bytes read.
func (c *countingReader) keepTail(p []byte) {
	if len(p) >= len(c.tail) {
		c.tailLen = copy(c.tail[:], p[len(p)-len(c.tail):])
		return
	}
	keep := min(c.tailLen, len(c.tail)-len(p))
	copy(c.tail[:], c.tail[c.tailLen-keep:c.tailLen])
	c.tailLen = keep + copy(c.tail[keep:], p)
}
