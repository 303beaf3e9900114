package record

import (
	"fmt"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/article"
	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/quotes"
)

// Build makes the record of one article from the results of the pipeline's
// stages, converting byte offsets to code-point offsets.
func Build(source string, a article.Article, ents *entities.Result, qs []quotes.Quote) Record {
	ix := newRuneIndex(a.Text)
	r := Record{
		Source: source, URL: a.URL, Title: a.Title, Authors: a.Authors, Published: a.Published,
		Site: a.Site, Language: a.Language, Text: a.Text,
	}
	for _, e := range ents.Entities {
		r.Entities = append(r.Entities, buildEntity(ix, e))
	}
	for i, q := range qs {
		r.Quotes = append(r.Quotes, buildQuote(ix, ents, i, q))
	}
	return r
}

func buildEntity(ix *runeIndex, e *entities.Entity) Entity {
	out := Entity{ID: e.ID, Name: e.Name, Type: e.Type, Title: e.Title, Gender: e.Gender, Aliases: nonNil(e.Aliases), Salience: e.Salience}
	for _, m := range e.Mentions {
		out.Mentions = append(out.Mentions, Mention{Start: ix.at(m.Start), End: ix.at(m.End), Text: m.Text})
	}
	return out
}

func buildQuote(ix *runeIndex, ents *entities.Result, i int, q quotes.Quote) Quote {
	out := Quote{
		ID: fmt.Sprintf("q%d", i+1), Type: q.Type, Text: ix.text[q.Start:q.End],
		Start: ix.at(q.Start), End: ix.at(q.End), Resolved: q.Resolved, Pattern: q.Pattern,
		Confidence: q.Confidence,
	}
	for _, p := range q.Parts {
		out.Parts = append(out.Parts, ix.span(p.Start, p.End))
	}
	if q.Cue != nil {
		c := ix.span(q.Cue.Start, q.Cue.End)
		out.Cue = &c
	}
	if sp := q.Speaker; sp != nil {
		out.Speaker = &Speaker{Name: orNull(sp.Name), Start: ix.at(sp.Start), End: ix.at(sp.End), Text: sp.Text}
		if sp.Entity >= 0 {
			out.Speaker.Entity = &ents.Entities[sp.Entity].ID
		}
	}
	return out
}

// runeIndex converts byte offsets in a text to code-point offsets. It keeps
// the code-point count at every 64th byte and counts the rest. In UTF-8 the
// code points before an offset are the bytes that do not continue one.
type runeIndex struct {
	text   string
	ascii  bool
	counts []int
}

const runeStride = 64

func newRuneIndex(text string) *runeIndex {
	ix := &runeIndex{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ix.ascii = false
			break
		}
	}
	if ix.ascii {
		return ix
	}
	ix.counts = make([]int, len(text)/runeStride+1)
	n := 0
	for k := range ix.counts {
		ix.counts[k] = n
		end := min((k+1)*runeStride, len(text))
		n += leadBytes(text[k*runeStride : end])
	}
	return ix
}

// at returns the code-point offset of byte offset b, which must fall on a
// character boundary.
func (ix *runeIndex) at(b int) int {
	if ix.ascii {
		return b
	}
	k := b / runeStride
	return ix.counts[k] + leadBytes(ix.text[k*runeStride:b])
}

// leadBytes counts the bytes of s that start a character.
func leadBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func (ix *runeIndex) span(start, end int) Span {
	return Span{Text: ix.text[start:end], Start: ix.at(start), End: ix.at(end)}
}
