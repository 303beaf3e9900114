package quotes

import (
	"sort"
)

// quoteGroup is the quoted stretches that make one quote: those sharing a
// cue and speaker, and the unattributed stretches that continue them.
type quoteGroup struct {
	members  []int // quoted indexes, in text order
	att      *attribution
	floating *quoteGroup // for a quote with no attribution: the quote whose speaker it takes

	speaker *Speaker // resolved
	how     string
}

// group gathers the quoted stretches into quotes. Attributed stretches with
// the same cue and speaker are one quote; an unattributed direct stretch
// joins the attributed quote next to it in its paragraph, or continues the
// quote left open at the end of the paragraph before, or floats: it takes
// the speaker of the quote that ends the paragraph before. Unattributed
// partial quotes and titles are left out: they are not anyone's words.
func group(s *seq, qs []quoted, atts []*attribution) []*quoteGroup {
	var groups []*quoteGroup
	of := make([]*quoteGroup, len(qs))
	byKey := map[[2]int]*quoteGroup{}
	for i, a := range atts {
		if a == nil {
			continue
		}
		key := [2]int{-1, a.speaker.headFirst}
		if a.cue != nil {
			key[0] = a.cue.first
		}
		g := byKey[key]
		if g == nil {
			g = &quoteGroup{att: a}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
		of[i] = g
	}
	for i, q := range qs {
		if of[i] != nil || q.title || !q.direct || q.first >= q.last {
			continue
		}
		if g := joinable(qs, of, i); g != nil {
			g.members = append(g.members, i)
			sort.Ints(g.members)
			of[i] = g
			continue
		}
		g := &quoteGroup{members: []int{i}}
		if s.opensParagraph(i) && i > 0 && of[i-1] != nil && qs[i-1].para == q.para-1 && s.endsParagraph(i-1) {
			g.floating = of[i-1]
		}
		groups = append(groups, g)
		of[i] = g
	}
	return groups
}

// joinable returns the quote that the unattributed direct stretch i
// continues, or nil.
func joinable(qs []quoted, of []*quoteGroup, i int) *quoteGroup {
	if i > 0 && qs[i-1].para == qs[i].para-1 && qs[i-1].close < 0 && of[i-1] != nil {
		return of[i-1] // a quote carried over a paragraph break
	}
	for j := i - 1; j >= 0 && qs[j].para == qs[i].para; j-- {
		if of[j] != nil && of[j].att != nil && qs[j].direct {
			return of[j]
		}
	}
	for j := i + 1; j < len(qs) && qs[j].para == qs[i].para; j++ {
		if of[j] != nil && of[j].att != nil && qs[j].direct {
			return of[j]
		}
	}
	return nil
}

// opensParagraph reports whether quoted stretch i is the first thing in its
// paragraph.
func (s *seq) opensParagraph(i int) bool {
	pos := s.quoteAt[i]
	return pos == 0 || s.units[pos-1].kind == uBreak
}

// endsParagraph reports whether quoted stretch i ends its paragraph, or is
// followed only by its attribution: no other sentence comes after it.
func (s *seq) endsParagraph(i int) bool {
	for pos := s.quoteAt[i] + 1; pos < len(s.units) && s.units[pos].kind != uBreak; pos++ {
		if s.units[pos].kind == uQuote {
			return false
		}
		if s.boundary(pos, 1) && pos+1 < len(s.units) && s.units[pos+1].kind != uBreak {
			return false
		}
	}
	return true
}

// resolve finds each group's speaker: attributed groups from their phrase,
// floating ones from the group they follow (which comes earlier in the text).
func resolveGroups(r *resolver, qs []quoted, groups []*quoteGroup) {
	for _, g := range groups {
		if g.att != nil {
			sp, how := r.speaker(g.att.speaker)
			g.speaker, g.how = &sp, how
		}
	}
	sort.SliceStable(groups, func(a, b int) bool { return qs[groups[a].members[0]].start < qs[groups[b].members[0]].start })
	for _, g := range groups {
		if g.att == nil && g.floating != nil && g.floating.speaker != nil {
			g.speaker, g.how = g.floating.speaker, ResolvedFloating
		}
	}
}

// quote builds the Quote of a resolved group.
func (g *quoteGroup) quote(r *resolver, qs []quoted) Quote {
	doc := r.doc
	first, last := qs[g.members[0]], qs[g.members[len(g.members)-1]]
	q := Quote{Type: Partial, Start: first.start, End: last.end, Speaker: g.speaker, Resolved: g.how}
	if first.direct {
		q.Type = Direct
	}
	if len(g.members) > 1 {
		for _, i := range g.members {
			q.Parts = append(q.Parts, Span{Start: qs[i].start, End: qs[i].end})
		}
	}
	base := 0.0
	att := g.att
	if att == nil && g.floating != nil {
		att = g.floating.att
	}
	if att != nil {
		base = att.confidence
		q.Pattern = att.pattern.ID
		if g.att != nil && att.cue != nil {
			c := att.cue
			q.Cue = &Cue{Start: doc.Tokens[c.first].Start, End: doc.Tokens[c.last-1].End}
			q.Cue.Text = doc.Text[q.Cue.Start:q.Cue.End]
		}
	}
	if g.speaker == nil {
		q.Resolved = ""
		base = 1
	} else if g.speaker.Name == "" {
		base *= 0.5 // a pronoun whose person was not found
	}
	q.Confidence = round2(base * resolvedFactor[q.Resolved])
	return q
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
