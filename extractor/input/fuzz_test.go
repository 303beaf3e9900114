package input

import (
	"bytes"
	"testing"
)

// FuzzSniff checks that telling HTML from text never panics and that pages
// that start with a tag are HTML.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("<!DOCTYPE html><p>x"))
	f.Add([]byte("Plain text, < and > included."))
	f.Add([]byte("\ufeff  <html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k := Sniff(data)
		trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
		if bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype html")) && k != HTML {
			t.Fatalf("%q: a doctype should be HTML", data)
		}
	})
}
