package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
)

// candidate is a name found in a chunk, with the evidence for its type.
type candidate struct {
	first, last int // tokens of the name itself
	title       string
	gender      string
	evidence    map[string]float64 // type -> weight
	place       string             // canonical place or group key, when the gazetteer knows it
	weak        bool               // kept only if it joins an entity named elsewhere
}

func (c *candidate) add(typ string, w float64) {
	if c.evidence == nil {
		c.evidence = map[string]float64{}
	}
	c.evidence[typ] += w
}

// personGuess is evidence that a name is a person's that only its shape
// gives: two capitalised words, a listed surname, "said" after it. It
// counts towards Person when something else says person (a given name, a
// title, "who"); alone, it yields to any other type's evidence, and makes a
// person only of a name nothing else types.
const personGuess = "PERSON?"

// best returns the type with the most evidence, or "".
func (c *candidate) best() string {
	typ, top := "", 0.0
	guess := c.evidence[personGuess]
	for _, t := range []string{Person, Organization, GPE, Location, NORP, Facility, Event} {
		w := c.evidence[t]
		if t == Person && w > 0 {
			w += guess
		}
		if w > top {
			typ, top = t, w
		}
	}
	if typ == "" && guess > 0 {
		return Person
	}
	return typ
}

// Modifiers that may stand before a title in lower case ("former President").
var titleModifiers = map[string]bool{
	"former": true, "acting": true, "interim": true, "late": true, "outgoing": true,
	"incoming": true, "then": true, "deputy": true, "newly": true, "appointed": true,
	"elected": true, "current": true, "retired": true, "senior": true, "top": true,
}

// parse cuts a chunk into title and name and gathers the evidence for the
// name's type. It also returns the places and groups named inside a title
// ("Russian" in "Russian President").
func (r *Recognizer) parse(doc *nlp.Doc, c chunk) []candidate {
	if k := r.bodyOfTitle(doc.Tokens, c.first, c.last); k > c.first {
		c.first = k // "Chair of the National Space Council": the title names no one here
	}
	titleEnd := r.titleEnd(doc.Tokens, c.first, c.last)
	out, nameFirst, gender := r.beforeName(doc, c, titleEnd)
	if nameFirst >= c.last {
		return out // a title alone names nobody
	}
	return append(out, r.nameCandidate(doc, c, nameFirst, titleEnd, gender))
}

// beforeName cuts from chunk c what stands before the name: the title
// that ends at titleEnd, an honorific, and, with no title, the leading
// words that are no part of a person's name. It returns the places, groups
// and bodies those name, where the name starts, and the honorific's gender.
func (r *Recognizer) beforeName(doc *nlp.Doc, c chunk, titleEnd int) ([]candidate, int, string) {
	toks := doc.Tokens
	nameFirst, gender := c.first, ""
	if titleEnd > c.first {
		nameFirst = titleEnd
	}
	if e, end, ok := r.lex.Honorifics.At(toks, nameFirst, c.last); ok && end < c.last {
		nameFirst, gender = end, e.Gender
	}
	var out []candidate
	if titleEnd > c.first {
		out = append(out, r.titleParts(doc, c.first, titleEnd)...)
	}
	for nameFirst < c.last && !nlp.Capitalized(toks[nameFirst].Text) {
		nameFirst++ // "Director of Intelligence": the title's "of" is no name
	}
	if titleEnd <= c.first {
		var lead []candidate
		lead, nameFirst = r.leadingPart(doc, nameFirst, c.last)
		out = append(out, lead...)
	}
	return out, nameFirst, gender
}

// nameCandidate returns the candidate for the name [nameFirst, c.last)
// after the title that ends at titleEnd, with the evidence for its type
// and the honorific's gender, if any. A name that names nothing alone (a
// role, a building's word, a single letter, a numbered label) comes back
// weak.
func (r *Recognizer) nameCandidate(doc *nlp.Doc, c chunk, nameFirst, titleEnd int, gender string) candidate {
	toks := doc.Tokens
	role, plural := r.onlyRole(toks, nameFirst, c.last)
	if role && !plural || r.facilityWord(toks, nameFirst, c.last) || c.last-nameFirst == 1 && utf8.RuneCountInString(toks[nameFirst].Text) == 1 {
		// a single letter ("N / A") names nothing either
		// "the Speaker", "Chief Justice" name nobody, unless someone of
		// that name is found elsewhere ("Billie Jean King", then "King")
		return candidate{first: nameFirst, last: c.last, weak: true}
	}
	cand := r.titled(doc, c, nameFirst, titleEnd)
	if gender != "" {
		cand.gender = gender // an honorific's, before a title's
	}
	r.nameEvidence(doc, &cand)
	if r.label(doc, &cand) {
		// "Figure 1", "Wave 4", "Factor 1": a numbered part of a text
		return candidate{first: nameFirst, last: c.last, weak: true}
	}
	if role {
		// "Republicans" are no person; "the Cardinals" may be a team
		delete(cand.evidence, Person)
		delete(cand.evidence, personGuess)
	}
	if c.headline && cand.best() != Person && cand.evidence[Organization] < 3 && cand.place == "" {
		cand.weak = true
	}
	return cand
}

// bodyOfTitle returns where the body's name starts in a chunk that is a
// title, "of", perhaps "the", and a body's name ("Chair of the Judiciary
// Committee", "Director-General of the World Health Organization"), or
// first when the chunk is no such thing.
func (r *Recognizer) bodyOfTitle(toks []nlp.Token, first, last int) int {
	_, stop, ok := r.lex.Titles.At(toks, first, last)
	if !ok || stop+1 >= last || toks[stop].Norm != "of" {
		return first
	}
	k := stop + 1
	if toks[k].Norm == "the" {
		k++
	}
	if k+1 < last && (r.orgWordEnding(toks, k, last) || r.orgWordBeforeOf(toks, k, last)) || k < last && r.orgName(toks, k, last) {
		return k
	}
	return first
}

// onlyRole reports whether tokens [first, last) are a title or a role word
// and nothing else ("President", "Chief Justice", "Republicans"), and no
// listed place or organization; and whether the word is a plural.
func (r *Recognizer) onlyRole(toks []nlp.Token, first, last int) (role, plural bool) {
	_, end, ok := r.lex.Roles.At(toks, first, last)
	if !ok || end != last || r.orgName(toks, first, last) {
		return false, false
	}
	if _, place := r.gaz.Place(spanText2(toks, first, last)); place {
		return false, false
	}
	return true, strings.HasSuffix(toks[last-1].Text, "s")
}

// titled returns the candidate [first, c.last) with the title before it,
// which makes it a person, as does any word cut from before it.
func (r *Recognizer) titled(doc *nlp.Doc, c chunk, first, titleEnd int) candidate {
	cand := candidate{first: first, last: c.last}
	if !c.caps {
		cand.title = r.titleText(doc, c.first, titleEnd)
	}
	if cand.title != "" || first > c.first {
		cand.add(Person, 3)
		if e, _, ok := r.lex.Titles.Ending(doc.Tokens, titleEnd, c.first); ok {
			cand.gender = e.Gender
		}
	}
	return cand
}

// leadingPart cuts from the name [first, last) the words before a person's
// name that are no part of it, and returns what they name and where the
// name starts: a nationality ("American Nate Miller"), a party
// ("Republican Donald Trump"), a body ("Refugee Council Enver Solomon") or
// a description ("Fullback Andre Joubert").
func (r *Recognizer) leadingPart(doc *nlp.Doc, first, last int) ([]candidate, int) {
	toks := doc.Tokens
	switch {
	case first+1 < last && r.leadingDemonym(toks, first, last):
		d := candidate{first: first, last: first + 1}
		r.nameEvidence(doc, &d)
		return []candidate{d}, first + 1
	case first+2 < last && partyWords[toks[first].Norm] && r.givenAt(toks, first+1):
		d := candidate{first: first, last: first + 1}
		d.add(NORP, 2)
		return []candidate{d}, first + 1
	}
	if k := r.bodyBeforeName(toks, first, last); k > 0 {
		d := candidate{first: first, last: k}
		r.nameEvidence(doc, &d)
		return []candidate{d}, k
	}
	return nil, r.skipDescription(toks, first, last)
}

// titleEnd returns the index just past the last title phrase inside the
// chunk that still leaves a name after it, or first when there is none. The
// chunk's own organization words win: "Justice Department" holds no title;
// so does a listed place.
func (r *Recognizer) titleEnd(toks []nlp.Token, first, last int) int {
	if r.orgWordEnding(toks, first, last) || r.orgName(toks, first, last) || r.orgWordBeforeOf(toks, first, last) {
		return first // "Society for General Systems Research"
	}
	if r.listedPlace(toks, first, last) {
		return first // "General Santos": a listed place holds no title
	}
	end := first
	for i := first; i < last-1; i++ {
		if _, stop, ok := r.lex.Titles.At(toks, i, last); ok && stop < last {
			end = max(end, stop)
		}
	}
	if end == last-1 && r.siteWord(toks, end, last) {
		return first // "Imam Mosque", "Queen Creek", "Admiral Blvd"
	}
	if end > first && r.bodyAfterCut(toks, end, last) {
		return first // "Major League Baseball": the title word opens a body's name
	}
	return end
}

// siteWord reports whether tokens [first, last) are only a word of places,
// facilities or events: "the Palace", "Avenue".
func (r *Recognizer) siteWord(toks []nlp.Token, first, last int) bool {
	for _, words := range []*lexicon.Phrases{&r.lex.Places, &r.lex.Facilities, &r.lex.Events} {
		if _, end, ok := words.At(toks, first, last); ok && end == last {
			return true
		}
	}
	return false
}

// facilityWord reports whether tokens [first, last) are only a word of
// buildings and streets ("the Palace", "Avenue"), which names nothing
// alone; a natural feature's word may ("the Gulf").
func (r *Recognizer) facilityWord(toks []nlp.Token, first, last int) bool {
	_, end, ok := r.lex.Facilities.At(toks, first, last)
	return ok && end == last && !r.listedPlace(toks, first, last)
}

// listedPlace reports whether tokens [first, last) are a place of the
// gazetteer: "St. Louis" holds no honorific, "General Santos" no title.
func (r *Recognizer) listedPlace(toks []nlp.Token, first, last int) bool {
	_, ok := r.gaz.Place(spanText2(toks, first, last))
	return ok
}

// titleText returns the title before a name: the chunk's title words with
// the lower-case title or modifier words just before the chunk.
func (r *Recognizer) titleText(doc *nlp.Doc, first, titleEnd int) string {
	toks := doc.Tokens
	start := first
	if _, s, ok := r.lex.Titles.Ending(toks, first, max(0, first-3)); ok && toks[s].Sent == toks[first].Sent {
		start = s
		titleEnd = max(titleEnd, first)
	}
	if titleEnd <= first && start == first {
		return ""
	}
	for start > 0 && titleModifiers[toks[start-1].Norm] && toks[start-1].Sent == toks[first].Sent {
		start--
	}
	if titleEnd <= start {
		return ""
	}
	return doc.Text[toks[start].Start:toks[titleEnd-1].End]
}

// titleParts returns the places, groups and organizations named inside a
// title: "Russian" in "Russian President", "White House" in "White House
// Press Secretary".
func (r *Recognizer) titleParts(doc *nlp.Doc, first, end int) []candidate {
	var out []candidate
	for i := first; i < end; {
		if _, stop, ok := r.lex.Titles.At(doc.Tokens, i, end); ok {
			i = stop
			continue
		}
		limit := i + 1
		for limit < end {
			if _, _, ok := r.lex.Titles.At(doc.Tokens, limit, end); ok {
				break
			}
			limit++
		}
		if cand, ok := r.knownName(doc, i, limit); ok {
			out = append(out, cand)
			i = cand.last
			continue
		}
		i++
	}
	return out
}

// knownName returns the longest name starting at token i, before end, that
// the gazetteer or the organization words know.
func (r *Recognizer) knownName(doc *nlp.Doc, i, end int) (candidate, bool) {
	for k := min(end, i+4); k > i; k-- {
		cand := candidate{first: i, last: k}
		r.nameEvidence(doc, &cand)
		if cand.place != "" || cand.evidence[Organization] >= 3 {
			return cand, true
		}
	}
	return candidate{}, false
}

// allCommonWords reports whether every word of the name is a common
// English word.
func (r *Recognizer) allCommonWords(toks []nlp.Token, first, last int) bool {
	for k := first; k < last; k++ {
		if !nameParticles[toks[k].Norm] && !r.gaz.CommonWord(toks[k].Text) {
			return false
		}
	}
	return true
}

// leadingDemonym reports whether the name [first, last) opens with a
// nationality and goes on with a person's name: "American Nate Miller",
// not with the rest of a place's or an organization's name.
func (r *Recognizer) leadingDemonym(toks []nlp.Token, first, last int) bool {
	if _, ok := r.gaz.Demonym(toks[first].Text); !ok {
		return false
	}
	if _, ok := r.gaz.Place(spanText2(toks, first, last)); ok || r.orgWordEnding(toks, first, last) || r.bodyAfterCut(toks, first+1, last) {
		return false // "Western Australia", "Western Isles Council", "American College of Pediatricians"
	}
	_, given := r.gaz.GivenName(toks[first+1].Text)
	if _, end, title := r.lex.Titles.At(toks, first+1, last); given || title && end == last {
		return true // "American Nate Miller"; "Polish Foreign Minister" names no one
	}
	// "American Revolutionary War", "British National Corpus" go on with
	// no person's name
	return last-first >= 3 && !r.siteWordAfter(toks, first+1, last) && !r.commonEnd(toks, first+1, last)
}

// skipDescription returns the start of a person's name after capitalized
// common words that describe the person ("Fullback Andre Joubert", "Former
// Wallaby Tim Horan", "Major-General Nikolai Sherbatov"): first, unless
// such words run up to a given name followed by another name word.
func (r *Recognizer) skipDescription(toks []nlp.Token, first, last int) int {
	if r.orgWordEnding(toks, first, last) || r.siteWordAfter(toks, first, last) {
		return first // "Fort Lee Historic Park"
	}
	if w := toks[last-1].Text; r.gaz.CommonWord(strings.ToLower(w)) && !r.gaz.Surname(w) {
		return first // "Black Robin Freighters" ends as no person's name does
	}
	k := first
	for k < last-2 && r.describes(toks, k) {
		k++
	}
	if k > first && r.givenAt(toks, k) {
		return k
	}
	return first
}

// siteWordAfter reports whether the name [first, last) ends with a word of
// places, facilities or events after other words.
func (r *Recognizer) siteWordAfter(toks []nlp.Token, first, last int) bool {
	for _, words := range []*lexicon.Phrases{&r.lex.Places, &r.lex.Facilities, &r.lex.Events} {
		if _, s, ok := words.Ending(toks, last, first); ok && s > first {
			return true
		}
	}
	return false
}

// describes reports whether capitalized token i is a common word, a title
// modifier, a hyphenated title or, opening a sentence, another word that is
// no listed surname, which may stand before a name, and no given name,
// particle, place or organization word.
func (r *Recognizer) describes(toks []nlp.Token, i int) bool {
	t := toks[i]
	if _, given := r.gaz.GivenName(t.Text); given || r.isOrgWord(t.Norm) || nameParticles[t.Norm] || placePrefixes[t.Norm] || compassWords[t.Norm] {
		return false
	}
	if _, place := r.gaz.Place(t.Text); place {
		return false
	}
	if titleModifiers[t.Norm] || r.gaz.CommonWord(strings.ToLower(t.Text)) {
		return true
	}
	if a, b, ok := strings.Cut(t.Norm, "-"); ok {
		_, titleA := r.lex.Titles.Has(a)
		_, titleB := r.lex.Titles.Has(b)
		return titleA || titleB || a == "ex" // "Major-General", "Ex-Yankee"
	}
	// "Fullback Andre Joubert" opening a sentence: no one's name
	return (i == 0 || toks[i-1].Sent != t.Sent) && letters(t.Text) && !allCaps(t.Text) && !r.gaz.Surname(t.Text)
}

// partyWords name a party's member or a stance before a person's name.
var partyWords = map[string]bool{
	"republican": true, "democrat": true, "democratic": true, "conservative": true, "labour": true,
	"liberal": true, "socialist": true, "nonpartisan": true, "independent": true, "libertarian": true,
	"tory": true, "gop": true,
}

// givenAt reports whether token i is a given name with a capitalized word
// after it.
func (r *Recognizer) givenAt(toks []nlp.Token, i int) bool {
	_, ok := r.gaz.GivenName(toks[i].Text)
	return ok && i+1 < len(toks) && nlp.Capitalized(toks[i+1].Text)
}

// bodyBeforeName returns the end of an organization's name that opens the
// chunk [first, last) and is followed by a person's given name and one or
// two more words ("Refugee Council Enver Solomon"), or 0.
func (r *Recognizer) bodyBeforeName(toks []nlp.Token, first, last int) int {
	for k := first + 1; k+1 < last && k+3 >= last; k++ {
		if r.orgWordEnding(toks, first, k) && r.givenAt(toks, k) {
			return k
		}
	}
	return 0
}

// holdsDemonym reports whether a word of the name names a nationality.
func (r *Recognizer) holdsDemonym(toks []nlp.Token, first, last int) bool {
	if _, given := r.gaz.GivenName(toks[first].Text); given {
		return false
	}
	for k := first; k < last; k++ {
		if _, ok := r.gaz.Demonym(toks[k].Text); ok {
			return true
		}
	}
	return false
}

func (r *Recognizer) isRole(norm string) bool {
	_, ok := r.lex.Roles.Has(norm)
	return ok
}

// teamPlural reports whether a capitalized plural may name a team or a
// band: after "the", or of several words, or a word that is no common
// noun ("the Cubs", "Kansas City Royals"; not "Objectives" or "Engineers"
// heading a section).
func (r *Recognizer) teamPlural(toks []nlp.Token, c *candidate) bool {
	if c.last-c.first > 1 || c.first > 0 && toks[c.first-1].Norm == "the" {
		return true
	}
	return !r.gaz.CommonWord(strings.ToLower(toks[c.first].Text))
}

// pluralName reports whether token i is a capitalized plural inside a
// sentence: "the Cardinals", "the Cubs".
func pluralName(toks []nlp.Token, i int) bool {
	t := toks[i]
	return (t.Tag == "NNPS" || t.Tag == "NNS") && strings.HasSuffix(t.Text, "s") && !allCaps(t.Text) &&
		i > 0 && toks[i-1].Sent == t.Sent
}

// contextEvidence weighs the words around a name: ", who" follows a person;
// a role word after it ("Ericsson spokesman", "Magna shares") marks a
// company or body.
func (r *Recognizer) contextEvidence(toks []nlp.Token, c *candidate) {
	if c.last+1 < len(toks) && toks[c.last].Norm == "," && toks[c.last+1].Norm == "who" {
		c.add(Person, 2.5)
	}
	norp := strings.HasPrefix(c.place, "norp:") // "Belgian coach", "a British newspaper"
	if c.last < len(toks) && bodyFollowers[toks[c.last].Norm] && c.evidence[Person] < 3 && !norp {
		c.add(Organization, 2)
	}
	if c.last < len(toks) && teamFollowers[toks[c.last].Norm] && c.evidence[Person] < 3 && !norp && !country(c.place) {
		c.add(Organization, 2.5) // "Surrey captain"; "England captain" is a country's side
	}
	if c.first > 0 && bodyLeaders[toks[c.first-1].Norm] && c.evidence[Person] < 3 && !norp {
		c.add(Organization, 2) // "division team Deportivo Coruna", "the newspaper Zycie Warszawy"
	}
	if c.last-c.first == 1 && c.last < len(toks) && saidWords[toks[c.last].Norm] && c.place == "" {
		c.add(personGuess, 1.5) // "Edwards said"
	}
	if c.evidence[Person] < 3 && (companyAfter(toks, c) || c.first > 1 && toks[c.first-1].Norm == "of" && companyBefore[toks[c.first-2].Norm]) {
		c.add(Organization, 2)
	}
	if c.evidence[Person] < 2 && (placeNounBefore(toks, c.first) || r.placeAfterComma(toks, c.last) && !acronymInside(toks, c)) {
		c.add(GPE, 2) // "the village of Layron", "KHASAVYURT, Russia", "Austin, Texas"
	}
	switch r.appositive(toks, c.last) {
	case Organization:
		if c.evidence[Person] < 3 {
			c.add(Organization, 2) // "Quantcast, a web analytics company"
		}
	case Person:
		c.add(Person, 1) // "Hugh Hill, a doctor at the clinic"
	}
	switch pronounAfterSaid(toks, c.last) {
	case "it", "its":
		c.add(Organization, 2) // "Quorvane said it would pay"
	case "he", "she", "his", "her":
		c.add(Person, 1) // "Marsh said she"
	}
}

// acronymInside reports whether the name is one acronym inside a sentence:
// before ", France" that is an institution ("Lattice Lab, CNRS, France"); a
// dateline in capitals opens its line ("KHASAVYURT, Russia").
func acronymInside(toks []nlp.Token, c *candidate) bool {
	return c.last-c.first == 1 && isAcronym(toks[c.first].Text) && c.first > 0 && toks[c.first-1].Sent == toks[c.first].Sent
}

// placeNounBefore reports whether "of" and a word for a settlement or a
// direction stand before token i: "the town of Bistrita", "east of
// Tavildara".
func placeNounBefore(toks []nlp.Token, i int) bool {
	return i > 1 && toks[i-1].Norm == "of" && placeNouns[toks[i-2].Norm]
}

var placeNouns = map[string]bool{
	"town": true, "village": true, "city": true, "region": true, "province": true, "district": true,
	"county": true, "state": true, "island": true, "suburb": true, "capital": true, "municipality": true,
	"hamlet": true, "port": true, "outskirts": true, "north": true, "south": true, "east": true, "west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "kingdom": true,
}

// placeAfterComma reports whether a listed country or state, or a US state
// abbreviation, follows the name after a comma and ends the phrase:
// "KHASAVYURT, Russia 1996-08-31", "St. Petersburg, Fla.", "Austin, Texas".
func (r *Recognizer) placeAfterComma(toks []nlp.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Norm != "," {
		return false
	}
	w := toks[k+1]
	if usStates[strings.TrimSuffix(w.Norm, ".")] && nlp.Capitalized(w.Text) {
		return true
	}
	p, ok := r.gaz.Place(w.Text)
	if !ok || p.Type != GPE || k+2 >= len(toks) || toks[k+2].Sent != w.Sent {
		return ok && p.Type == GPE
	}
	next := toks[k+2] // not "Automakers, U.S. agency", "Smith, Texas Governor"
	return !nlp.Capitalized(next.Text) && !strings.HasPrefix(next.Tag, "NN") && !strings.HasPrefix(next.Tag, "JJ") || next.Norm == "." || plainNumber(next.Text[:1])
}

// stateAfterPlace reports whether the one-word name is a US state's
// abbreviation after a place and a comma: "St. Petersburg, Fla.".
func stateAfterPlace(toks []nlp.Token, c *candidate) bool {
	return c.last-c.first == 1 && c.first > 1 && toks[c.first-1].Norm == "," &&
		nlp.Capitalized(toks[c.first-2].Text) && usStates[strings.TrimSuffix(toks[c.first].Norm, ".")]
}

// usStates are the AP abbreviations of US states, without their periods.
var usStates = map[string]bool{
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "fla": true,
	"ga": true, "ill": true, "ind": true, "kan": true, "ky": true, "la": true, "md": true, "mass": true,
	"mich": true, "minn": true, "miss": true, "mo": true, "mont": true, "neb": true, "nev": true,
	"n.h": true, "n.j": true, "n.m": true, "n.y": true, "n.c": true, "n.d": true, "okla": true, "ore": true,
	"pa": true, "r.i": true, "s.c": true, "s.d": true, "tenn": true, "tex": true, "vt": true, "va": true,
	"wash": true, "w.va": true, "wis": true, "wyo": true, "d.c": true, "del": true,
}

// appositive returns the type that an appositive after the name gives it:
// ", the/a/an", up to four words and a role noun. A body's noun ("company",
// "newspaper", "agency", "group") makes it an organization, a person's
// noun ("doctor", "spokesman", "mother") a person; anything else, "".
func (r *Recognizer) appositive(toks []nlp.Token, k int) string {
	if k+2 >= len(toks) || toks[k].Norm != "," {
		return ""
	}
	if d := toks[k+1].Norm; d != "the" && d != "a" && d != "an" {
		return ""
	}
	typ := ""
	for j := k + 2; j < min(len(toks), k+7) && toks[j].Sent == toks[k].Sent; j++ {
		w := toks[j].Norm
		if w == "," || w == "." || w == "of" || w == "who" || w == "which" || w == "that" {
			break
		}
		e, ok := r.lex.Roles.Has(w)
		switch {
		case !ok || nlp.Capitalized(toks[j].Text):
			continue
		case j+1 < len(toks) && nlp.Capitalized(toks[j+1].Text):
			return "" // "..., the pressure group Human Rights in China said"
		case e.Rule == "bodies":
			typ = Organization
		case e.Rule == "groups":
			typ = ""
		default:
			typ = Person // the last role word heads the phrase: "a former army secretary"
		}
	}
	return typ
}

// companyAfter reports whether the name owns what a company has: "Quorvane's
// chief executive", "Jones's shares", or is followed by "stock" or ", based in".
func companyAfter(toks []nlp.Token, c *candidate) bool {
	k := c.last
	if k+1 < len(toks) && (toks[k].Norm == "'s" || toks[k].Norm == "'") {
		w := toks[k+1].Norm
		return bodyFollowers[w] && w != "coach" && w != "manager" || companyNouns[w]
	}
	if k < len(toks) && companyNouns[toks[k].Norm] {
		return true
	}
	return k+2 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "based" && toks[k+2].Norm == "in"
}

// companyNouns are what a company has and a person or place has not.
var companyNouns = map[string]bool{
	"stock": true, "headquarters": true, "profit": true, "profits": true, "revenue": true,
	"revenues": true, "shareholders": true, "subsidiary": true, "subsidiaries": true, "stake": true,
	"earnings": true, "customers": true, "workforce": true, "website": true, "members": true,
	"membership": true, "subscribers": true, "readership": true,
}

// companyBefore are the words that, before "of" and a name, show it names
// a company: "shares of Quorvane", "a unit of Halvex".
var companyBefore = map[string]bool{
	"shares": true, "unit": true, "subsidiary": true, "division": true, "stock": true,
	"shareholders": true, "owner": true, "maker": true, "makers": true, "acquisition": true,
}

// pronounAfterSaid returns the subject pronoun of the clause a verb of
// saying right after the name opens ("said it would", "said on Friday that
// it"), or "".
func pronounAfterSaid(toks []nlp.Token, k int) string {
	if k >= len(toks) || !saidWords[toks[k].Norm] {
		return ""
	}
	for j := k + 1; j < min(len(toks), k+6) && toks[j].Sent == toks[k].Sent; j++ {
		switch w := toks[j].Norm; w {
		case "it", "its", "he", "she", "his", "her":
			return w
		case ",", ".", "and", "but", "the", "a", "an":
			return ""
		}
	}
	return ""
}

// label reports whether the name is one common word numbered in prose:
// "Figure 1", "Wave 4", "Goal No. 4", not a team in a results line.
func (r *Recognizer) label(doc *nlp.Doc, c *candidate) bool {
	toks := doc.Tokens
	if c.last-c.first != 1 || c.last >= len(toks) || !r.gaz.CommonWord(strings.ToLower(toks[c.first].Text)) {
		return false
	}
	next := toks[c.last].Text
	return (plainNumber(next) || next == "No." || next == "No") && !r.scoreFollows(doc, c)
}

// bodyLeaders are words that, right before a name, show it names a body.
var bodyLeaders = map[string]bool{
	"team": true, "club": true, "side": true, "company": true, "firm": true, "group": true,
	"newspaper": true, "daily": true, "weekly": true, "agency": true, "bank": true, "carrier": true,
	"airline": true, "insurer": true, "broker": true, "brokerage": true, "retailer": true, "maker": true,
	"party": true, "union": true, "magazine": true, "network": true, "chain": true,
	"giant": true, "publisher": true, "broadcaster": true, "startup": true, "conglomerate": true,
	"automaker": true, "carmaker": true, "manufacturer": true, "provider": true, "supplier": true,
	"distributor": true, "label": true, "studio": true, "outlet": true, "tabloid": true,
	"charity": true, "nonprofit": true, "organization": true, "organisation": true, "website": true,
}

// saidWords are verbs of saying that, right after a lone name, show it names
// a person more often than anything else.
var saidWords = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true, "explained": true}

// teamFollowers are words that, right after a name, show a sports side:
// "Surrey captain Chris Lewis", "Karlsruhe defender".
var teamFollowers = map[string]bool{
	"captain": true, "skipper": true, "batsman": true, "bowler": true, "wicketkeeper": true,
	"squad": true, "defender": true, "winger": true, "keeper": true,
	"opener": true, "all-rounder": true, "fly-half": true, "scrum-half": true, "lock": true, "prop": true,
}

// country reports whether a place key is a country's.
func country(place string) bool {
	return strings.HasPrefix(place, "place:") && len(place) == len("place:")+2
}

// bodyFollowers are words that, right after a name, show it names a company
// or a body: Ericsson spokesman, Magna shares, Shell officials.
var bodyFollowers = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "shares": true, "news": true,
	"newspaper": true, "agency": true, "daily": true,
	"officials": true, "executives": true, "executive": true, "chairman": true, "chief": true,
	"shareholders": true, "subsidiary": true, "unit": true, "board": true, "employees": true,
	"playmaker": true, "striker": true, "midfielder": true, "goalkeeper": true, "coach": true,
	"manager": true, "shortstop": true, "pitcher": true, "outfielder": true, "quarterback": true,
	"reporter": true, "reporters": true, "correspondent": true, "correspondents": true,
	"journalists": true, "staffers": true, "editors": true, "magazine": true, "journals": true,
	"publications": true, "brand": true, "stores": true, "franchise": true,
}

// sportsVerbNear reports whether the name is the subject or object of a
// verb of winning or losing: "Leicestershire beat Somerset".
func (r *Recognizer) sportsVerbNear(toks []nlp.Token, c *candidate) bool {
	if c.last < len(toks) && (sportsVerbs[toks[c.last].Norm] || toks[c.last].Text == "AT") {
		return true
	}
	return c.first > 0 && (sportsVerbs[toks[c.first-1].Norm] || toks[c.first-1].Text == "AT")
}

var sportsVerbs = map[string]bool{
	"beat": true, "beats": true, "defeated": true, "defeats": true, "drew": true, "draw": true,
	"thrashed": true, "routed": true, "edged": true, "blanked": true, "outscored": true, "downed": true,
	"crushed": true, "trounced": true, "tied": true, "v": true, "vs": true, "vs.": true, "versus": true,
}

// scoreFollows reports whether a plain number follows the name in a line
// of numbers with few words in lower case, as in results tables: "Atlanta
// 6 Chicago 5", "Somerset 83 and 174".
func (r *Recognizer) scoreFollows(doc *nlp.Doc, c *candidate) bool {
	toks := doc.Tokens
	if c.last >= len(toks) || !plainNumber(toks[c.last].Text) {
		return false
	}
	s := doc.Sentences[toks[c.first].Sent]
	if c.first > s.First && letters(toks[c.first-1].Text) && !nlp.Capitalized(toks[c.first-1].Text) {
		return false // "under Factor 4", "a Factor 1 issue": prose; a results line has no words before a side
	}
	numbers, words := 0, 0
	for k := s.First; k < s.Last; k++ {
		if plainNumber(toks[k].Text) {
			numbers++
		} else if t := toks[k]; letters(t.Text) && !nlp.Capitalized(t.Text) && !nlp.FunctionWord(t.Norm) {
			words++
		}
	}
	// a results line holds names and numbers; "Figure 4 shows that the
	// Factor 2 scores rose" is prose
	return numbers >= 2 && words*4 <= s.Last-s.First
}

// teamEvidence weighs a name in a results line: a city, county or region
// there is a team; a country stays a country (national teams are named
// after it).
func (r *Recognizer) teamEvidence(c *candidate) {
	if strings.HasPrefix(c.place, "place:") && len(c.place) == len("place:")+2 {
		return
	}
	if c.evidence[Person] < 2 {
		c.add(Organization, 5) // one results line makes the name a team throughout
	}
}

func plainNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isInitial reports whether w is an initial: "P.", "J.R.", not "St.".
// afterNumber reports whether a plain number stands right before token i:
// capitals there are an era or a unit ("400 BCE", "3 RBI"), not a body.
func afterNumber(toks []nlp.Token, i int) bool {
	return i > 0 && toks[i-1].Sent == toks[i].Sent && plainNumber(toks[i-1].Text)
}

func isInitial(w string) bool {
	r := []rune(w)
	return len(r) >= 2 && unicode.IsUpper(r[0]) && r[len(r)-1] == '.' && len(r) <= 4 && allCaps(w)
}

func spanText2(toks []nlp.Token, first, last int) string {
	var b strings.Builder
	for k := first; k < last; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// orgName reports whether tokens [first, last) are a known organization's name.
func (r *Recognizer) orgName(toks []nlp.Token, first, last int) bool {
	_, end, ok := r.lex.OrgNames.At(toks, first, last)
	return ok && end == last
}

// orgWordEnding reports whether the name [first, last) ends with an
// organization word that has other words before it ("Labour Party"), or is
// an organization phrase of several words ("Federal Reserve").
func (r *Recognizer) orgWordEnding(toks []nlp.Token, first, last int) bool {
	e, s, ok := r.lex.Organizations.Ending(toks, last, first)
	return ok && (s > first || len(e.Words) > 1)
}

// orgWordBeforeOf reports whether an organization word stands before "of",
// "for" or such a word of another language in the name: "Bank of America",
// "Halden Museum of Art", "Society for General Systems Research",
// "Conservatoire de Lyon".
func (r *Recognizer) orgWordBeforeOf(toks []nlp.Token, first, last int) bool {
	for k := first; k+1 < last; k++ {
		if ofWords[toks[k+1].Norm] && r.isOrgWord(toks[k].Norm) {
			return true
		}
	}
	return false
}

// bodyAfterCut reports whether the rest [k, last) of a name, after a word
// that could be cut from before a person's name, is a body's name: it holds
// an organization word and opens with no given name ("League Baseball",
// "College of Pediatricians").
func (r *Recognizer) bodyAfterCut(toks []nlp.Token, k, last int) bool {
	if k+1 >= last || r.givenAt(toks, k) {
		return false
	}
	for i := k; i < last; i++ {
		if r.isOrgWord(toks[i].Norm) {
			return true
		}
	}
	return false
}

// ofWords join an organization word to what it is of or for, in English
// and in the languages whose organization words the rules list: "Bank of
// America", "Conservatoire de Paris", "Universidade da Coruña".
var ofWords = map[string]bool{
	"of": true, "for": true, "de": true, "da": true, "du": true, "des": true,
	"di": true, "del": true, "della": true, "der": true,
}

// schoolWordInside reports whether a word of the name [first, last), or
// that word's singular, is a word of schools, universities, libraries or
// hospitals: "Vrije Universiteit Amsterdam", "Leiden University
// Libraries", "Academia Sinica"; its first word counts only when the name
// ends with no place or facility word. Other organization words count only
// at the ends of a name.
func (r *Recognizer) schoolWordInside(toks []nlp.Token, first, last int) bool {
	start := first + 1
	if !r.siteWordAfter(toks, first, last) {
		start = first // "Academia Sinica"; but "College Avenue" is a street
	}
	for i := start; i < last; i++ {
		for _, w := range []string{toks[i].Norm, singular(toks[i].Norm)} {
			if e, ok := r.lex.Organizations.Has(w); ok && e.Rule == "education-health" {
				return true
			}
		}
	}
	return false
}

// singular returns a plural word's singular by its spelling: "libraries"
// gives "library", "schools" "school"; other words come back as they are.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return strings.TrimSuffix(w, "s")
	}
	return w
}

func (r *Recognizer) isOrgWord(norm string) bool {
	_, ok := r.lex.Organizations.Has(norm)
	return ok
}

// nameEvidence weighs what the name's own words say about its type.
func (r *Recognizer) nameEvidence(doc *nlp.Doc, c *candidate) {
	toks := doc.Tokens
	name := spanText(doc, c.first, c.last)
	r.orgEvidence(toks, c, name)
	r.placeEvidence(toks, c, name)
	r.oneWordEvidence(doc, c, name)
	r.listEvidence(toks, c, name)
	n := c.last - c.first
	if pluralName(toks, c.last-1) && c.place == "" && !r.isRole(toks[c.last-1].Norm) && !r.holdsDemonym(toks, c.first, c.last) && r.teamPlural(toks, c) {
		c.add(Organization, 1.5+float64(min(n-1, 1))) // the Yankees, the Kansas City Royals
	}
	r.contextEvidence(toks, c)
	if c.first > 0 && placePrepositions[toks[c.first-1].Norm] {
		c.add(GPE, 0.5)
	}
	r.groupOrPersonEvidence(toks, c)
	// last, on all the evidence so far, which may make it a person's name:
	// in a results line or near a sports verb, a name is a team's
	if r.scoreFollows(doc, c) || r.sportsVerbNear(toks, c) {
		r.teamEvidence(c)
	}
}

// orgEvidence weighs what the shape of the name says of an organization:
// a listed organization's name, an organization word at its end or before
// "of", one after "the", an ampersand, a school's word inside it.
func (r *Recognizer) orgEvidence(toks []nlp.Token, c *candidate, name string) {
	n := c.last - c.first
	switch {
	case r.orgName(toks, c.first, c.last):
		c.add(Organization, 3)
	case n >= 2 && r.orgWordEnding(toks, c.first, c.last):
		c.add(Organization, 3)
	case n > 2 && r.orgWordBeforeOf(toks, c.first, c.last):
		c.add(Organization, 3)
	case n >= 2 && c.first > 0 && toks[c.first-1].Norm == "the" && r.isOrgWord(toks[c.first].Norm):
		c.add(Organization, 3) // "runs the Café Lumière"
	case n >= 3 && strings.Contains(name, " & "):
		c.add(Organization, 3) // "Douglas & Lomason", "Standard & Poor"
	case n >= 2 && r.schoolWordInside(toks, c.first, c.last):
		c.add(Organization, 2.5) // "Vrije Universiteit Amsterdam", "Leiden University Libraries"
	}
}

// oneWordEvidence weighs what the spelling of a name of one word says of
// an organization: an acronym that is no term, outside a sentence in
// capitals and after no number; a word in camel case.
func (r *Recognizer) oneWordEvidence(doc *nlp.Doc, c *candidate, name string) {
	toks := doc.Tokens
	n := c.last - c.first
	if n == 1 && r.acronymName(toks[c.first].Text) && !r.term(name) && !shouting(doc.Sentences[toks[c.first].Sent], toks) && !afterNumber(toks, c.first) {
		c.add(Organization, 1)
	}
	if n == 1 && camelCase(toks[c.first].Text) {
		c.add(Organization, 2) // NationsBank, PepsiCo
	}
}

// groupOrPersonEvidence weighs, when no head word has decided the type,
// whether the name is a nationality's or a faith's adjective or a
// person's name.
func (r *Recognizer) groupOrPersonEvidence(toks []nlp.Token, c *candidate) {
	n := c.last - c.first
	if c.evidence[Organization] >= 3 || c.evidence[Location] >= 3.5 || c.evidence[Facility] >= 3.5 || c.evidence[Event] >= 3.5 {
		return // "Brent Junction", "Valley Symphony Orchestra": the head word decides
	}
	if n >= 2 && r.holdsDemonym(toks, c.first, c.last) && c.place == "" {
		c.add(NORP, 2.5) // "West Indian", "Italian Roman Catholic": adjectives, not people
		return
	}
	if faithName(toks, c.first, c.last) {
		c.add(NORP, 3) // "a Christian family", "a lifelong Roman Catholic"
		return
	}
	r.personEvidence(toks, c)
}

// faiths name the members of a religion or a church.
var faiths = map[string]bool{
	"christian": true, "christians": true, "catholic": true, "catholics": true, "protestant": true,
	"protestants": true, "muslim": true, "muslims": true, "jewish": true, "hindu": true, "hindus": true,
	"buddhist": true, "buddhists": true, "sikh": true, "sikhs": true, "baptist": true, "baptists": true,
	"methodist": true, "methodists": true, "lutheran": true, "lutherans": true, "anglican": true,
	"anglicans": true, "presbyterian": true, "evangelical": true, "evangelicals": true, "mormon": true,
	"mormons": true, "orthodox": true, "roman": true,
}

// faithName reports whether the name [first, last) is only words of faiths:
// "Christian", "Roman Catholic"; not "Christian Bale".
func faithName(toks []nlp.Token, first, last int) bool {
	for k := first; k < last; k++ {
		if !faiths[toks[k].Norm] {
			return false
		}
	}
	return last-first > 1 || toks[first].Norm != "roman"
}

// personEvidence weighs what the words of a name of two words or more say
// of a person: an initial, a saint, a given name; its shape alone is a
// guess.
func (r *Recognizer) personEvidence(toks []nlp.Token, c *candidate) {
	n := c.last - c.first
	if n >= 2 && (isInitial(toks[c.first].Text) || saints[toks[c.first].Norm] && c.place == "" && !r.placeLed(toks, c.first, c.last)) {
		c.add(Person, 2) // "P. Simmons", "St. Theodorus"; but the listed place "St. Louis", its "St. Louis Cardinals"
	}
	if g, ok := r.gaz.GivenName(toks[c.first].Text); ok && n >= 2 && c.place == "" && !r.placeLed(toks, c.first, c.last) {
		c.add(Person, 2)
		if c.gender == "" {
			c.gender = g
		}
	}
	if n >= 2 && n <= 4 && allTitleCase(toks[c.first:c.last]) && !r.allCommonWords(toks, c.first, c.last) && !r.commonEnd(toks, c.first, c.last) {
		c.add(personGuess, 1) // "Zycie Warszawy" may be anything; "Human Rights" is no one
	}
}

// commonEnd reports whether the name [first, last) ends with a common word
// that is no listed surname, as no person's name does: "Heaven Sent
// Gaming", "Barstool Sports", "Hindu Marriage Act", and holds no given
// name. Its shape alone then makes no person; a title still does.
func (r *Recognizer) commonEnd(toks []nlp.Token, first, last int) bool {
	w := toks[last-1].Text
	if !r.gaz.CommonWord(strings.ToLower(w)) || r.gaz.Surname(w) {
		return false
	}
	for k := first; k < last-1; k++ {
		if _, given := r.gaz.GivenName(toks[k].Text); given {
			return false // "Reeve Tom Abbot", "Alderwoman Jo Park"
		}
	}
	return true
}

// placeEvidence weighs what the name says of a place: a place, facility
// or event word at its end, the gazetteer's places and nationalities, and
// the shapes of places' and home-named teams' names.
func (r *Recognizer) placeEvidence(toks []nlp.Token, c *candidate, name string) {
	for _, kind := range []struct {
		words *lexicon.Phrases
		typ   string
	}{{&r.lex.Places, Location}, {&r.lex.Facilities, Facility}, {&r.lex.Events, Event}} {
		if _, s, ok := kind.words.Ending(toks, c.last, c.first); ok && s > c.first {
			// "on Keller Street", "the Hudson River"; but "Hugh Hill, a doctor"
			if c.first > 0 && placeLeads[toks[c.first-1].Norm] {
				c.add(kind.typ, 3.5)
			} else {
				c.add(kind.typ, 1.5)
			}
		}
	}
	n := c.last - c.first
	if p, ok := r.gaz.Place(name); ok {
		c.add(p.Type, 2)
		c.place = placeKey(r, p)
	} else if stateAfterPlace(toks, c) {
		c.add(GPE, 3)
	} else if n >= 2 && adminWords[toks[c.last-1].Norm] {
		c.add(GPE, 2) // "Larch County", "Isfahan Province"
	} else if r.placeLed(toks, c.first, c.last) {
		c.add(Organization, 2) // "Chicago White Sox", "Bristol City", "Kansai Electric Power"
	} else if r.placeShape(toks, c.first, c.last) {
		c.add(GPE, 3) // "Port Hutt", "Southern California"
	} else if country, ok := r.gaz.Demonym(name); ok {
		c.add(NORP, 2)
		c.place = "norp:" + strings.ToLower(firstNonEmpty(country, name))
	}
}

// listEvidence weighs what WordNet's proper names, the company names and
// the surname list say of the name: "Hezbollah" is an organization, "Gaul"
// a place, "Airbnb" a company, "Kessler" a person. A name WordNet gives
// several types supports each a little.
func (r *Recognizer) listEvidence(toks []nlp.Token, c *candidate, name string) {
	if strings.HasPrefix(c.place, "norp:") {
		return // "Canadian" is a nationality, not WordNet's river
	}
	if types, ok := r.gaz.WordNet(name); ok {
		k := strings.Count(types, ",") + 1
		for typ := range strings.SplitSeq(types, ",") {
			if typ == Facility && c.evidence[Organization] >= 3 || typ == wordnetTerm || typ == Person && c.place != "" {
				continue // "Harvard University" is the body, not WordNet's building; "France" no writer
			}
			c.add(typ, 2.5/float64(k))
		}
		return
	}
	if c.last-c.first == 1 && c.place == "" && r.gaz.Company(name) {
		c.add(Organization, 2.5) // "Airbnb", "Motorola"
		return
	}
	if c.last-c.first == 1 && c.place == "" && len(c.evidence) == 0 && !nounModifier(toks, c) && r.gaz.Surname(toks[c.first].Text) {
		c.add(personGuess, 1.5)
	}
}

// nounModifier reports whether the name stands between "the" and a
// lower-case noun, naming what the noun is about rather than someone: "the
// Marlow district", "the Hadley report".
func nounModifier(toks []nlp.Token, c *candidate) bool {
	return c.first > 0 && toks[c.first-1].Norm == "the" && c.last < len(toks) &&
		strings.HasPrefix(toks[c.last].Tag, "NN") && !nlp.Capitalized(toks[c.last].Text)
}

// adminWords end the names of administrative areas.
var adminWords = map[string]bool{
	"county": true, "province": true, "prefecture": true, "oblast": true, "township": true,
	"borough": true, "parish": true, "municipality": true, "district": true, "governorate": true,
}

// placeLed reports whether a name of two to four words opens with a listed
// place and goes on with words that are no place: a team or a company
// named after its home ("Boston Red Sox"). A place that is also a given
// name needs a common word after it ("Paris Hilton" is a person).
func (r *Recognizer) placeLed(toks []nlp.Token, first, last int) bool {
	if last-first < 2 || last-first > 4 {
		return false
	}
	if r.siteWordAfter(toks, first, last) {
		return false // "Tulsa International Airport" is the airport
	}
	_, given := r.gaz.GivenName(toks[first].Text)
	for k := min(first+3, last-1); k > first; k-- {
		if r.listedPlace(toks, first, k) {
			_, rest := r.gaz.Place(spanText2(toks, k, last))
			// a given name needs a common word after it, or a plural that is
			// no surname at the end: "Boston Red Sox", "Houston Astros", not
			// "Paris Hilton" or "Vladimir Makovsky"
			w := toks[last-1].Text
			team := strings.HasSuffix(w, "s") && !allCaps(w) && !r.gaz.Surname(w) && !r.gaz.CommonWord(strings.ToLower(w))
			return !rest && !compassWords[toks[first].Norm] && (!given || team || r.gaz.CommonWord(strings.ToLower(toks[k].Text)))
		}
	}
	return false
}

// placeShape reports whether a name of two words or more opens with a word
// that starts place names ("Port", "Fort", "San") or with a compass word
// before a listed place ("West Oakland", "Southern California").
func (r *Recognizer) placeShape(toks []nlp.Token, first, last int) bool {
	if last-first < 2 {
		return false
	}
	w := toks[first].Norm
	if placePrefixes[w] {
		return true
	}
	if !compassWords[w] {
		return false
	}
	_, ok := r.gaz.Place(spanText2(toks, first+1, last))
	return ok
}

var saints = map[string]bool{"st.": true, "saint": true, "ste.": true, "sainte": true}

// placePrefixes are words that open place names and seldom a person's.
var placePrefixes = map[string]bool{
	"port": true, "fort": true, "ft.": true,
	"san": true, "santa": true, "são": true, "sao": true, "puerto": true, "porto": true, "rio": true,
	"lake": true, "mount": true, "mt.": true, "cape": true, "isle": true, "ciudad": true, "sankt": true,
}

// compassWords open a region's name before a place: "Northern Ireland".
var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "upper": true, "lower": true, "greater": true,
	"new": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true,
}

// wordnetTerm is WordNet's type of an acronym that names a thing: "DNA",
// "TV", "IQ".
const wordnetTerm = "TERM"

// term reports whether WordNet knows the name only as an acronym of a
// thing.
func (r *Recognizer) term(name string) bool {
	types, _ := r.gaz.WordNet(name)
	return types == wordnetTerm
}

// placeLeads are the words before a name that make a place word in it mean
// a place ("on Keller Street") rather than a surname ("Hugh Hill").
var placeLeads = map[string]bool{
	"on": true, "in": true, "at": true, "near": true, "from": true, "to": true, "the": true, "across": true,
	"along": true, "over": true, "under": true, "through": true, "via": true, "off": true, "into": true,
	"onto": true, "toward": true, "towards": true, "past": true, "around": true, "beside": true, "behind": true,
}

var placePrepositions = map[string]bool{"in": true, "at": true, "near": true, "from": true, "across": true, "outside": true}

// placeKey is what two mentions of one place have in common: the country
// code for a country under any of its names, else the listed name.
func placeKey(r *Recognizer, p gazetteer.Place) string {
	if p.Country != "" && len(r.gaz.Aliases(p.Name)) > 0 {
		return "place:" + p.Country
	}
	return "place:" + p.Type + ":" + p.Name
}

// acronymName reports whether w is an acronym that may name an
// organization: not a word in capitals ("ERA"), a single letter or a time
// zone ("GMT").
func (r *Recognizer) acronymName(w string) bool {
	return isAcronym(w) && !r.gaz.CommonWord(w) && !timeZones[w]
}

var timeZones = map[string]bool{
	"GMT": true, "UTC": true, "EDT": true, "EST": true, "CDT": true, "CST": true, "MDT": true, "MST": true,
	"PDT": true, "PST": true, "BST": true, "CET": true, "CEST": true, "MSK": true, "JST": true, "IST": true,
}

// allCaps reports whether every letter of w is a capital.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// camelCase reports whether w has a capital after a small letter, as
// company names do: NationsBank, PepsiCo, FedEx.
func camelCase(w string) bool {
	prevLower := false
	for _, r := range w {
		if unicode.IsUpper(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// isAcronym reports whether w is written in capitals, such as NATO or U.N.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}

// allTitleCase reports whether every token is a capitalized word with lower
// case after its first letter, or an initial.
func allTitleCase(toks []nlp.Token) bool {
	for _, t := range toks {
		if nameParticles[t.Norm] {
			continue
		}
		if !nlp.Capitalized(t.Text) || len(t.Text) > 2 && allCaps(t.Text) {
			return false
		}
	}
	return true
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
