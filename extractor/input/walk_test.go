package input

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// TestNamesOfInvalidUTF8 gives two files whose names differ only in bytes
// that are not UTF-8 two distinct names, the same from run to run, and
// still reads each.
func TestNamesOfInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "x\xfe.txt", []byte("first"))
	writeFile(t, dir, "x\xff.txt", []byte("second"))
	writeFile(t, dir, "caf\u00e9.txt", []byte("third"))
	got := list(t, NewReader(DefaultOptions(), nil), dir)
	want := []string{filepath.Join(dir, "caf\u00e9.txt"), filepath.Join(dir, `x\xfe.txt`), filepath.Join(dir, `x\xff.txt`)}
	if !slices.Equal(names(got), want) {
		t.Fatalf("names %q, want %q", names(got), want)
	}
	for i, text := range []string{"third", "first", "second"} {
		checkDoc(t, got[i], Text, "", text)
	}
	if again := list(t, NewReader(DefaultOptions(), nil), filepath.Join(dir, "x\xfe.txt")); again[0].name != want[1] {
		t.Errorf("given as an argument, the file is named %q, not %q", again[0].name, want[1])
	}
}

// TestWalkFollowsLinks walks a folder through a link, reports a link back
// to a folder above it instead of looping, and reads a linked file.
func TestWalkFollowsLinks(t *testing.T) {
	root := t.TempDir()
	other := t.TempDir()
	writeFile(t, root, "a/one.txt", []byte("one"))
	writeFile(t, other, "two.txt", []byte("two"))
	symlink(t, other, filepath.Join(root, "a", "linked"))
	symlink(t, root, filepath.Join(root, "a", "loop"))
	symlink(t, filepath.Join(other, "two.txt"), filepath.Join(root, "b.txt"))
	symlink(t, filepath.Join(root, "missing.txt"), filepath.Join(root, "c.txt"))
	symlink(t, filepath.Join(root, "missing"), filepath.Join(root, "d"))

	got := list(t, NewReader(DefaultOptions(), nil), root)
	want := []string{"a/linked/two.txt", "a/loop", "a/one.txt", "b.txt", "c.txt"}
	var rel []string
	for _, l := range got {
		r, _ := filepath.Rel(root, l.name)
		rel = append(rel, r)
	}
	if !slices.Equal(rel, want) {
		t.Fatalf("listed %q, want %q", rel, want)
	}
	checkDoc(t, got[0], Text, "", "two")
	checkErr(t, got[1], filepath.Join(root, "a", "loop")+": a link to a folder that holds it; not followed, as it would loop")
	checkDoc(t, got[3], Text, "", "two")
	if got[4].err == nil || !strings.Contains(got[4].err.Error(), "no such file") {
		t.Errorf("a broken link gave %v", got[4].err)
	}
}

// TestWalkRefusesSpecialFiles gives a named pipe in a folder an error
// without opening it (which would wait for a writer for ever), and goes on.
func TestWalkRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"feed.jsonl", "crawl.warc.gz", "page.html"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	writeFile(t, dir, "story.txt", []byte("a story"))
	done := make(chan []listed)
	go func() { done <- list(t, NewReader(DefaultOptions(), nil), dir) }()
	var got []listed
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("listing a folder with named pipes in it hangs")
	}
	if len(got) != 4 {
		t.Fatalf("listed %q", names(got))
	}
	for _, l := range got[:3] {
		checkErr(t, l, l.name+": not a regular file but a named pipe (FIFO); not read")
	}
	checkDoc(t, got[3], Text, "", "a story")
}

// TestExclude passes over the excluded file wherever a folder holds it.
func TestExclude(t *testing.T) {
	dir := t.TempDir()
	out := writeFile(t, dir, "records.jsonl", []byte(`{"text": "my own record"}`+"\n"))
	writeFile(t, dir, "story.txt", []byte("a story"))
	symlink(t, out, filepath.Join(dir, "sub", "link.jsonl"))
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(DefaultOptions(), nil)
	r.Exclude(info)
	if got := names(list(t, r, dir)); !slices.Equal(got, []string{filepath.Join(dir, "story.txt")}) {
		t.Errorf("listed %q, want only the story", got)
	}
}

// TestEmptyInputs gives an error for an input with nothing in it.
func TestEmptyInputs(t *testing.T) {
	dir := t.TempDir()
	paths := []string{
		writeFile(t, dir, "empty.html", nil),
		writeFile(t, dir, "blank.txt", []byte(" \n\t\r\n")),
		writeFile(t, dir, "bom.txt", []byte("\ufeff\n")),
		writeFile(t, dir, "empty.txt.gz", gzipped(t, nil)),
	}
	for _, l := range list(t, NewReader(DefaultOptions(), nil), paths...) {
		checkErr(t, l, "reading "+l.name+": empty input: nothing to extract")
	}
	got := list(t, NewReader(DefaultOptions(), strings.NewReader("")), "-")
	checkErr(t, got[0], "reading standard input: empty input: nothing to extract")
}

// TestUTF16Text decodes plain text in UTF-16 with a byte-order mark, either
// byte order, and HTML in UTF-16 stays readable as HTML.
func TestUTF16Text(t *testing.T) {
	dir := t.TempDir()
	text := "“Yes,” she said. Café.\n"
	le := writeFile(t, dir, "le.txt", utf16Bytes(text, false))
	be := writeFile(t, dir, "be.txt", utf16Bytes(text, true))
	page := writeFile(t, dir, "page", utf16Bytes("<!DOCTYPE html><p>Café</p>", false))
	got := list(t, NewReader(DefaultOptions(), nil), le, be, page)
	checkDoc(t, got[0], Text, "", "\ufeff"+text)
	checkDoc(t, got[1], Text, "", "\ufeff"+text)
	checkDoc(t, got[2], HTML, "", "\ufeff<!DOCTYPE html><p>Café</p>")
}

// utf16Bytes is s in UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, r := range s {
		var units []uint16
		if r >= 0x10000 {
			r -= 0x10000
			units = []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
		} else {
			units = []uint16{uint16(r)}
		}
		for _, u := range units {
			if bigEndian {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	}
	return out
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// FuzzNameOf checks that every name is valid UTF-8, that a valid name is
// kept as it is, and that two names with bytes that are not UTF-8 differ
// when the names differ.
func FuzzNameOf(f *testing.F) {
	f.Add("x\xfe.txt", "x\xff.txt")
	f.Add("caf\xc3\xa9", "caf\xc3")
	f.Add(`\xfe`+"\xff", "\xfe\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := NameOf(a), NameOf(b)
		if !utf8.ValidString(na) || utf8.ValidString(a) && na != a {
			t.Fatalf("NameOf(%q) = %q", a, na)
		}
		if a != b && na == nb && !utf8.ValidString(a) && !utf8.ValidString(b) {
			t.Fatalf("%q and %q are both named %q", a, b, na)
		}
	})
}
