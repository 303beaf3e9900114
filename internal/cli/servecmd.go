package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/extract-news/extract/internal/serve"
)

const serveUsage = `extract serve runs a web server on this machine: its page shows what
extract finds in a pasted text, an uploaded HTML or text file or a URL, as
extract view does, and its JSON API gives the record of one article:

  GET  /           the form
  POST /view       the view of one article (the form's fields)
  GET  /view?url=  the view of the page at a URL
  POST /extract    the record, one line of JSON as extract writes it: from
                   a body of text/html or text/plain, from application/json
                   ({"text": ...}, {"html": ..., "url": ...} or {"url": ...}),
                   or from a form with a text, file or url field
  GET  /healthz    {"status":"ok"}

Usage:
  extract serve [flags]

A request may be --max-bytes long and take --article-timeout, from its
first byte to its answer; --jobs articles are read and worked on at once,
and a request that finds no worker free within its time gets 503. An error
is an error record, {"source": ..., "error": ...}, with its HTTP status: 400
for a request that cannot be read, 408 a body not sent in time, 413 too
large, 415 a type that is not taken, 422 an input that is not an article
(empty, binary), 502 a URL that could not be fetched, 504 out of time.
Ctrl-C (SIGINT) or SIGTERM stops the server, after the requests in flight.

The server listens on loopback (127.0.0.1) by default and then answers only
requests to localhost. It fetches any URL it is given, so listen on another
address (--addr :8080) only on a network you trust.

Flags:
`

// runPageCommand runs "extract view" or "extract serve".
func runPageCommand(ctx context.Context, cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	if cmd == "serve" {
		return runServe(ctx, args, stdout, stderr, getenv)
	}
	return runView(ctx, args, stdin, stdout, stderr, getenv)
}

// runServe runs "extract serve".
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) ExitCode {
	flags, err := subcommandFlags("serve", pageFlags...)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return ExitUsage
	}
	addr := flags.String("addr", "127.0.0.1:8080", "listen on this `HOST:PORT` (:8080 for every address of the machine)")
	if done, code := parseSubcommand("serve", flags, args, serveUsage, stdout, stderr); done {
		return code
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "extract serve: no arguments, but %s\n", strings.Join(flags.Args(), " "))
		return ExitUsage
	}
	cfg, x, ok := setup(flags, getenv, stderr)
	if !ok {
		return ExitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "extract serve: %v\n", err)
		return ExitUsage
	}
	b := newBatch(cfg, x, strings.NewReader(""), stderr)
	h, err := serve.New(serve.Options{
		Extractor: x, Reader: b.reader, Jobs: b.jobs, MaxBytes: cfg.MaxBytes, TimeLimit: cfg.TimeLimit,
		LocalOnly: isLoopback(ln.Addr()),
	})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "extract serve: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(stderr, "extract serve: listening on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := serve.Serve(ctx, ln, h); err != nil {
		fmt.Fprintf(stderr, "extract serve: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintln(stderr, "extract serve: stopped")
	return ExitOK
}

// isLoopback reports whether the server listens on a loopback address only.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
