package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// lineBufferSize is the buffer of a JSON Lines reader; longer lines are read
// in pieces.
const lineBufferSize = 64 << 10

// errLineTooLong is returned by readLine for a line over the byte limit.
var errLineTooLong = errors.New("line too long")

// jsonLine is one line of a JSON Lines input. An "id", or any other field,
// may be there too: they come back in the record (Document.ID and Meta).
type jsonLine struct {
	URL  string  `json:"url"`
	HTML *string `json:"html"`
	Text *string `json:"text"`
}

// ownFields returns a line's "id" and an object of its fields other than
// those extract reads, nil when there are none. The line is known to be a
// JSON object.
func ownFields(line []byte) (id, meta json.RawMessage, err error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, nil, err
	}
	id = fields["id"]
	for _, k := range []string{"id", "url", "html", "text"} {
		delete(fields, k)
	}
	if len(fields) > 0 {
		meta, err = json.Marshal(fields)
	}
	return id, meta, err
}

// jsonLines yields a document for each non-blank line of br, named
// name:line. A line that is not a document yields an error and the lines
// after it go on; a stream that cannot be read yields an error and ends.
func (r *Reader) jsonLines(name string, br *bufio.Reader, yield func(Source, error) bool) bool {
	limit := r.maxBytes()
	for n := 1; ; n++ {
		line, err := readLine(br, limit)
		if err == io.EOF {
			return true
		}
		lineName := fmt.Sprintf("%s:%d", name, n)
		if err != nil && !errors.Is(err, errLineTooLong) {
			return yield(Source{Name: lineName}, fmt.Errorf("%s: reading: %w", lineName, err))
		}
		if err == nil && isBlank(line) {
			continue
		}
		if !yield(lineSource(lineName, line, err, limit)) {
			return false
		}
	}
}

// lineSource is the Source of one line, or the error that it is not a
// document.
func lineSource(name string, line []byte, err error, limit int64) (Source, error) {
	if err != nil {
		return Source{Name: name}, fmt.Errorf("%s: longer than the limit of %d bytes (see --max-bytes)", name, limit)
	}
	doc, err := parseJSONLine(name, line)
	if err != nil {
		return Source{Name: name}, err
	}
	return loaded(doc), nil
}

// readLine reads one line, without its line ending. A line longer than limit
// is read to its end and dropped, giving errLineTooLong, so that the next
// line can be read. At the end of br it returns io.EOF.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong, got := false, false
	for {
		chunk, err := br.ReadSlice('\n')
		got = got || len(chunk) > 0
		if !tooLong && int64(len(line)+len(chunk)) > limit+2 {
			tooLong, line = true, nil
		} else if !tooLong {
			line = append(line, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || !got) {
			return nil, err
		}
		break
	}
	line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if tooLong || int64(len(line)) > limit {
		return nil, errLineTooLong
	}
	return line, nil
}

// isBlank reports whether a line holds nothing but white space.
func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

// parseJSONLine reads one line of JSON Lines into the document it holds,
// named name: HTML when it has "html", else plain text from "text".
func parseJSONLine(name string, line []byte) (Document, error) {
	line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\ufeff")))
	if !bytes.HasPrefix(line, []byte("{")) {
		return Document{}, fmt.Errorf("%s: not a JSON object: starts with %q", name, preview(line))
	}
	var l jsonLine
	if err := json.Unmarshal(line, &l); err != nil {
		return Document{}, fmt.Errorf("%s: not a JSON object: %w", name, err)
	}
	id, meta, err := ownFields(line)
	if err != nil {
		return Document{}, fmt.Errorf("%s: not a JSON object: %w", name, err)
	}
	doc := Document{Source: name, URL: l.URL, ID: id, Meta: meta}
	switch {
	case l.HTML != nil && *l.HTML != "":
		doc.Kind, doc.Data = HTML, []byte(*l.HTML)
	case l.Text != nil && *l.Text != "":
		doc.Kind, doc.Data = Text, []byte(*l.Text)
	default:
		return Document{}, fmt.Errorf(`%s: the object has neither "html" nor "text"`, name)
	}
	return doc, nil
}

// preview is the start of data, short enough for an error message.
func preview(data []byte) []byte {
	const n = 20
	if len(data) > n {
		return data[:n]
	}
	return data
}
