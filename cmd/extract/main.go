// Command extract turns news articles into structured JSON: the article's
// clean text and metadata, the people, organizations and places in it, and
// every quotation with who said it. Run it with --help for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/extract-news/extract/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop) // a second signal ends the process at once
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
