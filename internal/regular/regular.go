// Package regular reads settings files (rules, configuration) safely: only
// regular files, after following symbolic links, and only up to a size. A
// named pipe would block a run, and a device such as /dev/zero would fill
// the memory, so both are refused before they are read.
package regular

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// ReadFile returns the content of the file name in fsys. It refuses anything
// but a regular file and a file of more than limit bytes. The file is checked
// before it is opened and again once open, as it may change in between.
//
// Its errors do not name the file but say what is wrong with it, to follow
// the caller's name for it: "cannot be read: permission denied", "is a named
// pipe, not a regular file", "is 4.2 MB, more than the limit of 1 MB".
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, withoutPath(err)
	}
	if err := check(info, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, withoutPath(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, withoutPath(err)
	}
	if err := check(info, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, withoutPath(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("grew past the limit of %s while it was read", Size(limit))
	}
	return data, nil
}

// check refuses what is not a regular file and a file over limit bytes.
func check(info fs.FileInfo, limit int64) error {
	mode := info.Mode()
	if !mode.IsRegular() {
		return fmt.Errorf("is %s, not a regular file", kindOf(mode))
	}
	if size := info.Size(); size > limit {
		if Size(size) == Size(limit) { // 1000001 bytes is "1 MB" too
			return fmt.Errorf("is %d bytes, more than the limit of %d bytes", size, limit)
		}
		return fmt.Errorf("is %s, more than the limit of %s", Size(size), Size(limit))
	}
	return nil
}

func kindOf(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Size formats a number of bytes for a message: "512 bytes", "1 MB",
// "104.9 MB" (a megabyte being a million bytes).
func Size(n int64) string {
	if n < 1e6 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	return strings.TrimSuffix(strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64), ".0") + " MB"
}

// withoutPath drops the path from an *fs.PathError, which the caller names.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot be read: %w", err)
}
