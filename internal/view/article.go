package view

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/extract-news/extract/extractor/record"
)

// article is what the page shows of one record.
type article struct {
	ID, Title, Source, URL, Site, Published, Date, Authors, Error string
	N, Analyzed                                                   int
	Paragraphs                                                    []paragraph
	Speakers                                                      []speakerRow
	Entities                                                      []entityRow
	Quotes, SpeakerCount                                          int
}

// speakerRow is one speaker and the quotes given to them.
type speakerRow struct {
	Name, Ent, Note string
	Quotes          []quoteRow
}

// quoteRow is one quote in the table of speakers.
type quoteRow struct {
	Q, Type, Text, Cue, Conf, Resolved string
}

// entityRow is one entity in the table of entities.
type entityRow struct {
	Ent, Name, Type, Label, Title, Aliases, Salience string
	Mentions, Quotes                                 int
}

// entityTypes are the entity types with a colour and label of their own.
var entityTypes = map[string]string{
	"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP", "EVENT": "EVENT",
}

// newArticle lays out one record; n numbers it in the page, so that the ids
// of its quotes and entities are unique in a run.
func newArticle(rec record.Record, n int) article {
	a := article{
		N: n, ID: fmt.Sprintf("a%d", n), Title: rec.Title, Source: rec.Source, URL: rec.URL, Site: rec.Site,
		Published: rec.Published, Date: displayDate(rec.Published), Authors: strings.Join(rec.Authors, ", "), Error: rec.Error,
		Analyzed: rec.Analyzed, Quotes: len(rec.Quotes),
	}
	ents := entityIDs(rec, a.ID)
	text := []rune(rec.Text)
	a.Paragraphs = paragraphs(text, marksOf(rec, a.ID, ents))
	a.Speakers = speakerRows(rec, a.ID, ents)
	for _, s := range a.Speakers {
		if s.Name != "" {
			a.SpeakerCount++
		}
	}
	a.Entities = entityRows(rec, ents)
	return a
}

// displayDate writes a record's date as people read it: 2 December 2025,
// with the time when the record has one.
func displayDate(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format("2 January 2006")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format("2 January 2006, 15:04 MST")
	}
	return s
}

// entityIDs maps each entity's id in the record to its id in the page.
func entityIDs(rec record.Record, prefix string) map[string]string {
	ids := make(map[string]string, len(rec.Entities))
	for i, e := range rec.Entities {
		ids[e.ID] = fmt.Sprintf("%s-e%d", prefix, i+1)
	}
	return ids
}

// quoteID is the page's id of the record's i-th quote.
func quoteID(prefix string, i int) string { return fmt.Sprintf("%s-q%d", prefix, i+1) }

// quoteType is a quote's type as the page's classes and filters know it.
func quoteType(t string) string {
	switch t {
	case "direct", "partial", "indirect":
		return t
	}
	return "other"
}

// marker collects the marks of one record. Words marked twice (a mention
// that speaks a quote) are one mark.
type marker struct {
	marks []mark
	words map[[2]int]int // a word mark's span: its index in marks
}

// word marks a mention, speaker or cue.
func (mk *marker) word(start, end int, e elem) {
	if i, ok := mk.words[[2]int{start, end}]; ok {
		mk.marks[i].elem = merge(mk.marks[i].elem, e)
		return
	}
	mk.words[[2]int{start, end}] = len(mk.marks)
	mk.marks = append(mk.marks, mark{start: start, end: end, layer: layerWord, elem: e})
}

// marksOf returns the marks of a record: every mention of every entity,
// every quote with its parts, cue, speaker and chip.
func marksOf(rec record.Record, prefix string, ents map[string]string) []mark {
	mk := &marker{words: map[[2]int]int{}}
	for _, e := range rec.Entities {
		class, label := "ent ent-"+e.Type, entityLabel(e.Type)
		if _, ok := entityTypes[e.Type]; !ok {
			class = "ent ent-OTHER"
		}
		for _, m := range e.Mentions {
			mk.word(m.Start, m.End, elem{Class: class, Ent: ents[e.ID], Title: entityTitle(e), Label: label})
		}
	}
	for i, q := range rec.Quotes {
		id, t := quoteID(prefix, i), quoteType(q.Type)
		class := "q q-" + t
		if t == "direct" && len(q.Parts) > 0 {
			// the words in quotation marks are underlined, not the
			// attribution between them; a partial quote's other words
			// are its speaker's too, in the reporter's words
			class += " q-parts"
		}
		mk.marks = append(mk.marks, mark{start: q.Start, end: q.End, layer: layerQuote, chip: newChip(q, id, ents),
			elem: elem{Class: class, ID: id, Q: id}})
		for _, p := range q.Parts {
			mk.marks = append(mk.marks, mark{start: p.Start, end: p.End, layer: layerPart, elem: elem{Class: "qp qp-" + t, Q: id}})
		}
		if q.Cue != nil {
			mk.word(q.Cue.Start, q.Cue.End, elem{Class: "cue cue-" + t, Q: id})
		}
		if q.Speaker != nil {
			mk.word(q.Speaker.Start, q.Speaker.End, elem{Class: "spk", Spk: id})
		}
	}
	return mk.marks
}

// entityLabel is the short label of an entity type.
func entityLabel(t string) string {
	if label, ok := entityTypes[t]; ok {
		return label
	}
	return t
}

// merge joins the classes and ids of two elements on the same words.
func merge(a, b elem) elem {
	join := func(x, y string) string {
		switch {
		case x == "":
			return y
		case y == "" || x == y:
			return x
		}
		return x + " " + y
	}
	return elem{
		Class: join(a.Class, b.Class), ID: join(a.ID, b.ID), Q: join(a.Q, b.Q), Spk: join(a.Spk, b.Spk),
		Ent: join(a.Ent, b.Ent), Title: join(a.Title, b.Title), Label: join(a.Label, b.Label),
	}
}

// entityTitle is the tooltip of an entity's mentions.
func entityTitle(e record.Entity) string {
	s := e.Type + ": " + e.Name
	if e.Title != "" {
		s += " (" + e.Title + ")"
	}
	return s
}

// newChip makes the label of a quote.
func newChip(q record.Quote, id string, ents map[string]string) *chip {
	c := &chip{Q: id, Type: quoteType(q.Type), Conf: conf(q.Confidence)}
	name, note, ent := speakerOf(q, ents)
	c.Speaker, c.Note, c.Ent = name, note, ent
	return c
}

// speakerOf names a quote's speaker: the name, a note when there is none
// (an unresolved pronoun, or nobody), and the page's id of their entity.
func speakerOf(q record.Quote, ents map[string]string) (name, note, ent string) {
	sp := q.Speaker
	switch {
	case sp == nil:
		return "", "no speaker", ""
	case sp.Name == nil:
		return "", "“" + sp.Text + "”, not resolved", ""
	}
	if sp.Entity != nil {
		ent = ents[*sp.Entity]
	}
	return *sp.Name, "", ent
}

// conf writes a confidence with two decimals.
func conf(c float64) string { return strconv.FormatFloat(c, 'f', 2, 64) }

// speakerRows groups the quotes by speaker, the speaker of most quotes
// first; the quotes with no speaker come last.
func speakerRows(rec record.Record, prefix string, ents map[string]string) []speakerRow {
	var rows []speakerRow
	index := map[string]int{}
	for i, q := range rec.Quotes {
		name, note, ent := speakerOf(q, ents)
		key := ent
		if key == "" {
			key = name + "\x00" + note
		}
		k, ok := index[key]
		if !ok {
			k = len(rows)
			index[key] = k
			rows = append(rows, speakerRow{Name: name, Ent: ent, Note: note})
		}
		row := quoteRow{Q: quoteID(prefix, i), Type: quoteType(q.Type), Text: q.Text, Conf: conf(q.Confidence), Resolved: q.Resolved}
		if q.Cue != nil {
			row.Cue = q.Cue.Text
		}
		rows[k].Quotes = append(rows[k].Quotes, row)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if (rows[i].Name == "") != (rows[j].Name == "") {
			return rows[j].Name == ""
		}
		return len(rows[i].Quotes) > len(rows[j].Quotes)
	})
	return rows
}

// entityRows lists the entities, the most salient first, with the number
// of quotes each speaks.
func entityRows(rec record.Record, ents map[string]string) []entityRow {
	spoken := map[string]int{}
	for _, q := range rec.Quotes {
		if q.Speaker != nil && q.Speaker.Entity != nil {
			spoken[*q.Speaker.Entity]++
		}
	}
	bySalience := slices.Clone(rec.Entities)
	sort.SliceStable(bySalience, func(i, j int) bool { return bySalience[i].Salience > bySalience[j].Salience })
	rows := make([]entityRow, 0, len(rec.Entities))
	for _, e := range bySalience {
		rows = append(rows, entityRow{
			Ent: ents[e.ID], Name: e.Name, Type: e.Type, Label: entityLabel(e.Type), Title: e.Title,
			Aliases: strings.Join(e.Aliases, ", "), Salience: conf(e.Salience),
			Mentions: len(e.Mentions), Quotes: spoken[e.ID],
		})
	}
	return rows
}
