package input

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// NameOf is the name extract gives the file or URL arg: arg itself when it
// is valid UTF-8, and otherwise arg with each byte that is not part of a
// valid UTF-8 sequence written as \xHH (lower-case hex) and each backslash
// doubled, so that two files whose names differ only in such bytes keep
// distinct, stable names in the JSON records, where invalid bytes cannot be
// written.
func NameOf(arg string) string {
	if utf8.ValidString(arg) {
		return arg
	}
	var b strings.Builder
	for i := 0; i < len(arg); {
		r, size := utf8.DecodeRuneInString(arg[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, arg[i])
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(arg[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Exclude makes the listing pass over the file that info describes (as
// os.SameFile tells), wherever a folder holds it, under any name or link:
// the file a run writes its records to is never one of its inputs.
func (r *Reader) Exclude(info fs.FileInfo) {
	r.excluded = append(r.excluded, info)
}

// isExcluded reports whether info is a file passed to Exclude.
func (r *Reader) isExcluded(info fs.FileInfo) bool {
	return slices.ContainsFunc(r.excluded, func(x fs.FileInfo) bool { return os.SameFile(x, info) })
}

// walk yields the files of known kinds in the folder dir, recursively in
// sorted order, following links to files and to folders. ancestors are the
// folders being walked above dir, so that a link back to one of them is
// reported instead of walked for ever. A file that is not a regular file
// (a named pipe, a device, a socket) gives an error without being opened,
// so that it cannot block the run.
func (r *Reader) walk(dir string, ancestors []fs.FileInfo, yield func(Source, error) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return yield(Source{Name: NameOf(dir)}, fmt.Errorf("cannot read %s: %w", NameOf(dir), unwrapPath(err)))
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if !r.walkEntry(path, e, ancestors, yield) {
			return false
		}
	}
	if err != nil {
		return yield(Source{Name: NameOf(dir)}, fmt.Errorf("cannot read all of %s: %w", NameOf(dir), unwrapPath(err)))
	}
	return true
}

// walkEntry yields what one entry of a folder holds.
func (r *Reader) walkEntry(path string, e fs.DirEntry, ancestors []fs.FileInfo, yield func(Source, error) bool) bool {
	name := NameOf(path)
	if !e.IsDir() && e.Type()&fs.ModeSymlink == 0 && !KnownFile(path) {
		return true
	}
	info, err := os.Stat(path) // follows a link
	switch {
	case err != nil && !KnownFile(path):
		return true // a broken link of no known kind, as any file of no known kind
	case err != nil:
		return yield(Source{Name: name}, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err)))
	case info.IsDir():
		if slices.ContainsFunc(ancestors, func(a fs.FileInfo) bool { return os.SameFile(a, info) }) {
			return yield(Source{Name: name}, fmt.Errorf("%s: a link to a folder that holds it; not followed, as it would loop", name))
		}
		return r.walk(path, append(ancestors, info), yield)
	case !KnownFile(path) || r.isExcluded(info):
		return true
	case !info.Mode().IsRegular():
		return yield(Source{Name: name}, fmt.Errorf("%s: not a regular file but %s; not read", name, fileKind(info.Mode())))
	}
	return r.fileSources(path, yield)
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
