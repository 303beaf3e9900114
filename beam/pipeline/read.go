package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/extract-news/extract/extractor/input"
)

func init() {
	register.DoFn3x1[context.Context, fileio.FileMetadata, func(Document), error](&splitFn{})
	register.Emitter1[Document]()
}

// Document is one input on its way to the extractor: a file that is one
// document, to be read where its record is made, or a document of a JSON
// Lines or WARC file, already read, or the error that kept a document from
// being read. It is a plain struct so that Beam can encode it.
type Document struct {
	Name        string // the input's name, as the record's "source"
	File        bool   // Name is a file, not read yet; the rest is empty
	URL         string
	Text        bool // plain text rather than HTML
	Data        []byte
	ContentType string
	Err         string // why it could not be read; the rest is empty
}

// documentOf is the Document of an input that was read, or of the error.
func documentOf(name string, doc input.Document, err error) Document {
	if err != nil {
		return Document{Name: name, Err: err.Error()}
	}
	return Document{Name: name, URL: doc.URL, Text: doc.Kind == input.Text, Data: doc.Data, ContentType: doc.ContentType}
}

// source is the input.Source of a Document that was read.
func (d Document) source() input.Source {
	kind := input.HTML
	if d.Text {
		kind = input.Text
	}
	return input.DocumentSource(input.Document{Source: d.Name, URL: d.URL, Kind: kind, Data: d.Data, ContentType: d.ContentType})
}

// splitFn turns each file into the documents it holds. A file that is one
// document passes on as its name, so that only names cross the reshuffle;
// a JSON Lines or WARC file is read here, one line or record at a time, and
// each document passes on with its content, so that the documents of one
// large file are spread over every worker.
type splitFn struct {
	MaxBytes int64 `json:"max_bytes"`

	reader *input.Reader
	files  beam.Counter
}

// Setup makes the input reader.
func (fn *splitFn) Setup() {
	fn.reader = newReader(fn.MaxBytes)
	fn.files = beam.NewCounter("extract", "files")
}

// ProcessElement emits the documents of one matched file.
func (fn *splitFn) ProcessElement(ctx context.Context, file fileio.FileMetadata, emit func(Document)) error {
	name := file.Path
	if isDir(name) {
		log.Warnf(ctx, "%s is a folder: the pattern should match files", name)
		return nil
	}
	fn.files.Inc(ctx, 1)
	if !input.IsContainer(name) {
		emit(Document{Name: name, File: true})
		return nil
	}
	eachSource(ctx, fn.reader, name, func(src input.Source, err error) {
		var doc input.Document
		if err == nil {
			doc, err = src.Load(ctx)
		}
		emit(documentOf(src.Name, doc, err))
	})
	return nil
}

// newReader is an input reader with the command's options but for the
// byte limit.
func newReader(maxBytes int64) *input.Reader {
	opts := input.DefaultOptions()
	opts.MaxBytes = maxBytes
	return input.NewReader(opts, nil)
}

// eachSource calls yield for every document of the file at path, which
// any of Beam's filesystems may hold, as input.Reader.Sources does for a
// local file given its path: a file that cannot be opened yields an error.
func eachSource(ctx context.Context, r *input.Reader, path string, yield func(input.Source, error)) {
	rc, err := openFile(ctx, path)
	if err != nil {
		yield(input.Source{Name: path}, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err)))
		return
	}
	defer rc.Close()
	r.FileSources(path, rc, func(src input.Source, err error) bool {
		yield(src, err)
		return true
	})
}

// openFile opens path on its Beam filesystem, its bytes as stored: the
// input package unpacks gzip itself, as the command does.
func openFile(ctx context.Context, path string) (io.ReadCloser, error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	return fsys.OpenRead(ctx, path)
}

// isDir reports whether a matched path is a folder: on a local disk, or
// an object store's folder marker, which ends with a slash.
func isDir(path string) bool {
	if strings.HasSuffix(path, "/") {
		return true
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// unwrapPath drops the path from an *fs.PathError, as the command does
// for a file it cannot open.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
