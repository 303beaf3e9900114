package input

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
)

// FileSources calls yield for every document in one file whose content rd
// holds, as Sources does for a file at the path name, and names them the
// same way: name for a file of HTML or text, gzipped or not; name:line for
// each non-blank line of a JSON Lines file; name:n for each HTML response of
// a WARC file. Which of these the file is comes from name's extension, as
// for Sources given the path, and a file of another extension is taken as
// one document whose kind is sniffed.
//
// It is for files that are not on the local disk, such as objects in a
// cloud bucket read by a distributed job. rd is read only while FileSources
// runs: a single document is read whole before yield sees it, and the lines
// or records of a container one at a time. yield returns false to stop;
// FileSources reports whether it went to the end.
func (r *Reader) FileSources(name string, rd io.Reader, yield func(Source, error) bool) bool {
	switch containerOfName(name) {
	case jsonLines:
		return r.jsonLinesStream(name, rd, yield)
	case warcFile:
		return r.warcRecords(name, rd, yield)
	}
	return yield(r.readSource(name, rd), nil)
}

// IsContainer reports whether the file called name holds many documents, as
// a JSON Lines or WARC file does, rather than being one document itself.
func IsContainer(name string) bool { return containerOfName(name) != single }

// DocumentSource returns a Source whose document is doc, already read, named
// doc.Source. It lets a document read in one place, such as one worker of a
// distributed job, be made into a record in another.
func DocumentSource(doc Document) Source { return loaded(doc) }

// jsonLinesStream yields a document for each non-blank line of rd, gzipped
// or not, named name:line.
func (r *Reader) jsonLinesStream(name string, rd io.Reader, yield func(Source, error) bool) bool {
	br := bufio.NewReaderSize(rd, lineBufferSize)
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Source{Name: name}, fmt.Errorf("reading %s: not valid gzip: %w", name, err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, lineBufferSize)
	}
	return r.jsonLines(name, br, yield)
}

// readSource reads rd whole as the one document of the file called name.
// When it cannot be read, the Source's Load gives the error, as it does for
// a file on disk.
func (r *Reader) readSource(name string, rd io.Reader) Source {
	data, err := r.readAll(rd)
	if err != nil {
		err = fmt.Errorf("reading %s: %w", name, err)
		return Source{Name: name, load: func(context.Context) (Document, error) { return Document{}, err }}
	}
	kind, known := kindOfName(name)
	if !known {
		kind = Sniff(data)
	}
	return loaded(Document{Source: name, Kind: kind, Data: data})
}
