package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"time"
)

// record is one page's extraction, a line of TOOL.jsonl.
type record struct {
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"` // YYYY-MM-DD, or the tool's own string
	Text      string   `json:"text"`
}

// errorRecord is the line written for a page whose extraction failed.
type errorRecord struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

// writeRecords writes one JSON line per outcome to path.
func writeRecords(path string, res []outcome) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, o := range res {
		if err := enc.Encode(o.line()); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// line returns what to write for the outcome: its record or its error.
func (o outcome) line() any {
	if o.err != nil {
		return errorRecord{Source: o.rec.Source, Error: o.err.Error()}
	}
	return o.rec
}

// splitAuthors splits a tool's single author string into names, on ",",
// ";", "&" and the word "and", as body.py splits the gold.
func splitAuthors(s string) []string {
	var names []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;&", r) }) {
		names = append(names, strings.Split(part, " and ")...)
	}
	return cleanNames(names)
}

// cleanNames trims names and drops empty ones; the result is never nil, so
// it encodes as a JSON list.
func cleanNames(names []string) []string {
	out := []string{}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// normDate returns s's date as YYYY-MM-DD when s starts with one or is an
// RFC 3339 time; otherwise s unchanged (trimmed).
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10]
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return dayOf(t)
	}
	return s
}

// dayOf formats t as YYYY-MM-DD in its own time zone, or "" for the zero time.
func dayOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
