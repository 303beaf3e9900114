package article

import (
	"compress/gzip"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var pagesDir = flag.String("pages", "", "folder of pages (.html or .html.gz) for BenchmarkFromHTML; the seed page when empty")

// BenchmarkFromHTML measures the HTML stage, text and metadata, on the seed
// page or on every page of -pages DIR, as the bench/ comparison does.
func BenchmarkFromHTML(b *testing.B) {
	pages := benchPages(b)
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	b.SetBytes(int64(total / len(pages)))
	for b.Loop() {
		for _, p := range pages {
			if _, err := FromHTML(p, "", ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(pages)), "ms/page")
}

func benchPages(b *testing.B) [][]byte {
	b.Helper()
	if *pagesDir == "" {
		data, err := os.ReadFile("../../fixtures/seed-html/input.html")
		if err != nil {
			b.Fatal(err)
		}
		return [][]byte{data}
	}
	paths, _ := filepath.Glob(filepath.Join(*pagesDir, "*.html*"))
	var pages [][]byte
	for _, path := range paths {
		pages = append(pages, readPage(b, path))
	}
	if len(pages) == 0 {
		b.Fatalf("no pages in %s", *pagesDir)
	}
	return pages
}

func readPage(b *testing.B, path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			b.Fatal(err)
		}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
