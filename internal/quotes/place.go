package quotes

import "sort"

// placeUnattributed puts each quoted stretch that no pattern attributed
// into the quote it belongs to, or into a quote of its own when it is
// direct speech, and returns the groups with those new quotes. It looks
// each stretch up in indexes built once, so that a paragraph of a thousand
// short quotes costs a thousand look-ups, not a million.
func placeUnattributed(s *seq, qs []quoted, of, groups []*quoteGroup) []*quoteGroup {
	around := clauseCover(s, groups)
	before := newLastBefore(s, groups)
	for i, q := range qs {
		if of[i] != nil || q.title || q.first >= q.last {
			continue
		}
		pos := s.quoteAt[i]
		if g := around[pos]; g != nil {
			join(g, i, of)
		} else if g := joinable(s, qs, of, i); g != nil && q.direct {
			join(g, i, of)
		} else if g := carriedOver(s, qs, of, i); g != nil && q.direct {
			join(g, i, of)
		} else if g := quotedParagraphBefore(s, qs, of, i); g != nil && q.direct {
			join(g, i, of)
		} else if q.direct {
			groups = append(groups, unattributed(s, of, before, i))
		}
		if g := of[i]; g != nil && g.att != nil && g.lastUnit(s) <= pos {
			before.offer(g) // it now ends here, before every stretch to come
		}
	}
	return groups
}

// clauseCover returns, for each unit, the first of the groups whose
// reported clause holds it, or nil. Clauses are at most maxClause units
// long, so this costs no more than that many steps a group.
func clauseCover(s *seq, groups []*quoteGroup) []*quoteGroup {
	cover := make([]*quoteGroup, len(s.units))
	for _, g := range groups {
		if g.clause == nil {
			continue
		}
		for u := g.clause.lo; u <= g.clause.hi; u++ {
			if cover[u] == nil {
				cover[u] = g
			}
		}
	}
	return cover
}

// lastBefore finds, for units asked in increasing order, the attributed
// group that ends last before each in its paragraph: "..., Schiff said.
// “The other factor ...”". Of groups that end at the same unit, the first
// in the list of groups wins.
//
// A group ends before unit pos once its first end is before pos: when a
// stretch joins it later, the stretch is before pos too. So the groups are
// taken up in the order of their first ends, and a group that a stretch
// joins is offered again with its new end.
type lastBefore struct {
	s       *seq
	rank    map[*quoteGroup]int // a group's place in the list of groups
	pending []*quoteGroup       // attributed groups not yet offered, by their first end
	best    *quoteGroup         // the group offered with the greatest end
	bestEnd int
}

func newLastBefore(s *seq, groups []*quoteGroup) *lastBefore {
	lb := &lastBefore{s: s, rank: map[*quoteGroup]int{}, bestEnd: -1}
	for i, g := range groups {
		if g.att != nil {
			lb.rank[g] = i
			lb.pending = append(lb.pending, g)
		}
	}
	sort.SliceStable(lb.pending, func(a, b int) bool { return lb.pending[a].lastUnit(s) < lb.pending[b].lastUnit(s) })
	return lb
}

// offer makes g, which ends before every unit still to be asked, a
// candidate.
func (lb *lastBefore) offer(g *quoteGroup) {
	end := g.lastUnit(lb.s)
	if end > lb.bestEnd || lb.best != nil && end == lb.bestEnd && lb.rank[g] < lb.rank[lb.best] {
		lb.best, lb.bestEnd = g, end
	}
}

// at returns the attributed group that ends last before unit pos, when no
// paragraph break stands between them; pos must not be less than the unit
// asked before.
func (lb *lastBefore) at(pos int) *quoteGroup {
	for len(lb.pending) > 0 && lb.pending[0].lastUnit(lb.s) < pos {
		lb.offer(lb.pending[0])
		lb.pending = lb.pending[1:]
	}
	if lb.best == nil || lb.s.breakBetween(lb.bestEnd, pos) {
		return nil
	}
	return lb.best
}
