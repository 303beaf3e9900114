// Command extract turns news articles into structured JSON: the article's
// clean text and metadata, the people, organizations and places in it, and
// every quotation with who said it. Run it with --help for usage.
package main

import (
	"context"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/extract-news/extract/internal/cli"
)

func main() {
	// net/http's client reports a server's slips of protocol, such as bytes
	// that answer no request ("Unsolicited response received on idle HTTP
	// channel"), through the standard logger: its Transport has no logger
	// of its own. extract writes nothing there itself and gives each failed
	// input an error record, so the standard logger, which belongs to the
	// program, writes nowhere, and standard error holds only extract's own
	// messages (nothing but errors with -q).
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop) // a second signal ends the process at once
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
