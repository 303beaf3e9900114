// Command extract-beam runs extract as an Apache Beam pipeline: it reads the
// article files that --input matches and writes their records, the same
// records the extract command writes, to JSON Lines shards named
// --output-SSSSS-of-NNNNN.jsonl. Beam's own flags choose the runner
// (--runner, prism by default, which runs in this process) and configure it;
// see beam/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/extract-news/extract/beam/pipeline"
)

func main() {
	flags := pipeline.DefaultOptions("", "")
	flag.StringVar(&flags.Input, "input", "", "pattern of the article files to read (HTML, text, gzip, JSON Lines, WARC), such as 'archive/*.warc.gz'")
	flag.StringVar(&flags.Output, "output", "", "prefix of the output shards: PREFIX-00000-of-00010.jsonl")
	flag.IntVar(&flags.Shards, "shards", flags.Shards, "how many output files to write")
	rulesDir := flag.String("rules", "", "add the rules in this folder to the built-in ones, as extract --rules (read here and shipped to the workers)")
	flag.Int64Var(&flags.MaxBytes, "max-bytes", flags.MaxBytes, "refuse inputs larger than this many bytes, as extract --max-bytes")
	flag.DurationVar(&flags.ArticleTimeout, "article-timeout", flags.ArticleTimeout, "give an article an error record after this long (0: no limit), as extract --article-timeout")
	flag.Parse()
	beam.Init() // a worker started by a runner goes no further than this
	if err := run(context.Background(), flags, *rulesDir, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "extract-beam:", err)
		os.Exit(1)
	}
}

// run builds the pipeline, runs it on the runner the flags choose, and
// prints the job's counters.
func run(ctx context.Context, opts pipeline.Options, rulesDir string, stderr io.Writer) error {
	var err error
	if opts.Rules, err = pipeline.ReadRules(rulesDir); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, opts); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fmt.Errorf("running the pipeline: %w", err)
	}
	if res != nil {
		c := pipeline.CountersOf(res)
		fmt.Fprintf(stderr, "extract-beam: %d files, %d articles, %d failed, %d quotes\n", c.Files, c.Articles, c.Failures, c.Quotes)
	}
	return nil
}
