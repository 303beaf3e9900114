package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/extract-news/extract/extractor/record"
)

// Output formats (--format).
const (
	formatJSONL    = "jsonl"
	formatJSON     = "json"
	formatQuotes   = "quotes.csv"
	formatEntities = "entities.csv"
)

var formats = []string{formatJSONL, formatJSON, formatQuotes, formatEntities}

// sink writes records in one format, flushing after each record, so that
// a stopped run leaves whole records (whole rows).
type sink interface {
	write(rec record.Record) error
	// end writes what closes the output, if anything, and flushes it.
	end() error
}

// newSink returns the sink of a format, one of formats.
func newSink(format string, w io.Writer, pretty bool) (sink, error) {
	bw := bufio.NewWriter(w)
	switch format {
	case formatJSONL:
		return &jsonSink{bw: bw, pretty: pretty}, nil
	case formatJSON:
		return &jsonSink{bw: bw, pretty: pretty, array: true}, nil
	case formatQuotes:
		return newCSVSink(bw, quoteColumns, quoteRows)
	case formatEntities:
		return newCSVSink(bw, entityColumns, entityRows)
	}
	return nil, fmt.Errorf("unknown output format %q; the formats are %s", format, strings.Join(formats, ", "))
}

// jsonSink writes JSON Lines, or with array one JSON array of the records,
// one to a line (with pretty, each indented over several lines).
type jsonSink struct {
	bw      *bufio.Writer
	pretty  bool
	array   bool
	written int
}

func (s *jsonSink) write(rec record.Record) error {
	if s.array {
		sep := ",\n"
		if s.written == 0 {
			sep = "[\n"
		}
		s.bw.WriteString(sep)
	}
	s.written++
	if err := s.encode(rec); err != nil {
		return err
	}
	if !s.array {
		s.bw.WriteByte('\n')
	}
	return s.bw.Flush()
}

// encode writes one record without a line break after it. A compact
// record is written a piece at a time (see record.Record.WriteJSON); an
// indented one is made whole first.
func (s *jsonSink) encode(rec record.Record) error {
	if !s.pretty {
		return rec.WriteJSON(s.bw)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rec); err != nil {
		return err
	}
	_, err := s.bw.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	return err
}

func (s *jsonSink) end() error {
	switch {
	case s.array && s.written == 0:
		s.bw.WriteString("[]\n")
	case s.array:
		s.bw.WriteString("\n]\n")
	}
	return s.bw.Flush()
}

// csvSink writes a table, RFC 4180: a header row, then rows made from each
// record. A failed record makes no row; its error is on standard error.
type csvSink struct {
	bw   *bufio.Writer
	w    *csv.Writer
	rows func(record.Record) [][]string
}

func newCSVSink(bw *bufio.Writer, header []string, rows func(record.Record) [][]string) (*csvSink, error) {
	s := &csvSink{bw: bw, w: csv.NewWriter(bw), rows: rows}
	s.w.UseCRLF = true // RFC 4180's line break
	if err := s.w.Write(header); err != nil {
		return nil, err
	}
	return s, s.flush()
}

func (s *csvSink) write(rec record.Record) error {
	if rec.Error != "" {
		return nil
	}
	if err := s.w.WriteAll(s.rows(rec)); err != nil { // WriteAll flushes the csv.Writer
		return err
	}
	return s.bw.Flush()
}

func (s *csvSink) end() error { return s.flush() }

func (s *csvSink) flush() error {
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		return err
	}
	return s.bw.Flush()
}

// quoteColumns are the columns of --format quotes.csv, one row a quote.
var quoteColumns = []string{"source", "url", "title", "published", "speaker_name", "speaker_entity",
	"speaker_title", "type", "quote", "cue", "confidence"}

func quoteRows(rec record.Record) [][]string {
	titles := map[string]string{}
	for _, e := range rec.Entities {
		titles[e.ID] = e.Title
	}
	var rows [][]string
	for _, q := range rec.Quotes {
		var name, entity, title, cue string
		if sp := q.Speaker; sp != nil {
			name, entity = deref(sp.Name), deref(sp.Entity)
			title = titles[entity]
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		rows = append(rows, []string{rec.Source, rec.URL, rec.Title, rec.Published, name, entity, title,
			q.Type, q.Text, cue, strconv.FormatFloat(q.Confidence, 'f', -1, 64)})
	}
	return rows
}

// entityColumns are the columns of --format entities.csv, one row an
// entity. entity is the entity's id in its record, which quotes.csv's
// speaker_entity refers to.
var entityColumns = []string{"source", "entity", "name", "type", "title", "mentions", "salience"}

func entityRows(rec record.Record) [][]string {
	var rows [][]string
	for _, e := range rec.Entities {
		rows = append(rows, []string{rec.Source, e.ID, e.Name, e.Type, e.Title, strconv.Itoa(len(e.Mentions)),
			strconv.FormatFloat(e.Salience, 'f', -1, 64)})
	}
	return rows
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
