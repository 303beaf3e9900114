package serve

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/extract-news/extract/extractor/input"
)

// source is the input of one request: a URL to fetch, or a document read
// from the request.
type source struct {
	input.Source
	name    string
	fetched bool // a URL, whose failures are its server's (502)
}

// body is a document in a request.
type body struct {
	rd          io.Reader
	name        string      // the record's source
	kind        *input.Kind // nil to tell HTML from text by content
	contentType string      // of an HTML body, for its charset
	url         string      // where an HTML body came from
}

// kind is k as a body's kind.
func kind(k input.Kind) *input.Kind { return &k }

// source reads the request's input: a URL (?url= of a GET), a JSON object,
// the form's fields, or a body of HTML or text.
func (s *server) source(w http.ResponseWriter, r *http.Request) (source, *answer) {
	if r.Method == http.MethodGet {
		return s.urlSource(r.URL.Query().Get("url"))
	}
	if r.ContentLength > s.opts.MaxBytes {
		return source{}, s.tooLarge()
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBytes)
	ct := r.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	switch mt {
	case "application/json":
		return s.jsonSource(r.Body)
	case "multipart/form-data", "application/x-www-form-urlencoded":
		return s.formSource(r)
	case "text/html", "application/xhtml+xml":
		return s.document(body{rd: r.Body, name: "-", kind: kind(input.HTML), contentType: ct})
	case "text/plain":
		return s.document(body{rd: r.Body, name: "-", kind: kind(input.Text)})
	case "", "application/octet-stream":
		return s.document(body{rd: r.Body, name: "-"})
	}
	a := failure("-", http.StatusUnsupportedMediaType,
		"a body of type %s cannot be read: send text/html, text/plain, application/json ({\"text\": ...}, {\"html\": ..., \"url\": ...} or {\"url\": ...}) or a form with a text, file or url field", mt)
	return source{}, &a
}

func (s *server) tooLarge() *answer {
	a := failure("-", http.StatusRequestEntityTooLarge, "the request is larger than the limit of %d bytes (see --max-bytes)", s.opts.MaxBytes)
	return &a
}

// readFailure is the answer of a request whose body stopped at a limit:
// its size, or its time; nil for other errors.
func (s *server) readFailure(err error) *answer {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return s.tooLarge()
	case errors.Is(err, os.ErrDeadlineExceeded):
		a := failure("-", http.StatusRequestTimeout, "the request was not sent within %s (see --article-timeout)", s.opts.TimeLimit)
		return &a
	}
	return nil
}

func badRequest(format string, args ...any) *answer {
	a := failure("-", http.StatusBadRequest, format, args...)
	return &a
}

// jsonInput is the JSON object /extract takes: the JSON Lines input's
// {"text": ...} or {"html": ..., "url": ...}, or a URL alone to fetch.
type jsonInput struct {
	Text *string `json:"text"`
	HTML *string `json:"html"`
	URL  string  `json:"url"`
}

func (s *server) jsonSource(rd io.Reader) (source, *answer) {
	var in jsonInput
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		if a := s.readFailure(err); a != nil {
			return source{}, a
		}
		return source{}, badRequest(`the body is not a JSON object such as {"text": ...}, {"html": ..., "url": ...} or {"url": ...}: %v`, err)
	}
	switch {
	case in.Text != nil && in.HTML != nil:
		return source{}, badRequest(`give "text" or "html", not both`)
	case in.Text != nil:
		return s.document(body{rd: strings.NewReader(*in.Text), name: "-", kind: kind(input.Text)})
	case in.HTML != nil:
		return s.document(body{rd: strings.NewReader(*in.HTML), name: "-", kind: kind(input.HTML), url: in.URL})
	case in.URL != "":
		return s.urlSource(in.URL)
	}
	return source{}, badRequest(`give "text", "html" or "url"`)
}

// formSource reads the form's one filled field: text (pasted text or HTML),
// file (an uploaded file of HTML or text) or url.
func (s *server) formSource(r *http.Request) (source, *answer) {
	if err := r.ParseMultipartForm(s.opts.MaxBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		if a := s.readFailure(err); a != nil {
			return source{}, a
		}
		return source{}, badRequest("the form cannot be read: %v", err)
	}
	text, link := r.PostFormValue("text"), strings.TrimSpace(r.PostFormValue("url"))
	file, header, err := r.FormFile("file")
	if err == nil {
		defer file.Close()
	}
	given := 0
	for _, b := range []bool{text != "", link != "", err == nil} {
		if b {
			given++
		}
	}
	switch {
	case given != 1:
		return source{}, badRequest("fill one of the fields text, file and url")
	case link != "":
		return s.urlSource(link)
	case text != "":
		return s.document(body{rd: strings.NewReader(text), name: "-"})
	}
	name := path.Base(header.Filename)
	if input.IsContainer(name) {
		a := failure(name, http.StatusUnsupportedMediaType, "%s: upload one HTML or text file; for JSON Lines and WARC files, run extract view on them", name)
		return source{}, &a
	}
	return s.document(body{rd: file, name: name})
}

// document reads one document of a request as the command reads a file:
// gzip is unpacked, UTF-16 turned into UTF-8, and binary or empty input
// refused.
func (s *server) document(b body) (source, *answer) {
	var src input.Source
	s.opts.Reader.FileSources(b.name, b.rd, func(x input.Source, _ error) bool { src = x; return false })
	doc, err := src.Load(context.Background())
	if err != nil {
		if a := s.readFailure(err); a != nil {
			return source{}, a
		}
		a := failure(b.name, http.StatusUnprocessableEntity, "%v", err)
		return source{}, &a
	}
	if b.kind != nil {
		doc.Kind = *b.kind
	}
	doc.Source, doc.ContentType, doc.URL = b.name, b.contentType, b.url
	return source{Source: input.DocumentSource(doc), name: b.name}, nil
}

// urlSource is the source of an http or https URL, which the reader
// fetches.
func (s *server) urlSource(raw string) (source, *answer) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		!strings.HasPrefix(strings.ToLower(raw), u.Scheme+"://") {
		return source{}, badRequest("%q is not an http or https URL", raw)
	}
	src := s.opts.Reader.Page(raw)
	return source{Source: src, name: src.Name, fetched: true}, nil
}

// localOnly answers only requests addressed to this machine: by
// "localhost" or a loopback address.
func localOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
		if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
			next.ServeHTTP(w, r)
			return
		}
		writeRecord(w, failure("-", http.StatusMisdirectedRequest,
			"this server answers requests to localhost only, not to %q; to serve other machines, start it with --addr on their network", r.Host))
	})
}
