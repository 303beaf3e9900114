// Package serve is extract's local HTTP server. Its form shows the article
// view (package view) of a pasted text, an uploaded file or a URL, and its
// JSON API gives the record of one article, the line the extract command
// writes for it:
//
//	GET  /          the form
//	POST /view      the view of one article (the form's fields, or a body as /extract takes it)
//	GET  /view?url= the view of the page at a URL
//	POST /extract   the record of one article
//	GET  /healthz   {"status":"ok"}
//
// Each request has a size limit and a time limit (which its body must be
// sent within too), at most Jobs articles are read and worked on at once, and every error is an error record of the command
// ({"source", "error"}) with an HTTP status that says what went wrong.
package serve

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/view"
)

//go:embed form.html
var formHTML string

// Options configure the server.
type Options struct {
	Extractor *extractor.Extractor
	// Reader reads the uploaded files and fetches the URLs, with the
	// command's limits.
	Reader *input.Reader
	// Jobs is how many articles are worked on at once; a request waits for
	// its turn within its time limit, and is answered 503 after it.
	Jobs int
	// MaxBytes is the largest request body.
	MaxBytes int64
	// TimeLimit is how long one request may take, from its turn to its
	// answer (the wait for a turn included); 0 for no limit.
	TimeLimit time.Duration
	// LocalOnly answers only the requests addressed to this machine by a
	// loopback address or "localhost", so that a web page cannot reach the
	// server through a name of its own that resolves to 127.0.0.1 (DNS
	// rebinding). Set it when the server listens on loopback.
	LocalOnly bool
}

// server answers the requests.
type server struct {
	opts  Options
	slots chan struct{} // one per article being worked on
	form  *template.Template
}

// New returns the server's handler.
func New(opts Options) (http.Handler, error) {
	s, err := newServer(opts)
	if err != nil {
		return nil, err
	}
	return s.handler(), nil
}

func newServer(opts Options) (*server, error) {
	form, err := template.New("form").Parse(formHTML)
	if err != nil {
		return nil, fmt.Errorf("parsing the form's template: %w", err)
	}
	return &server{opts: opts, slots: make(chan struct{}, max(1, opts.Jobs)), form: form}, nil
}

// handler routes the requests to the pages.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.serveForm)
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("POST /extract", s.extract)
	mux.HandleFunc("GET /view", s.view)
	mux.HandleFunc("POST /view", s.view)
	mux.HandleFunc("/", s.notFound)
	if s.opts.LocalOnly {
		return localOnly(mux)
	}
	return mux
}

// shutdownGrace is how long Serve waits, once stopped, for the requests in
// flight before it closes their connections.
const shutdownGrace = 10 * time.Second

// Serve answers requests on ln with h until ctx ends, then takes no new
// ones, waits up to shutdownGrace for those in flight, and returns.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
		err = fmt.Errorf("stopping: requests still in flight after %s were cut off", shutdownGrace)
	}
	<-served
	return err
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"status":"ok"}`+"\n")
}

func (s *server) serveForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	s.form.Execute(w, struct {
		MaxBytes int64
		Base     string
	}{s.opts.MaxBytes, "http://" + r.Host})
}

// notFound answers a page that is not there, or a method that a page does
// not take.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	if allow := methods(r.URL.Path); allow != "" {
		w.Header().Set("Allow", allow)
		writeRecord(w, failure("-", http.StatusMethodNotAllowed, "%s %s: the method is not allowed; use %s", r.Method, r.URL.Path, allow))
		return
	}
	writeRecord(w, failure("-", http.StatusNotFound, "%s: no such page; the pages are /, /view, /extract and /healthz", r.URL.Path))
}

// methods are the methods a page takes, "" for no page.
func methods(path string) string {
	switch path {
	case "/", "/healthz":
		return "GET"
	case "/extract":
		return "POST"
	case "/view":
		return "GET, POST"
	}
	return ""
}

// extract answers the record of the request's article.
func (s *server) extract(w http.ResponseWriter, r *http.Request) {
	writeRecord(w, s.record(w, r))
}

// view answers the article view of the request's article.
func (s *server) view(w http.ResponseWriter, r *http.Request) {
	a := s.record(w, r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(a.status)
	view.Write(w, []record.Record{a.rec}, view.Options{Home: "/"})
}

// answer is a record and the status to send it with.
type answer struct {
	rec    record.Record
	status int
}

// failure is the answer of a failed request about the input called source.
func failure(source string, status int, format string, args ...any) answer {
	return answer{record.Failed(source, fmt.Errorf(format, args...)), status}
}

// writeRecord sends an answer as the command writes a record: one line of
// JSON.
func writeRecord(w http.ResponseWriter, a answer) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(a.status)
	if a.rec.WriteJSON(w) == nil {
		io.WriteString(w, "\n")
	}
}

// record makes the record of the request's article within the time limit,
// once a worker is free: the worker reads the request, so that at most Jobs
// bodies are held at once, and a body still coming in at the time limit is
// cut off then.
func (s *server) record(w http.ResponseWriter, r *http.Request) answer {
	ctx, cancel := r.Context(), context.CancelFunc(func() {})
	if s.opts.TimeLimit > 0 {
		ctx, cancel = context.WithTimeout(ctx, s.opts.TimeLimit)
	}
	defer cancel()
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		name := requestName(r)
		return failure(name, http.StatusServiceUnavailable, "%s: the server is busy with %d articles; try again later", name, cap(s.slots))
	}
	src, fail := s.readSource(ctx, w, r)
	if fail != nil {
		<-s.slots
		return *fail
	}
	return s.run(ctx, src)
}

// readSource reads the request's input with the connection's read
// deadline at the end of ctx, so that a body still coming in then is cut
// off; once it is read, the deadline goes, as a read past it would end the
// request's context.
func (s *server) readSource(ctx context.Context, w http.ResponseWriter, r *http.Request) (source, *answer) {
	rc := http.NewResponseController(w)
	if deadline, ok := ctx.Deadline(); ok {
		rc.SetReadDeadline(deadline)
		defer rc.SetReadDeadline(time.Time{})
	}
	return s.source(w, r)
}

// requestName names the input of a request before it is read: the URL of
// GET /view?url=, else "-".
func requestName(r *http.Request) string {
	if u := r.URL.Query().Get("url"); r.Method == http.MethodGet && u != "" {
		return u
	}
	return "-"
}

// stopWait is how long a request over its time limit waits for the work
// on its article to stop.
const stopWait = time.Second

// run makes the record of src in the worker whose slot the request holds,
// and frees the slot when done.
// A request over its time limit is answered once the work stops, or
// stopWait after the limit.
func (s *server) run(ctx context.Context, src source) answer {
	made := make(chan answer, 1)
	go func() {
		defer func() { <-s.slots }()
		made <- s.work(ctx, src)
	}()
	select {
	case a := <-made:
		return a
	case <-ctx.Done():
	}
	select {
	case a := <-made:
		return a
	case <-time.After(stopWait):
		return s.timedOut(ctx, src.name)
	}
}

// work reads and extracts one article. A panic in the pipeline is an
// internal error of the server.
func (s *server) work(ctx context.Context, src source) (a answer) {
	defer func() {
		if p := recover(); p != nil {
			a = failure(src.name, http.StatusInternalServerError, "%s: internal error: %v (please report this with the input)", src.name, p)
		}
	}()
	doc, err := src.Load(ctx)
	switch {
	case err != nil && ctx.Err() != nil:
		return s.timedOut(ctx, src.name)
	case err != nil && src.fetched:
		return answer{record.Failed(src.name, err), http.StatusBadGateway}
	case err != nil:
		return answer{record.Failed(src.name, err), http.StatusUnprocessableEntity}
	}
	rec := s.opts.Extractor.Extract(ctx, doc)
	rec.Source = src.name
	switch {
	case rec.Error != "" && ctx.Err() != nil:
		return s.timedOut(ctx, src.name)
	case rec.Error != "":
		return answer{rec, http.StatusUnprocessableEntity}
	}
	return answer{rec, http.StatusOK}
}

// timedOut is the answer of a request whose context ended: its time limit
// passed, or its client went away.
func (s *server) timedOut(ctx context.Context, name string) answer {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return failure(name, http.StatusGatewayTimeout, "%s: gave up after %s (see --article-timeout)", name, s.opts.TimeLimit)
	}
	return failure(name, http.StatusServiceUnavailable, "%s: %v", name, ctx.Err())
}
