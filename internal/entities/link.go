package entities

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/extract-news/extract/internal/nlp"
)

// linker joins candidates into entities.
type linker struct {
	r        *Recognizer
	doc      *nlp.Doc
	entities []*builder
	byKey    map[string]int   // place/group key or full name -> entity index
	byPart   map[string][]int // "last:putin", "first:vladimir" -> the entities with that name
}

// builder gathers the mentions of one entity.
type builder struct {
	names    []string // name of each mention
	mentions []Mention
	evidence map[string]float64
	gender   string
	title    string
	place    string
	keys     map[string]bool // "last:putin", "first:vladimir": how a lone name finds it
	lastSeen int             // token index of the latest mention
}

// link turns candidates into entities: strong ones first, in text order,
// then the weak ones that name an entity already found.
func (r *Recognizer) link(ctx context.Context, doc *nlp.Doc, cands []candidate) (*Result, error) {
	l := &linker{r: r, doc: doc, byKey: map[string]int{}, byPart: map[string][]int{}}
	for _, strong := range []bool{true, false} {
		for i, c := range cands {
			if err := checkEvery(ctx, i); err != nil {
				return nil, err
			}
			if strong == (!c.weak && c.best() != "") {
				l.addCandidate(c, strong)
			}
		}
	}
	return l.result(), nil
}

// addCandidate joins c to the entity it names, or starts a new entity when
// create is true.
func (l *linker) addCandidate(c candidate, create bool) {
	name := spanText(l.doc, c.first, c.last)
	idx, partial, ok := l.find(c, name)
	if !ok {
		if !create {
			return
		}
		idx = len(l.entities)
		l.entities = append(l.entities, &builder{evidence: map[string]float64{}, keys: map[string]bool{}, place: c.place})
	}
	b := l.entities[idx]
	b.names = append(b.names, name)
	b.mentions = append(b.mentions, Mention{
		Start: l.doc.Tokens[c.first].Start, End: l.doc.Tokens[c.last-1].End,
		First: c.first, Last: c.last, Text: name, Title: c.title, Entity: idx,
	})
	settled := b.settled()
	for t, w := range c.evidence {
		if partial && settled != "" && t != settled && t != personGuess {
			continue // "Parnevik tied the record" after "Jesper Parnevik" is no team
		}
		b.evidence[t] += w
	}
	if b.gender == "" {
		b.gender = c.gender
	}
	if len(c.title) > len(b.title) {
		b.title = c.title
	}
	b.lastSeen = c.first
	l.index(idx, c, name)
}

// find returns the entity that a candidate names, if one is known, and
// whether the candidate names it by a part of its name only.
func (l *linker) find(c candidate, name string) (idx int, partial, ok bool) {
	if c.place != "" {
		if i, ok := l.byKey[c.place]; ok {
			return i, false, true
		}
	}
	if i, ok := l.byKey["name:"+fold(name)]; ok {
		return i, false, true
	}
	words := nameWords(l.doc, c)
	if isAcronym(name) {
		if i, ok := l.byKey["initials:"+strings.ReplaceAll(name, ".", "")]; ok {
			return i, false, true
		}
	}
	if len(words) == 1 {
		i, ok := l.bySurname(words[0], c.place != "", l.modifier(c))
		if !ok && !l.modifier(c) && !allCaps(words[0]) && !l.r.isRole(fold(words[0])) &&
			!sentenceInitial(l.doc.Tokens, c.first, l.doc.Sentences[l.doc.Tokens[c.first].Sent].First) {
			// a common word capitalized inside a sentence: "grab Mercantile or Commerce"
			i, ok = l.byPartKey("common:" + fold(words[0]))
		}
		return i, true, ok
	}
	if i, ok := l.byKey["first-last:"+fold(words[0]+" "+words[len(words)-1])]; ok {
		return i, false, true
	}
	// a fuller name for someone first named by surname alone
	if i, ok := l.byKey["name:"+fold(words[len(words)-1])]; ok && l.entities[i].single() && c.best() == Person {
		return i, false, true
	}
	return 0, false, false
}

// modifier reports whether a lone name with no evidence of its own stands
// before a lower-case word that is no function word, or is tagged an
// adjective: "Soviet aggression",
// "the Paralympic movement" do not name an organization called "Soviet
// ..." or "Paralympic ...".
func (l *linker) modifier(c candidate) bool {
	toks := l.doc.Tokens
	if toks[c.first].Tag == "JJ" {
		return true
	}
	return c.best() == "" && c.last < len(toks) && toks[c.last].Sent == toks[c.first].Sent &&
		unicode.IsLower([]rune(toks[c.last].Text)[0]) && !nlp.FunctionWord(toks[c.last].Norm)
}

// byPartKey returns the most recently named entity found by key k.
func (l *linker) byPartKey(k string) (int, bool) {
	best, bestSeen := -1, -1
	for _, i := range l.byPart[k] {
		if seen := l.entities[i].lastSeen; seen > bestSeen {
			best, bestSeen = i, seen
		}
	}
	return best, best >= 0
}

// bySurname finds the most recent person whose last (or first) name is w,
// or the organization whose name starts with w unless the lone name is a
// modifier. A known place joins a person only by surname.
func (l *linker) bySurname(w string, isPlace, modifier bool) (int, bool) {
	best, bestSeen := -1, -1
	for _, key := range []string{"last:", "org:", "first:"} {
		if isPlace && key == "first:" || modifier && key == "org:" {
			continue
		}
		for _, i := range l.byPart[key+fold(w)] {
			if seen := l.entities[i].lastSeen; seen > bestSeen || seen == bestSeen && i < best {
				best, bestSeen = i, seen
			}
		}
		if best >= 0 {
			return best, true
		}
	}
	return 0, false
}

// index records the keys by which later mentions find entity idx.
func (l *linker) index(idx int, c candidate, name string) {
	if c.place != "" {
		l.byKey[c.place] = idx
	}
	l.byKey["name:"+fold(name)] = idx
	words := nameWords(l.doc, c)
	if len(words) >= 2 {
		l.byKey["first-last:"+fold(words[0]+" "+words[len(words)-1])] = idx
		if c.evidence[Person] > 0 || l.entities[idx].evidence[Person] > 0 {
			l.addPart(idx, "last:"+fold(surname(words)))
			l.addPart(idx, "first:"+fold(words[0]))
		} else if c.best() == Organization {
			if l.r.distinctive(words[0]) {
				l.addPart(idx, "org:"+fold(words[0])) // "Newmont Mining Corp", then "Newmont"
			} else if l.r.nameWord(words[0]) {
				l.addPart(idx, "common:"+fold(words[0])) // "Mercantile Bancorp", then "Mercantile"
			}
			if last := words[len(words)-1]; len(words) == 2 && strings.HasSuffix(last, "s") && !l.r.isOrgWord(fold(last)) {
				l.addPart(idx, "org:"+fold(last)) // "Philadelphia Eagles", then "the Eagles"
			}
		}
		if ini := initials(words); len(ini) >= 2 && c.best() == Organization {
			l.byKey["initials:"+ini] = idx
		}
	}
}

// result builds the entities from the builders.
func (l *linker) result() *Result {
	res := &Result{}
	for _, b := range l.entities {
		e := &Entity{Type: b.kind(), Gender: b.gender, Title: b.title, Mentions: b.mentions}
		if e.Type == "" {
			continue
		}
		e.Name = b.canonical(l.r, e.Type)
		e.Aliases = b.aliases(e.Name)
		res.Entities = append(res.Entities, e)
	}
	for i, e := range res.Entities {
		for k := range e.Mentions {
			e.Mentions[k].Entity = i
			res.Mentions = append(res.Mentions, e.Mentions[k])
		}
	}
	sort.Slice(res.Mentions, func(a, b int) bool { return res.Mentions[a].Start < res.Mentions[b].Start })
	res.finish(len(l.doc.Tokens))
	return res
}

// kind is the type most of the entity's evidence supports.
func (b *builder) kind() string {
	c := candidate{evidence: b.evidence}
	return c.best()
}

// settled returns the entity's type when evidence of more than a name's
// shape has fixed it, or "": a lone part of its name that joins it later
// ("Newmont" after "Newmont Mining Corp", "Mills" after "John Mills Jr")
// names the same thing and keeps its type.
func (b *builder) settled() string {
	typ := b.kind()
	if typ == "" || b.evidence[typ] < 2 {
		return ""
	}
	return typ
}

// canonical is the entity's name: the country's usual name for a country,
// else the longest name used.
func (b *builder) canonical(r *Recognizer, typ string) string {
	if strings.HasPrefix(b.place, "place:") && len(b.place) == len("place:")+2 {
		if n := r.gaz.CountryName(b.place[len("place:"):]); n != "" {
			return n
		}
	}
	best := b.names[0]
	for _, n := range b.names[1:] {
		if len(strings.Fields(n)) > len(strings.Fields(best)) {
			best = n
		}
	}
	return best
}

// aliases are the other names the entity goes by, in order of first use.
func (b *builder) aliases(name string) []string {
	seen := map[string]bool{name: true}
	var out []string
	for _, n := range b.names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func (b *builder) single() bool {
	for _, n := range b.names {
		if strings.ContainsAny(n, " ") {
			return false
		}
	}
	return true
}

// addPart records that a lone name finds entity idx by key k.
func (l *linker) addPart(idx int, k string) {
	if b := l.entities[idx]; !b.keys[k] {
		b.keys[k] = true
		l.byPart[k] = append(l.byPart[k], idx)
	}
}

// nameWords returns the words of a candidate's name, without particles
// ("de", "van") unless the name is nothing else.
func nameWords(doc *nlp.Doc, c candidate) []string {
	var words, all []string
	for i := c.first; i < c.last; i++ {
		w := doc.Tokens[i].Text
		all = append(all, w)
		if !nameParticles[doc.Tokens[i].Norm] && w != "." {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return all
	}
	return words
}

// surname returns the last of a person's name words that is not a
// generation suffix: "Mills" of "John Mills Jr".
func surname(words []string) string {
	last := words[len(words)-1]
	if len(words) > 2 && nameSuffixes[strings.TrimSuffix(strings.ToLower(last), ".")] {
		return words[len(words)-2]
	}
	return last
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameWord reports whether w, a common word, may still stand alone for an
// organization named with it: no place, nationality or function word.
func (r *Recognizer) nameWord(w string) bool {
	if _, ok := r.gaz.Place(w); ok || len(w) < 3 || nlp.FunctionWord(strings.ToLower(w)) {
		return false
	}
	_, ok := r.gaz.Demonym(w)
	return !ok && !r.isOrgWord(strings.ToLower(w)) && !compassWords[strings.ToLower(w)]
}

// distinctive reports whether the first word of an organization's name
// names it alone: not a common word, a place or a nationality ("New",
// "British", "Texas" in "Texas Instruments").
func (r *Recognizer) distinctive(w string) bool {
	if r.gaz.CommonWord(w) || len(w) < 3 {
		return false
	}
	if _, ok := r.gaz.Place(w); ok {
		return false
	}
	_, ok := r.gaz.Demonym(w)
	return !ok
}

// initials returns the capital initials of the significant words of a name:
// "European Union" gives "EU".
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if nlp.Capitalized(w) {
			b.WriteString(w[:1])
		}
	}
	return b.String()
}

func fold(s string) string { return strings.ToLower(strings.ReplaceAll(s, "\u2019", "'")) }
