// Package record defines the JSON record that extract writes for each
// article, and builds it from the pipeline's results.
//
// Every offset in a record is a Unicode code-point index into the record's
// text, end exclusive, so that Python (text[start:end]) and jq users can
// slice with them directly. The pipeline works in byte offsets; Build
// converts them.
package record

import (
	"bytes"
	"encoding/json"
	"io"
)

// Record is the result for one article: its text and metadata, the entities
// in it and its quotes. A failed input has only Source and Error.
type Record struct {
	Source string `json:"source"`
	// ID and Meta are the input's own, from a JSON Lines line: its "id"
	// and an object of its other fields; nil for other inputs.
	ID        json.RawMessage `json:"id,omitempty"`
	Meta      json.RawMessage `json:"meta,omitempty"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Authors   []string        `json:"authors"`
	Published string          `json:"published"`
	Site      string          `json:"site"`
	Language  string          `json:"language"`
	// LanguageSource says where Language comes from: FromMarkup or
	// FromDetection; "" when the language is not known.
	LanguageSource string `json:"language_source"`
	Text           string `json:"text"`
	// Analyzed is, when the entities and quotes were looked for in the
	// start of Text only (see extractor.MaxAnalyzed), its length in code
	// points; 0 when they were looked for in all of it.
	Analyzed int `json:"analyzed,omitempty"`
	// Skipped lists the stages that were not run ("entities", "quotes")
	// because their rules do not cover the article's language.
	Skipped  []string `json:"skipped,omitempty"`
	Entities []Entity `json:"entities"`
	Quotes   []Quote  `json:"quotes"`
	Error    string   `json:"error,omitempty"`
	// Feed is the feed or sitemap that listed the article; "" (and left
	// out of the JSON) when the article was named itself. It is written
	// after "url".
	Feed string `json:"feed,omitempty"`
}

// Where a record's language comes from.
const (
	FromMarkup    = "markup"    // the page's lang attribute or meta tags
	FromDetection = "detection" // detected in the text
)

// Entity is a person, organization, place or group named in the article.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Title    string    `json:"title,omitempty"`
	Gender   string    `json:"gender,omitempty"`
	Aliases  []string  `json:"aliases"`
	Salience float64   `json:"salience"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one place in the text where an entity is named.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Quote is one quotation and who said it.
type Quote struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Text       string   `json:"text"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Parts      []Span   `json:"parts,omitempty"`
	Speaker    *Speaker `json:"speaker"`
	Cue        *Span    `json:"cue"`
	Resolved   string   `json:"resolved,omitempty"`
	Pattern    string   `json:"pattern,omitempty"`
	Confidence float64  `json:"confidence"`
}

// Span is a stretch of the text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Speaker is who said a quote: Name is who that is (null when a pronoun
// could not be resolved), Entity the id of their entity, and the span is the
// words tied to this quote.
type Speaker struct {
	Name   *string `json:"name"`
	Entity *string `json:"entity"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
}

// Failed returns the record of an input that could not be read or parsed.
func Failed(source string, err error) Record {
	return Record{Source: source, Error: err.Error()}
}

// MarshalJSON writes a failed record as {"source", "error"} only (with
// "id" and "meta" when the input had them, and "feed" when a feed listed
// it), and a
// successful one with every field, empty lists as [] and unknown metadata as
// null.
func (r Record) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	err := r.WriteJSON(&b)
	return b.Bytes(), err
}

// WriteJSON writes the record to w as MarshalJSON makes it, a piece at a
// time: the text and each entity and quote are encoded on their own, so
// that the record of a big article is never held whole as JSON.
func (r Record) WriteJSON(w io.Writer) error {
	j := &jsonWriter{w: w}
	if r.Error != "" {
		r.writeFailed(j)
		return j.err
	}
	r.writeAbout(j)
	r.writeContent(j)
	j.raw("}")
	return j.err
}

// writeFailed writes a failed record whole: its source, the id, meta and
// feed it has, and the error.
func (r Record) writeFailed(j *jsonWriter) {
	j.value(struct {
		Source string          `json:"source"`
		ID     json.RawMessage `json:"id,omitempty"`
		Meta   json.RawMessage `json:"meta,omitempty"`
		Feed   string          `json:"feed,omitempty"`
		Error  string          `json:"error"`
	}{r.Source, r.ID, r.Meta, r.Feed, r.Error})
}

// writeAbout opens the record and writes what it says about the article,
// from "source" to "language_source": the id, meta and feed only when the
// record has them, unknown metadata as null.
func (r Record) writeAbout(j *jsonWriter) {
	j.field("{", "source", r.Source)
	if r.ID != nil {
		j.field(",", "id", r.ID)
	}
	if r.Meta != nil {
		j.field(",", "meta", r.Meta)
	}
	j.field(",", "url", orNull(r.URL))
	if r.Feed != "" {
		j.field(",", "feed", r.Feed)
	}
	j.field(",", "title", orNull(r.Title))
	j.field(",", "authors", nonNil(r.Authors))
	j.field(",", "published", orNull(r.Published))
	j.field(",", "site", orNull(r.Site))
	j.field(",", "language", orNull(r.Language))
	j.field(",", "language_source", orNull(r.LanguageSource))
}

// writeContent writes the text and what was found in it: "analyzed" and
// "skipped" when set, then the entities and quotes, an element at a time.
func (r Record) writeContent(j *jsonWriter) {
	j.field(",", "text", r.Text)
	if r.Analyzed > 0 {
		j.field(",", "analyzed", r.Analyzed)
	}
	if len(r.Skipped) > 0 {
		j.field(",", "skipped", r.Skipped)
	}
	j.raw(`,"entities":`)
	writeList(j, r.Entities)
	j.raw(`,"quotes":`)
	writeList(j, r.Quotes)
}

// jsonWriter writes JSON to w and keeps the first error.
type jsonWriter struct {
	w   io.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

// field writes sep, then the member name: value.
func (j *jsonWriter) field(sep, name string, v any) {
	j.raw(sep + `"` + name + `":`)
	j.value(v)
}

// writeList writes a JSON array of list, an element at a time.
func writeList[T any](j *jsonWriter, list []T) {
	j.raw("[")
	for i, v := range list {
		if i > 0 {
			j.raw(",")
		}
		j.value(v)
	}
	j.raw("]")
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
