package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// page is one input page, gunzipped into memory.
type page struct {
	source string // the file name, ID.html.gz
	html   []byte
}

// loadPages reads and gunzips every *.html.gz file of dir, sorted by name.
func loadPages(dir string) ([]page, error) {
	entries, err := os.ReadDir(dir) // sorted by file name
	if err != nil {
		return nil, err
	}
	var pages []page
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".html.gz") {
			continue
		}
		data, err := readGzip(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{source: e.Name(), html: data})
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no *.html.gz pages in %s", dir)
	}
	return pages, nil
}

// readGzip returns the gunzipped content of the file at path.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
