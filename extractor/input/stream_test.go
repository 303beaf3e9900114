package input

import (
	"bufio"
	"io"
	"runtime"
	"strings"
	"testing"
)

// repeated is a stream of chunk, times times over, made as it is read.
type repeated struct {
	chunk []byte
	times int
	off   int
}

func (r *repeated) Read(p []byte) (int, error) {
	if r.times == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.chunk[r.off:])
	if r.off += n; r.off == len(r.chunk) {
		r.off, r.times = 0, r.times-1
	}
	return n, nil
}

// heapWatcher records the largest live heap seen.
type heapWatcher struct{ most uint64 }

func (h *heapWatcher) look() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.most = max(h.most, m.HeapAlloc)
}

// TestStreamsStayFlat reads 32 MB of JSON Lines and 4 MB of gzipped WARC
// records (40 MB unpacked), and checks that the heap stays far below that:
// the files are streamed.
func TestStreamsStayFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 36 MB")
	}
	line := []byte(`{"text": "` + strings.Repeat("word ", 200) + `"}` + "\n")
	record := buildWARC(t, true, response("https://news.example/a", "200 OK", "Content-Type: text/html\r\n", "<p>"+strings.Repeat("word ", 400)+"</p>"))
	r := NewReader(DefaultOptions(), nil)
	for name, list := range map[string]func(func(Source, error) bool) bool{
		"JSON Lines": func(y func(Source, error) bool) bool {
			return r.jsonLines("big.jsonl", bufio.NewReader(&repeated{chunk: line, times: 32 << 20 / len(line)}), y)
		},
		"WARC": func(y func(Source, error) bool) bool {
			return r.warcRecords("big.warc.gz", &repeated{chunk: record, times: 4 << 20 / len(record)}, y)
		},
	} {
		var heap heapWatcher
		n := 0
		list(func(src Source, err error) bool {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if n++; n%2000 == 0 {
				heap.look()
			}
			return true
		})
		if heap.most > 16<<20 || n < 10000 {
			t.Errorf("%s: %d documents, heap up to %d MB", name, n, heap.most>>20)
		}
		t.Logf("%s: %d documents, heap up to %.1f MB", name, n, float64(heap.most)/(1<<20))
	}
}
