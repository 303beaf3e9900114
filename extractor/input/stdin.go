package input

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
)

// stdinSources yields standard input: as JSON Lines, named -:line, when its
// first line that is not blank is a JSON object with "html" or "text", and
// otherwise as one document named "-", HTML or plain text told apart by
// content, read when it is loaded. When list is not nil and standard input
// holds a feed or a sitemap, it is read whole and passed to list instead.
func (r *Reader) stdinSources(yield func(Source, error) bool, list func(Document) bool) bool {
	var stdin io.Reader = bytes.NewReader(nil)
	if r.stdin != nil {
		stdin = r.stdin
	}
	br := bufio.NewReaderSize(stdin, lineBufferSize)
	head, isJSONLines, err := sniffJSONLines(br, r.maxBytes())
	if err != nil {
		return yield(Source{Name: "-"}, fmt.Errorf("reading standard input: %w", err))
	}
	rest := io.MultiReader(bytes.NewReader(head), br)
	if isJSONLines {
		return r.jsonLines("-", bufio.NewReaderSize(rest, lineBufferSize), yield)
	}
	if list != nil {
		peek := bufio.NewReaderSize(rest, sniffLimit)
		rest = peek
		if start, _ := peek.Peek(sniffLimit); listKindOf(start) != notAList {
			data, err := r.readAll(peek)
			if err != nil {
				return yield(Source{Name: "-"}, fmt.Errorf("reading standard input: %w", err))
			}
			return list(Document{Source: "-", Data: data})
		}
	}
	return yield(Source{Name: "-", load: func(context.Context) (Document, error) {
		data, err := r.readAll(rest)
		if err != nil {
			return Document{}, fmt.Errorf("reading standard input: %w", err)
		}
		return Document{Source: "-", Kind: Sniff(data), Data: data}, nil
	}}, nil)
}

// sniffJSONLines reads the white space at the start of br and, when a "{"
// follows, the line it starts, reporting whether that line is a document of
// JSON Lines. It returns what it read, to be read again.
func sniffJSONLines(br *bufio.Reader, limit int64) (head []byte, ok bool, err error) {
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		head = append(head, bom...)
		_, _ = br.Discard(len(bom))
	}
	for int64(len(head)) <= limit {
		b, err := br.Peek(1)
		if err == io.EOF {
			return head, false, nil
		} else if err != nil {
			return head, false, err
		}
		if b[0] == '{' {
			line, err := readRawLine(br, limit+2)
			head = append(head, line...)
			_, perr := parseJSONLine("-:1", line)
			return head, err == nil && perr == nil, err
		}
		if !isSpaceByte(b[0]) {
			return head, false, nil
		}
		head = append(head, b[0])
		_, _ = br.Discard(1)
	}
	return head, false, nil
}

// readRawLine reads up to and including the next newline, stopping once it
// has read max bytes or more. It returns nil at the end of br.
func readRawLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	for int64(len(line)) < max {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if err == io.EOF {
			return line, nil
		}
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
	return line, nil
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
