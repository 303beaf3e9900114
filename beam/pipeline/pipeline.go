// Package pipeline runs extract on Apache Beam: an archive of news articles
// of any size, read from files that a pattern matches, becomes JSON Lines
// shards holding the same records the extract command writes for the same
// files.
//
// The pipeline has four steps:
//
//	match the pattern ─> the documents of each file (splitFn) ─> reshuffle
//	  ─> one record per document (extractFn) ─> JSON Lines shards (writeFn)
//
// A file is read by the extractor's own input package, so a file of HTML or
// text, gzipped or not, is one document named by its path, a JSON Lines file
// gives one document per line named path:line, and a WARC file one per HTML
// response named path:n, as the command names them. A file that is one
// document crosses the reshuffle as its name and is read where its record is
// made; the documents of a JSON Lines or WARC file cross it with their
// content, so that those of one large file (a CC-NEWS WARC file holds tens of
// thousands) are spread over every worker. Each record is made by
// extractor.FromSourceWithin, the function the command uses, from an
// extractor built once per DoFn instance in its Setup. An input that cannot
// be read or parsed, and a panic, give an error record; they do not fail the
// job. The counters extract/files, extract/articles, extract/failures and
// extract/quotes count the files read, the records, the error records and
// the quotes.
package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/extract-news/extract/extractor/input"
)

// Options configure a run. The zero values of MaxBytes and ArticleTimeout
// are not defaults: DefaultOptions gives the extract command's.
type Options struct {
	// Input is the pattern of the files to read, such as
	// "archive/*/*.warc.gz" or "gs://bucket/cc-news/*.warc.gz": on a local
	// disk a glob as Go's filepath.Match reads it, elsewhere as the Beam
	// filesystem of its scheme does.
	Input string
	// Output is the prefix of the shards: Output-00000-of-00010.jsonl.
	Output string
	// Shards is how many files the records are written to.
	Shards int
	// Rules is the extract command's --rules: a folder of the user's rules,
	// read where the pipeline is built and shipped with it to the workers;
	// empty for the built-in rules alone.
	Rules Rules
	// MaxBytes is the largest input read, as --max-bytes.
	MaxBytes int64
	// ArticleTimeout is how long one article may take, as --article-timeout;
	// 0 for no limit.
	ArticleTimeout time.Duration
}

// DefaultOptions are the extract command's defaults, reading input and
// writing output-*.jsonl in 10 shards.
func DefaultOptions(in, output string) Options {
	return Options{
		Input:          in,
		Output:         output,
		Shards:         10,
		MaxBytes:       input.DefaultMaxBytes,
		ArticleTimeout: 2 * time.Minute,
	}
}

// Build adds the pipeline to s. It checks the options and the rules first,
// so that a mistake fails here rather than on every worker.
func Build(s beam.Scope, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	if _, err := opts.Rules.Load(); err != nil {
		return err
	}
	s = s.Scope("extract")
	files := fileio.MatchFiles(s, opts.Input, fileio.MatchEmptyDisallow())
	docs := beam.ParDo(s, &splitFn{MaxBytes: opts.MaxBytes}, files)
	docs = beam.Reshuffle(s, docs)
	lines := beam.ParDo(s, &extractFn{Rules: opts.Rules, TimeLimit: opts.ArticleTimeout, MaxBytes: opts.MaxBytes}, docs)
	writeShards(s, opts.Output, opts.Shards, lines)
	return nil
}

// check reports the first option that cannot work.
func (o Options) check() error {
	switch {
	case o.Input == "":
		return fmt.Errorf("no input pattern (--input)")
	case o.Output == "":
		return fmt.Errorf("no output prefix (--output)")
	case o.Shards < 1:
		return fmt.Errorf("--shards is %d; it must be at least 1", o.Shards)
	case o.MaxBytes < 1:
		return fmt.Errorf("--max-bytes is %d; it must be at least 1", o.MaxBytes)
	case o.ArticleTimeout < 0:
		return fmt.Errorf("--article-timeout is %s; it must be 0 (no limit) or more", o.ArticleTimeout)
	}
	return checkLocalPattern(o.Input)
}

// checkLocalPattern fails when a pattern for the local disk matches no
// file, before a job is started; a pattern with a scheme (gs://) is matched
// by the job itself.
func checkLocalPattern(pattern string) error {
	if strings.Contains(pattern, "://") {
		return nil
	}
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return fmt.Errorf("--input %q: %w", pattern, err)
	}
	if len(matches) == 0 {
		return fmt.Errorf("--input %q matches no file", pattern)
	}
	return nil
}
