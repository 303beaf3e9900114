package view

import (
	"slices"
	"sort"
	"strings"
)

// layer orders marks that start at one place: a quote holds its parts, and
// a part holds the words marked in it (mentions, speakers, cues).
type layer int

const (
	layerQuote layer = iota
	layerPart
	layerWord
)

// mark is a stretch of the text, in code points, to wrap in one element.
// Where marks cross instead of nesting, the inner one is closed and opened
// again around the outer one's end, so the HTML stays well formed and each
// piece keeps the mark's classes and data attributes.
type mark struct {
	start, end int
	layer      layer
	elem       elem
	chip       *chip // shown after the mark's end: the label of a quote
}

// elem is what an element carries: its classes, the quote (Q), speaker
// (Spk) and entity (Ent) ids that the page's script and filters look up,
// an id for links to its first piece, a tooltip, and a label shown at its
// end (an entity's type).
type elem struct {
	Class, ID, Q, Spk, Ent, Title, Label string
}

// chip is the label after a quote: who said it, its type and confidence.
type chip struct {
	Q, Type, Conf, Ent, Speaker, Note string
}

// op is what a piece of a paragraph does.
type op int

const (
	opText op = iota
	opOpen
	opClose
	opChip
)

// piece is one step of a paragraph's HTML: text, the opening or closing
// tag of an element, or a quote's chip. ID and Label are set on the first
// opening and the last closing of a mark only.
type piece struct {
	Op    op
	Text  string
	E     *elem
	ID    string
	Label string
	Chip  *chip
}

// paragraph is one paragraph of the text, as pieces.
type paragraph []piece

// paragraphs splits text at its blank lines and lays the marks out in each
// paragraph, clipped to it. Marks outside the text, or empty, are left out.
func paragraphs(text []rune, marks []mark) []paragraph {
	bounds := paragraphBounds(text)
	per := make([][]mark, len(bounds))
	for _, m := range marks {
		if m.start < 0 || m.end > len(text) || m.start >= m.end {
			continue
		}
		first := sort.Search(len(bounds), func(i int) bool { return bounds[i][1] > m.start })
		for i := first; i < len(bounds) && bounds[i][0] < m.end; i++ {
			per[i] = append(per[i], m)
		}
	}
	out := make([]paragraph, len(bounds))
	for i, b := range bounds {
		out[i] = layout(text, b[0], b[1], per[i])
	}
	return out
}

// paragraphBounds returns the [start, end) of each paragraph of text: the
// stretches between runs of white space that hold two line breaks or more.
func paragraphBounds(text []rune) [][2]int {
	var out [][2]int
	start := -1 // the start of the paragraph being read, -1 between them
	for i := 0; i < len(text); {
		j, breaks := i, 0
		for j < len(text) && strings.ContainsRune(" \t\r\n", text[j]) {
			if text[j] == '\n' {
				breaks++
			}
			j++
		}
		switch {
		case j == i:
			if start < 0 {
				start = i
			}
			j++
		case start >= 0 && (breaks >= 2 || j == len(text)):
			out = append(out, [2]int{start, i})
			start = -1
		}
		i = j
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// layout returns the pieces of the paragraph [from, to) with its marks
// nested: marks open in order of start, outer layer first, longer first.
func layout(text []rune, from, to int, marks []mark) paragraph {
	slices.SortStableFunc(marks, func(a, b mark) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.layer != b.layer {
			return int(a.layer - b.layer)
		}
		return b.end - a.end
	})
	var out paragraph
	var open []*mark
	next := 0
	for p := from; p < to; {
		open, out = closeAt(p, open, out, false)
		for ; next < len(marks) && max(marks[next].start, from) <= p; next++ {
			m := &marks[next]
			open = append(open, m)
			out = append(out, opening(m, p))
		}
		end := to
		if next < len(marks) {
			end = min(end, max(marks[next].start, from))
		}
		for _, m := range open {
			end = min(end, m.end)
		}
		out = append(out, piece{Op: opText, Text: string(text[p:end])})
		p = end
	}
	_, out = closeAt(to, open, out, true)
	return out
}

// closeAt closes the open marks that end at p, closing and reopening the
// marks opened inside them that go on; at the paragraph's end (last), it
// closes them all.
func closeAt(p int, open []*mark, out paragraph, last bool) ([]*mark, paragraph) {
	k := slices.IndexFunc(open, func(m *mark) bool { return m.end <= p })
	if last && len(open) > 0 {
		k = 0
	}
	if k < 0 {
		return open, out
	}
	var reopen []*mark
	for i := len(open) - 1; i >= k; i-- {
		m := open[i]
		out = append(out, closing(m, p))
		if m.end > p && !last {
			reopen = append(reopen, m)
		} else if m.end == p && m.chip != nil {
			out = append(out, piece{Op: opChip, Chip: m.chip})
		}
	}
	open = open[:k]
	for i := len(reopen) - 1; i >= 0; i-- {
		open = append(open, reopen[i])
		out = append(out, opening(reopen[i], p))
	}
	return open, out
}

func opening(m *mark, p int) piece {
	pc := piece{Op: opOpen, E: &m.elem}
	if p == m.start {
		pc.ID = m.elem.ID
	}
	return pc
}

func closing(m *mark, p int) piece {
	pc := piece{Op: opClose, E: &m.elem}
	if p == m.end {
		pc.Label = m.elem.Label
	}
	return pc
}
