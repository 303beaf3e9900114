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
	paths, err := pagePaths(dir)
	if err != nil {
		return nil, err
	}
	pages := make([]page, 0, len(paths))
	for _, path := range paths {
		data, err := readGzip(path)
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{source: filepath.Base(path), html: data})
	}
	return pages, nil
}

// pagePaths returns the paths of the *.html.gz files of dir, sorted by name;
// it is an error when there are none.
func pagePaths(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir) // sorted by file name
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".html.gz") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no *.html.gz pages in %s", dir)
	}
	return paths, nil
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
