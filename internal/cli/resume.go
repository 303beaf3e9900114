package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// readPrior reads the records of an output file for --resume.
func readPrior(f *os.File) (priorRecords, error) {
	prior := priorRecords{done: map[string]bool{}, failed: map[string]bool{}}
	seen := map[string]bool{}
	err := scanRecords(f, func(c chunk) {
		switch {
		case c.cutShort:
			return
		case c.rec == nil:
			prior.bad = append(prior.bad, c.line)
			prior.superseded = true
		default:
			prior.records++
			src := c.rec.Source
			prior.superseded = prior.superseded || seen[src]
			seen[src] = true
			prior.done[src] = c.rec.Error == ""
			prior.failed[src] = c.rec.Error != ""
		}
		prior.end = c.end
	})
	for src, ok := range prior.done {
		if !ok {
			delete(prior.done, src)
		}
	}
	for src, failed := range prior.failed {
		if !failed {
			delete(prior.failed, src)
		}
	}
	return prior, err
}

// priorRecords is what an output file held when a run resumed it.
type priorRecords struct {
	done       map[string]bool // inputs whose newest record is a good one
	failed     map[string]bool // inputs whose newest record is an error
	records    int             // records read
	bad        []int           // lines where something that is not a record starts
	superseded bool            // an input has more than one record, or a line is bad
	end        int64           // where the last whole record or bad line ends
}

// compact rewrites the output file at path with only the newest record of
// each input, in the order of those records, through a temporary file that
// takes its place in one rename, so that a stop at any moment leaves either
// the old file or the new one. What is not a record goes to path.rejected.
func compact(path string) error {
	newest, err := newestRecords(path)
	if err != nil {
		return err
	}
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if err := copyNewest(src, tmp, path+".rejected", newest); err != nil {
		tmp.Close()
		return err
	}
	if err := finishFile(tmp, info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// newestRecords returns the index, among the file's chunks, of each
// input's newest record.
func newestRecords(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	newest := map[string]int{}
	err = scanRecords(f, func(c chunk) {
		if c.rec != nil {
			newest[c.rec.Source] = c.index
		}
	})
	return newest, err
}

// copyNewest copies the newest record of each input from src to dst, and
// what is not a record to the file rejected.
func copyNewest(src io.Reader, dst io.Writer, rejected string, newest map[string]int) error {
	var rej *os.File
	var werr error
	err := scanRecords(src, func(c chunk) {
		switch {
		case werr != nil:
		case c.rec != nil && newest[c.rec.Source] == c.index:
			_, werr = dst.Write(append(c.recordText, '\n'))
		case c.rec == nil:
			if rej == nil {
				rej, werr = os.OpenFile(rejected, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
			}
			if werr == nil {
				_, werr = rej.Write(c.text)
			}
		}
	})
	if rej != nil {
		if cerr := rej.Close(); werr == nil {
			werr = cerr
		}
	}
	return errors.Join(err, werr)
}

// finishFile gives a finished temporary file its mode and puts it on disk.
func finishFile(f *os.File, mode fs.FileMode) error {
	err := f.Chmod(mode)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// chunk is one record of an output file, or a stretch of it that is not a
// record: a record starts on a line that starts with "{" (it spans several
// lines with --pretty), and a line of something else belongs to the chunk
// before it.
type chunk struct {
	index      int         // of the chunk in the file, from 0
	line       int         // where it starts, from 1
	text       []byte      // as in the file, line endings included
	end        int64       // the offset just after it
	rec        *recordHead // nil when it is not a record
	recordText []byte      // the record's JSON, without white space around it
	cutShort   bool        // the last chunk, unended: a record a kill cut short
}

// recordHead is what resuming reads of a record.
type recordHead struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

// maxChunk is the most a record, or a stretch that is not one, may hold.
const maxChunk = 1 << 30

// scanRecords calls fn for each chunk of an output file, in order.
func scanRecords(r io.Reader, fn func(chunk)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var cur []byte
	var offset int64
	index, line, startLine := 0, 0, 1
	emit := func(last bool) {
		for _, c := range splitChunk(cur, startLine, last) {
			offset += int64(len(c.text))
			c.index, c.end = index, offset
			index++
			fn(c)
		}
		cur = nil
	}
	for {
		text, err := br.ReadBytes('\n')
		if len(text) > 0 {
			line++
			if text[0] == '{' && len(cur) > 0 {
				emit(false)
				startLine = line
			}
			if len(cur) == 0 {
				startLine = line
			}
			cur = append(cur, text...)
			if len(cur) > maxChunk {
				return fmt.Errorf("line %d: more than %d bytes that are not a record", startLine, maxChunk)
			}
		}
		if errors.Is(err, io.EOF) {
			if len(cur) > 0 {
				emit(true)
			}
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// splitChunk reads the record that text starts with, if any. When
// something follows the record, it is a chunk of its own, not a record.
func splitChunk(text []byte, line int, last bool) []chunk {
	dec := json.NewDecoder(bytes.NewReader(text))
	var raw json.RawMessage
	var head recordHead
	if dec.Decode(&raw) != nil || json.Unmarshal(raw, &head) != nil || head.Source == "" {
		unended := last && !bytes.HasSuffix(text, []byte("\n"))
		return []chunk{{line: line, text: text, cutShort: unended && startsRecord(text)}}
	}
	n := dec.InputOffset()
	n += int64(len(text[n:]) - len(bytes.TrimLeft(text[n:], " \t\r\n")))
	rec := chunk{line: line, text: text[:n], rec: &head, recordText: raw}
	if int(n) == len(text) {
		return []chunk{rec}
	}
	rest := chunk{line: line + bytes.Count(text[:n], []byte("\n")), text: text[n:]}
	return []chunk{rec, rest}
}

// startsRecord reports whether text starts as a record does: {"source":
// with any white space between.
func startsRecord(text []byte) bool {
	head := text[:min(len(text), 64)]
	squeezed := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, head)
	return bytes.HasPrefix(squeezed, []byte(`{"source":`))
}
