package quotes

import (
	"slices"
	"strings"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/nlp"
)

// phraseKind says what a speaker phrase is headed by.
type phraseKind uint8

const (
	kindName    phraseKind = iota + 1 // a name: Karoline Leavitt, the Kremlin
	kindPronoun                       // he, she, they
	kindRole                          // the spokesman, Kremlin officials
)

// phrase is a speaker noun phrase found next to a cue.
type phrase struct {
	first, last int // tokens of the whole phrase, last exclusive
	headFirst   int // tokens of the head: the name, pronoun or role noun
	headLast    int
	kind        phraseKind
	relative    int // token of a relative pronoun ("who") that stands for the head, 0 if none
}

var speakerPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// standIns are the words that stand for one of a group named before: “…,”
// one said. “…,” another said.
var standIns = map[string]bool{"one": true, "another": true}

// quantifiers are the words that pick some of a group: "most of them".
var quantifiers = map[string]bool{"most": true, "many": true, "some": true, "all": true, "few": true, "several": true, "none": true, "one": true, "two": true, "both": true, "each": true}

// groupWords are the quantifiers that stand for some of a group as the
// subject of a clause of their own: "most said", "But few believe". "all"
// is left out: it floats after its subject ("they all said") and opens
// phrases ("All told, ...").
var groupWords = map[string]bool{"most": true, "many": true, "some": true, "few": true, "several": true, "both": true, "each": true, "none": true}

// opensClause reports whether token t opens a clause: it starts its
// sentence, or follows a comma, a colon, a dash, a conjunction or a
// preposition that opens a clause ("with many worried that", "as some
// have speculated"), not a relative pronoun or a comparison ("what some
// call", "as much stimulus as many had hoped", "a panel that all agreed").
func opensClause(doc *nlp.Doc, t int) bool {
	toks := doc.Tokens
	first := doc.Sentences[toks[t].Sent].First
	if t == first {
		return true
	}
	prev := toks[t-1]
	switch {
	case prev.Norm == "," || prev.Norm == ";" || prev.Norm == ":" || dashes[prev.Norm] || prev.Tag == "CC" || spacedHyphen(toks, t-1):
		return true
	case prev.Norm == "as":
		return !slices.ContainsFunc(toks[max(first, t-5):t-1], func(w nlp.Token) bool { return w.Norm == "as" })
	case prev.Tag == "IN":
		return prev.Norm != "than" && prev.Norm != "that"
	}
	return false
}

// nounTags are the tags a speaker phrase's modifiers and head may carry.
var nounTags = map[string]bool{
	"NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "JJR": true, "JJS": true,
	"CD": true, "POS": true, "VBN": true,
}

// speakerLeft parses a speaker phrase that ends with token end-1 and starts
// at or after floor.
func (f *Finder) speakerLeft(doc *nlp.Doc, ents *entities.Result, end, floor int) (phrase, bool) {
	t := end - 1
	if t < floor {
		return phrase{}, false
	}
	if p, ok := headOnlyLeft(doc, t, end, floor); ok {
		return p, true
	}
	toks := doc.Tokens
	switch {
	case toks[t].Norm == "who" && t-2 >= floor && toks[t-1].Norm == ",":
		return f.relativeSpeakerLeft(doc, ents, t, end, floor)
	case toks[t].Norm == ")":
		return f.parenthesisLeft(doc, ents, t, floor)
	case toks[t].Norm == "," || dashes[toks[t].Norm]:
		return f.appositiveLeft(doc, ents, t, floor)
	case t-1 > floor && toks[t-1].Norm == "," && quoteMark(toks[t]):
		return f.titledAppositiveLeft(doc, ents, t, end, floor)
	case toks[t].Norm == "and" || toks[t].Norm == "but":
		return f.coordinateSpeakerLeft(doc, ents, t, end)
	}
	return f.nounSpeakerLeft(doc, ents, end, floor)
}

// headOnlyLeft returns the speaker phrase that is all head and ends with
// token t (end is t+1), at or after floor: a pronoun, a word that stands
// for one of a group, a quantifier that opens a clause, or a few words
// that pick some of a group ("most of them", "four in 10", "those
// surveyed"). ok is false when token t heads no such phrase.
func headOnlyLeft(doc *nlp.Doc, t, end, floor int) (phrase, bool) {
	toks := doc.Tokens
	switch {
	case speakerPronouns[toks[t].Norm]:
		return headPhrase(t, end, kindPronoun), true
	case (toks[t].Norm == "them" || toks[t].Norm == "us") && t-2 >= floor && toks[t-1].Norm == "of" && quantifiers[toks[t-2].Norm]:
		return headPhrase(t-2, end, kindRole), true // "most of them said"
	case standIns[toks[t].Norm] && (t == floor || !nounTags[toks[t-1].Tag]):
		return headPhrase(t, end, kindRole), true
	case groupWords[toks[t].Norm] && opensClause(doc, t):
		return headPhrase(t, end, kindRole), true // "most said"
	case toks[t].Tag == "CD" && t-2 >= floor && (toks[t-1].Norm == "in" || toks[t-1].Norm == "of") && toks[t-2].Tag == "CD":
		return headPhrase(t-2, end, kindRole), true // "four in 10 said"
	case toks[t].Tag == "VBN" && t-1 >= floor && toks[t-1].Norm == "those":
		return headPhrase(t-1, end, kindRole), true // "those surveyed said"
	}
	return phrase{}, false
}

// headPhrase returns the phrase of the given kind whose head is the whole
// of tokens [first, end).
func headPhrase(first, end int, kind phraseKind) phrase {
	return phrase{first: first, last: end, headFirst: first, headLast: end, kind: kind}
}

// relativeSpeakerLeft returns the speaker phrase that the relative pronoun
// at token t, after a comma, stands for, with the phrase running to end:
// "Weaver, who said ...". ok is false when no noun phrase at or after
// floor ends at the comma, or when a pronoun does.
func (f *Finder) relativeSpeakerLeft(doc *nlp.Doc, ents *entities.Result, t, end, floor int) (phrase, bool) {
	// "Weaver, who said ...": the relative pronoun speaks for the name before it
	p, ok := f.nounPhraseLeft(doc, ents, t-1, floor)
	if !ok || p.kind == kindPronoun {
		return phrase{}, false
	}
	p.relative, p.last = t, end
	return p, true
}

// titledAppositiveLeft returns the speaker before an appositive that ends
// with a title, the comma inside its marks, the closing mark at token t and
// the phrase running to end: "Hemsley, the co-author of “Going Viral,”
// said". ok is false when appositiveLeft finds none, or when a finite verb
// stands between the head and the mark.
func (f *Finder) titledAppositiveLeft(doc *nlp.Doc, ents *entities.Result, t, end, floor int) (phrase, bool) {
	p, ok := f.appositiveLeft(doc, ents, t-1, floor)
	p.last = end
	return p, ok && !finiteInside(doc.Tokens, p.headLast, t) // not "Trump went on to promote “The Apprentice,” said"
}

// coordinateSpeakerLeft returns the subject of the clause whose verb "and"
// or "but" at token t coordinates with the cue, the phrase running to end
// (or, after "This is why", the subject of the clause after "why"). ok is
// false when there is none, or when it follows a quotation mark and does
// not agree with the cue.
func (f *Finder) coordinateSpeakerLeft(doc *nlp.Doc, ents *entities.Result, t, end int) (phrase, bool) {
	toks := doc.Tokens
	p, ok := f.subjectOf(doc, ents, t, true)
	if ok && p.first > 0 && quoteMark(toks[p.first-1]) && !agrees(toks, p.last, end) {
		return phrase{}, false
	}
	if ok && p.last == p.first+1 && demonstratives[toks[p.first].Norm] {
		// "This is why Democrats point and cry": the clause after "why" speaks
		if q, found := f.subjectAfterWh(doc, ents, p.last, t); found {
			p = q
		}
	}
	p.last = end
	return p, ok
}

// nounSpeakerLeft returns the noun phrase that ends with token end-1 and
// starts at or after floor as a speaker: the head of a relative clause
// whose object the phrase is ("the man who hired Roe said"), the subject
// the phrase belongs with as the object of a preposition, or the phrase
// itself, with a name paired with it by "and". When no
// noun phrase ends there it returns what nounPhraseLeft returned and false.
func (f *Finder) nounSpeakerLeft(doc *nlp.Doc, ents *entities.Result, end, floor int) (phrase, bool) {
	toks := doc.Tokens
	p, ok := f.nounPhraseLeft(doc, ents, end, floor)
	if ok {
		if head, found := f.relativeHead(doc, ents, p.first, floor); found {
			head.last = end
			return head, true
		}
	}
	if !ok {
		return p, false
	}
	possessor := end < len(toks) && toks[end].Tag == "POS" // "a fact-check on Trump’s claim that ...": Trump claims
	if !possessor && p.first-1 >= floor && toks[p.first-1].Tag == "IN" && !subordinators[toks[p.first-1].Norm] {
		// the object of a preposition does not speak; the subject it
		// belongs with does: "Protesters marching through the streets chanted"
		if subj, found := f.subjectOf(doc, ents, end, false); found && subj.last < p.first {
			subj.last = end
			return subj, true
		}
	}
	return f.withPairedName(doc, ents, p, floor), true
}

// withPairedName extends a name phrase over the person named before it and
// "and", at or after floor, who speaks with it: "Lena Park and Tomas
// Reyes".
func (f *Finder) withPairedName(doc *nlp.Doc, ents *entities.Result, p phrase, floor int) phrase {
	if p.kind != kindName || p.first-2 < floor || doc.Tokens[p.first-1].Norm != "and" {
		return p
	}
	if other, found := f.nounPhraseLeft(doc, ents, p.first-1, floor); found && personAt(ents, other.headFirst) && personAt(ents, p.headFirst) {
		p.first = other.first
	}
	return p
}

// relativeHead returns the noun phrase that a relative clause ending at a
// cue belongs to, when the phrase before the cue that starts at token
// first is the object of the clause's verb: in "the man who hired Roe
// said", the man speaks, not Roe.
func (f *Finder) relativeHead(doc *nlp.Doc, ents *entities.Result, first, floor int) (phrase, bool) {
	toks := doc.Tokens
	if first-1 < floor {
		return phrase{}, false
	}
	switch toks[first-1].Tag {
	case "VB", "VBD", "VBZ", "VBP", "TO":
	default:
		return phrase{}, false // not "involved in hacking the committee's email"
	}
	for w := first - 2; w > floor && w >= first-maxRelative; w-- {
		switch toks[w].Norm {
		case ",", ";", ":", "(", ")":
			return phrase{}, false
		case "who", "that", "which":
			head, ok := f.nounPhraseLeft(doc, ents, w, floor)
			return head, ok && head.kind != kindPronoun
		}
	}
	return phrase{}, false
}

// maxRelative bounds a relative clause between a speaker and its cue, in
// tokens.
const maxRelative = 12

// subordinators are the words tagged as prepositions that open a clause
// of its own, whose subject speaks: "hours after Sanders said he was
// “encouraged”", "because Ryan has said".
var subordinators = map[string]bool{
	"after": true, "before": true, "because": true, "since": true, "while": true, "although": true,
	"though": true, "if": true, "as": true, "until": true, "once": true, "unless": true, "whereas": true,
	"so": true,
}

// nounPhraseLeft parses a name or role phrase ending at token end-1.
func (f *Finder) nounPhraseLeft(doc *nlp.Doc, ents *entities.Result, end, floor int) (phrase, bool) {
	toks := doc.Tokens
	t := end - 1
	p := phrase{last: end}
	if m, ok := ents.MentionAt(t); ok && m.Last == end {
		p.headFirst, p.headLast, p.kind = m.First, m.Last, kindName
	} else if s, ok := f.roleEnding(toks, end, floor); ok {
		p.headFirst, p.headLast, p.kind = s, end, kindRole
	} else if toks[t].Tag == "CD" && t-1 > floor && toks[t-1].Norm == "of" {
		// "the 34-year-old mother of three": the head is before "of"
		outer, ok := f.nounPhraseLeft(doc, ents, t-1, floor)
		if !ok || outer.kind != kindRole {
			return phrase{}, false
		}
		outer.last = end
		return outer, true
	} else if nlp.Capitalized(toks[t].Text) && (toks[t].Tag == "NNP" || toks[t].Tag == "NNPS" || surname(ents, toks[t])) && !nlp.CalendarWord(toks[t].Norm) {
		s := t
		for s-1 >= floor && nlp.Capitalized(toks[s-1].Text) && !nlp.ClosedClass(toks[s-1].Tag) {
			s--
		}
		p.headFirst, p.headLast, p.kind = s, end, kindName
	} else {
		return phrase{}, false
	}
	p.first = f.modifiersLeft(doc, p.headFirst, floor)
	return f.prepositionLeft(doc, ents, p, floor), true
}

// surname reports whether t is the capitalized last name of a person the
// article names, whatever the tagger says: it takes some surnames for
// adverbs or adjectives ("Jolly/RB said").
func surname(ents *entities.Result, t nlp.Token) bool {
	_, ok := surnameOf(ents, t)
	return ok
}

// surnameOf returns the person whose last name t is, as surname tells.
func surnameOf(ents *entities.Result, t nlp.Token) (int, bool) {
	if !nlp.Capitalized(t.Text) {
		return -1, false
	}
	for k, e := range ents.Entities {
		if e.Type != entities.Person {
			continue
		}
		if i := strings.LastIndexByte(e.Name, ' '); i >= 0 && strings.EqualFold(e.Name[i+1:], t.Text) {
			return k, true
		}
	}
	return -1, false
}

// roleEnding reports whether a common noun (or a role phrase such as
// "press secretary") ends just before end, and where it starts. In news, the
// subject of a cue is its speaker whatever noun it is: "the report said".
// A capitalized word is a name, unless it starts the sentence ("Aides say").
func (f *Finder) roleEnding(toks []nlp.Token, end, floor int) (int, bool) {
	t := toks[end-1]
	if nlp.Capitalized(t.Text) && !(end-1 == floor && (t.Tag == "NN" || t.Tag == "NNS")) {
		return 0, false
	}
	if _, s, ok := f.lex.Roles.Ending(toks, end, floor); ok {
		return s, true
	}
	return end - 1, t.Tag == "NN" || t.Tag == "NNS" || strings.HasSuffix(t.Norm, "-year-old")
}

// modifiersLeft extends a phrase leftwards from token first over its
// modifiers: titles, adjectives, possessors and one determiner.
func (f *Finder) modifiersLeft(doc *nlp.Doc, first, floor int) int {
	toks := doc.Tokens
	for first-1 >= floor {
		t := toks[first-1]
		if _, cue := f.lex.Cues.Has(t.Norm); cue && !nounTags[t.Tag] || cue && nlp.Capitalized(t.Text) {
			return first // "Said Ana Ruiz"
		}
		switch {
		case t.Tag == "DT" || t.Tag == "PRP$":
			return first - 1
		case nounTags[t.Tag] || nlp.Capitalized(t.Text) && !nlp.ClosedClass(t.Tag) && !finiteVerb(t.Tag) || f.gerundModifier(toks, first-1, first+1):
			first--
		case (t.Norm == "-" || t.Tag == "HYPH") && t.End == toks[first].Start:
			first-- // "17-year-old", not "the north - Ana Ruiz"
		default:
			return first
		}
	}
	return first
}

// prepositionLeft joins a phrase that is the object of a preposition to
// the role before it, over a chain of them: "a spokeswoman for the
// company", "the operator of the Colter Dam", "owners of cafés on the high
// street", "officials in Kyiv".
func (f *Finder) prepositionLeft(doc *nlp.Doc, ents *entities.Result, p phrase, floor int) phrase {
	toks := doc.Tokens
	prep := p.first - 1
	if prep-1 < floor {
		return p
	}
	switch toks[prep].Norm {
	case "for", "of", "at", "in", "on", "with", "from", "to":
	default:
		return p
	}
	outer, ok := f.nounPhraseLeft(doc, ents, prep, floor)
	if ok && outer.kind == kindName && p.kind == kindName && toks[prep].Norm == "of" {
		outer.last = p.last // "Gov. Tomas Reyes of Kent": Reyes, not Kent
		return outer
	}
	if !ok || outer.kind != kindRole || !f.joins(toks, toks[prep].Norm, outer, p) {
		return p
	}
	outer.last = p.last
	return outer
}

// joins reports whether a preposition ties a phrase to the role before it.
// "for", "of" and "at" tie any phrase; "with", "from" and "to" only roles
// ("a spokesman with the agency"); "in" and "on" only to people: a role
// word or a plural ("officials in Kyiv", not "a fact-check on Trump").
func (f *Finder) joins(toks []nlp.Token, prep string, outer, inner phrase) bool {
	switch prep {
	case "with", "from", "to":
		return inner.kind != kindName
	case "in", "on":
		_, _, role := f.lex.Roles.Ending(toks, outer.headLast, outer.headFirst)
		return role || toks[outer.headLast-1].Tag == "NNS"
	}
	return true
}

// subjectOf finds the subject of the clause holding token t: the speaker
// phrase that starts its sentence, or that follows an opening phrase and a
// comma or a dash ("On Tuesday, the mayor said", "Speaking in Dover, New
// Hampshire, Ruiz said", "DOVER (AP) — The council said"), followed by a
// verb. It is the speaker of a verb coordinated with an earlier one
// ("Whitaker described the talks as “…” and said ...") and of a participle
// ("Trump unleashed a series of tweets, saying ..."). For a verb of saying,
// "it" may be the subject too ("it attacked Trump, saying ..."); for any
// other verb it is mostly an empty subject ("it turns out").
func (f *Finder) subjectOf(doc *nlp.Doc, ents *entities.Result, t int, saying bool) (phrase, bool) {
	first := doc.Sentences[doc.Tokens[t].Sent].First
	starts := []int{first}
	if doc.Tokens[first].Tag == "IN" || saying && (doc.Tokens[first].Tag == "CC" || doc.Tokens[first].Tag == "RB") {
		starts = append(starts, first+1) // "Though she called ...", "But he told ...", "Then he cut into Bush"
	}
	after := clauseStarts(doc.Tokens, first, t, saying)
	if saying {
		// the nearest clause does what a participle or a second verb
		// tells: "When Reyes, her manager, was asked, he laughed and said"
		slices.Reverse(after)
		starts = append(after, starts...)
	} else {
		starts = append(starts, after...)
	}
	for _, start := range starts {
		if p, ok := f.subjectAt(doc, ents, start, t, saying); ok && (start != first+1 || doc.Tokens[first].Tag != "CC" || f.speaks(doc.Tokens, p)) {
			return p, true
		}
	}
	return phrase{}, false
}

// speaks reports whether phrase p names someone who can speak: a name, a
// pronoun or a role the rules list, not any noun ("But weeks of
// uncertainty could follow").
func (f *Finder) speaks(toks []nlp.Token, p phrase) bool {
	_, _, role := f.lex.Roles.Ending(toks, p.headLast, p.headFirst)
	return p.kind != kindRole || role
}

// clauseStarts returns the tokens after first and before t where a
// clause may start after an opening phrase: after a comma or a dash, or,
// for a verb of saying, a hyphen typed for a dash ("she drew his ire - he
// called her “weak” and said") or a quotation (“…,” he said, and then
// predicted). A comma inside quotation marks starts none.
func clauseStarts(toks []nlp.Token, first, t int, saying bool) []int {
	var after []int
	inside := false
	for i := first; i < t; i++ {
		if quoteMark(toks[i]) {
			inside = !inside
			if !inside && saying {
				after = append(after, i+1)
			}
			continue
		}
		if !inside && i < first+maxOpening && (toks[i].Norm == "," || dashes[toks[i].Norm] || saying && spacedHyphen(toks, i)) {
			after = append(after, i+1)
			if saying && i+2 < t && (toks[i+1].Tag == "CC" || toks[i+1].Tag == "IN" && subordinators[toks[i+1].Norm]) {
				after = append(after, i+2) // ", while Mike Huckabee ... proposed ... and said"
			}
		}
	}
	return after
}

// agrees reports whether the verb after a subject, from token i, and the
// verb coordinated with it, from token j, can share that subject: a bare
// verb does not follow a tensed one (in “they will call me up,” he
// promises, and say to him, they say it, not he). Taggers err on these
// forms, so it is asked only of a subject that follows a quotation.
func agrees(toks []nlp.Token, i, j int) bool {
	a, b := verbFrom(toks, i), verbFrom(toks, j)
	if a < 0 || b < 0 || doForms[toks[a].Norm] {
		return true // "Sanders didn't come out and say"
	}
	return !(toks[b].Tag == "VB" && (toks[a].Tag == "VBD" || toks[a].Tag == "VBZ"))
}

// doForms are the forms of "do" that carry a bare verb after them.
var doForms = map[string]bool{"do": true, "does": true, "did": true}

// verbFrom returns the first verb or modal at token i or within the few
// tokens after it, or -1.
func verbFrom(toks []nlp.Token, i int) int {
	for k := i; k < len(toks) && k < i+4; k++ {
		if strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD" {
			return k
		}
	}
	return -1
}

// spacedHyphen reports whether token i is a hyphen typed for a dash, with
// space on both sides.
func spacedHyphen(toks []nlp.Token, i int) bool {
	return toks[i].Norm == "-" && i > 0 && i+1 < len(toks) && toks[i-1].End < toks[i].Start && toks[i].End < toks[i+1].Start
}

// maxOpening bounds the phrases that may open a sentence before its
// subject, in tokens.
const maxOpening = 25

// subjectAt returns the speaker phrase that starts at token start, ends
// before t and is followed by a verb, maybe after adverbs and auxiliaries.
// An appositive holds no verb of its own but in a relative clause: in
// "DOVER, July 25 — The council released a statement, offering", DOVER
// is no subject.
func (f *Finder) subjectAt(doc *nlp.Doc, ents *entities.Result, start, t int, saying bool) (phrase, bool) {
	if start >= t {
		return phrase{}, false
	}
	toks := doc.Tokens
	if saying && toks[start].Norm == "it" && tensedVerb(toks[start+1].Tag) {
		// "it attacked Trump, saying ...": a body named before speaks
		return phrase{first: start, last: start + 1, headFirst: start, headLast: start + 1, kind: kindPronoun}, true
	}
	cands := f.speakersRight(doc, ents, start, t)
	for i := len(cands) - 1; i >= 0; i-- {
		p := cands[i]
		if finiteInside(toks, p.headLast, p.last) {
			continue
		}
		if f.verbFollows(toks, p, t, saying) {
			return p, true
		}
	}
	return phrase{}, false
}

// verbFollows reports whether the verb of subject phrase p follows it,
// before token t: right after it or a few adverbs, after a stray comma
// ("(D-R.I.), said"), or, for a verb of saying and a subject that is no
// pronoun, after a phrase of time ("Trump on Thursday ratcheted up") or,
// for one who can speak, a short phrase of place ("One operative inside
// Trump Tower tried").
func (f *Finder) verbFollows(toks []nlp.Token, p phrase, t int, saying bool) bool {
	switch {
	case verbAfter(toks, p.last, t), strayComma(toks, p.last) && verbAfter(toks, p.last+1, t):
		return true
	case !saying || p.kind == kindPronoun:
		return false
	}
	return verbAfter(toks, timeEnd(toks, p.last, t), t) || f.speaks(toks, p) && prepositionEnd(toks, p.last, t) > p.last
}

// strayComma reports whether token i is a comma typed between a
// parenthesis that closes a name and its verb: "Sen. Jack Reed (D-R.I.),
// said".
func strayComma(toks []nlp.Token, i int) bool {
	return i > 0 && i < len(toks) && toks[i].Norm == "," && toks[i-1].Norm == ")"
}

// timeEnd returns the end of a phrase of time that starts at token i,
// before limit, or i: "Trump on Thursday ratcheted up his attacks".
func timeEnd(toks []nlp.Token, i, limit int) int {
	for n := min(4, limit-i); n > 0; n-- {
		words := make([]string, n)
		for k := range words {
			words[k] = toks[i+k].Norm
		}
		if isTimePhrase(words) {
			return i + n
		}
	}
	return i
}

// prepositionEnd returns the end of a short phrase of place that opens
// with a preposition at token i, before limit, when a tensed verb follows
// it: "One operative inside Trump Tower tried", "Republicans on Capitol
// Hill seized"; or i.
func prepositionEnd(toks []nlp.Token, i, limit int) int {
	if i >= limit || toks[i].Tag != "IN" || toks[i].Norm == "that" || subordinators[toks[i].Norm] {
		return i
	}
	for k := i + 1; k < limit && k <= i+5; k++ {
		switch t := toks[k]; {
		case tensedVerb(t.Tag) || t.Tag == "MD":
			return k
		case !nounTags[t.Tag] && !(k == i+1 && (t.Tag == "DT" || t.Tag == "PRP$")):
			return i // not "At the convention in Cleveland his operatives forced"
		}
	}
	return i
}

// verbAfter reports whether a verb stands at token i, or after a few
// adverbs or a negation: "Weaver didn't seem", "Trump also said", not
// "Hours later, Trump said".
func verbAfter(toks []nlp.Token, i, limit int) bool {
	for n := 0; i < limit && n < 4; i, n = i+1, n+1 {
		t := toks[i]
		switch {
		case strings.HasPrefix(t.Tag, "VB"):
			return true
		case isFiller(t.Norm, t.Tag) || t.Norm == "not" || t.Norm == "n't" || t.Norm == "never":
		default:
			return false
		}
	}
	return false
}

// finiteInside reports whether tokens [a, b) hold a tensed verb that no
// relative pronoun brings in: the words after a name are then a clause of
// their own, not an appositive.
func finiteInside(toks []nlp.Token, a, b int) bool {
	for i := a; i < b; i++ {
		switch {
		case toks[i].Tag == "WP" || toks[i].Tag == "WDT" || toks[i].Norm == "who" || toks[i].Norm == "which":
			return false
		case tensedVerb(toks[i].Tag):
			return true
		}
	}
	return false
}

// maxParenthesis bounds, in tokens, a parenthesis between a speaker and
// the cue: "Sen. Chris Murphy (a Connecticut Democrat so boyish he has
// been mistaken for a junior staffer) says".
const maxParenthesis = 20

// parenthesisLeft skips a parenthesis such as "(R-Ohio)" before a cue and
// parses the speaker before it.
func (f *Finder) parenthesisLeft(doc *nlp.Doc, ents *entities.Result, t, floor int) (phrase, bool) {
	for k := t - 1; k >= floor && k >= t-maxParenthesis; k-- {
		if doc.Tokens[k].Norm == "(" {
			p, ok := f.nounPhraseLeft(doc, ents, k, floor)
			p.last = t + 1
			return p, ok
		}
	}
	return phrase{}, false
}

// appositiveLeft parses "Hugh Hill, a doctor at the clinic," ending at the
// comma at token t: the speaker is the name before the first comma.
func (f *Finder) appositiveLeft(doc *nlp.Doc, ents *entities.Result, t, floor int) (phrase, bool) {
	toks := doc.Tokens
	for c := t - 1; c > floor && c >= t-maxAppositive; c-- {
		if toks[c].Norm != "," && !dashes[toks[c].Norm] {
			continue
		}
		n := afterTitleMarks(toks, c+1, t)
		if !appositiveStart(toks[n]) && !interjectedStart(toks[n]) || n == t {
			return phrase{}, false
		}
		if quoteMark(toks[c-1]) || n > c+1 && !nlp.IsOpeningQuote(toks, c+1) {
			continue // the comma ends a title inside the appositive: "the co-author of “Going Viral,”"
		}
		p, ok := f.nounPhraseLeft(doc, ents, c, floor)
		if commaInsideAppositive(toks, p, ok, c, n, floor) {
			continue
		}
		p, ok = f.speakerBeforeAside(doc, ents, p, ok, c, n, floor)
		if !ok || p.kind == kindPronoun {
			return phrase{}, false
		}
		p = f.withNameInside(doc, ents, p, t, c)
		p.last = t + 1
		return p, true
	}
	return phrase{}, false
}

// afterTitleMarks returns the first token from n, before t, that is not a
// quotation mark: where an appositive that opens with a title's marks
// starts ("the show, “The Apprentice,” who").
func afterTitleMarks(toks []nlp.Token, n, t int) int {
	for n < t && quoteMark(toks[n]) {
		n++ // a title's marks: "the show, “The Apprentice,” who"
	}
	return n
}

// commaInsideAppositive reports whether the comma at token c, whose
// appositive starts at token n, stands inside a longer appositive rather
// than after the speaker, given the noun phrase p before it (ok when there
// is one, at or after floor): after the work a title names, an age, a
// place inside the appositive, or where a speaker is from.
func commaInsideAppositive(toks []nlp.Token, p phrase, ok bool, c, n, floor int) bool {
	if ok && n > c+1 && p.kind == kindRole {
		return true // the work a title names: "a judge on the show, “Bake Off,”"
	}
	if !ok && toks[c-1].Tag == "CD" && c-2 > floor && toks[c-2].Norm == "," {
		return true // "Marley Anderson, 21, a junior from Las Vegas, said": the age is part of it
	}
	if ok && p.first-1 > floor && insideAppositive(toks[p.first-1]) && p.kind == kindName && !(toks[p.first-1].Norm == "that" && toks[n].Tag == "WP") {
		// "Quist, at a meeting in Dover, Kent, said": Dover is inside the
		// appositive; but a name that a relative clause follows is the
		// subject of a clause "that" opens ("years ago that Bloomberg,
		// who ..., said")
		return true
	}
	if ok && p.first-2 > floor && toks[p.first-1].Norm == "of" && toks[p.first-2].Norm == "," {
		return true // "James, 22, of Flint, Mich., said": Flint is where James is from
	}
	return false
}

// speakerBeforeAside returns p and ok, the noun phrase before the comma at
// token c (whose appositive starts at token n) and whether there is one,
// or, when there is none, the speaker before a parenthesis that ends
// there or the phrase that a "who" set off by commas stands for, at or
// after floor.
func (f *Finder) speakerBeforeAside(doc *nlp.Doc, ents *entities.Result, p phrase, ok bool, c, n, floor int) (phrase, bool) {
	toks := doc.Tokens
	if !ok && toks[c-1].Norm == ")" {
		p, ok = f.parenthesisLeft(doc, ents, c-1, floor) // "Reyes (D-Ohio), chairman of the caucus, said"
	}
	if !ok && toks[c-1].Norm == "who" && c-3 > floor && toks[c-2].Norm == "," && toks[n].Tag == "IN" {
		// "the leadership, who, on a press call Friday, criticized"
		p, ok = f.nounPhraseLeft(doc, ents, c-2, floor)
		p.relative = c - 1
	}
	return p, ok
}

// withNameInside returns the name that opens the appositive between the
// comma at token c and token t, made to span from the start of p, when p
// is a role; else it returns p.
func (f *Finder) withNameInside(doc *nlp.Doc, ents *entities.Result, p phrase, t, c int) phrase {
	// "Her rival, Senator Paul Grady, said": the name inside speaks
	if inner, ok := f.nounPhraseLeft(doc, ents, t, c+1); ok && p.kind == kindRole && inner.kind == kindName && inner.first == c+1 {
		inner.first = p.first
		p = inner
	}
	return p
}

// quoteMark reports whether t is a quotation mark.
func quoteMark(t nlp.Token) bool {
	_, ok := markStyle(t)
	return ok
}

// maxAppositive bounds, in tokens, the appositives between a speaker and
// the comma before the cue: "Rich Heffley, a top GOP operative who played a
// major role in McCain's win in 2008 and is now running Bush's early-vote
// efforts in the state, said".
const maxAppositive = 40

// insideAppositive reports whether a name after token t is the object of
// a preposition of place or time inside a longer appositive, not the name
// that the appositive follows: "in Dover", "during"; but "Cornyn of
// Texas", "Stone, 29, of Huntsville" name their speaker.
func insideAppositive(t nlp.Token) bool {
	return t.Tag == "IN" && t.Norm != "of" && t.Norm != "at" && !subordinators[t.Norm]
}

// appositiveStart reports whether an appositive may start with t: "a
// doctor", "the chairwoman", "who", "Ukraine's president", "54", "at the
// institute", "in a statement", "himself".
func appositiveStart(t nlp.Token) bool {
	switch t.Tag {
	case "DT", "PRP$", "JJ", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "WP", "WP$", "WDT", "VBN", "RB", "IN":
		return t.Norm != "that"
	}
	switch t.Norm {
	case "himself", "herself", "themselves":
		return true
	}
	return false
}

// interjectedStart reports whether a phrase set off by commas between a
// speaker and the cue may start with t although no appositive does: a
// participle the tagger reads as a past tense or a clause of time, as in
// "Cruz, asked about the plan, said" and "Cruz, when asked, said".
func interjectedStart(t nlp.Token) bool {
	return t.Tag == "WRB" || t.Tag == "VBD"
}

// gerundModifier reports whether token i is an -ing form that modifies the
// noun after it, before limit, in a speaker's title: "organizing director
// Kendall Fells", "policy planning director Anne Slaughter". A cue word is
// not one: "Ruiz declaring victory".
func (f *Finder) gerundModifier(toks []nlp.Token, i, limit int) bool {
	if toks[i].Tag != "VBG" || i+1 >= limit || i+1 >= len(toks) || !strings.HasPrefix(toks[i+1].Tag, "NN") {
		return false
	}
	_, cue := f.lex.Cues.Has(toks[i].Norm)
	return !cue
}

// dashes are the marks that may set off an appositive, as commas do:
// "John McCain -- who lost in 2008 -- said".
var dashes = map[string]bool{"—": true, "--": true, "–": true}

// speakersRight returns the speaker phrases that start at token start and
// end before limit: the phrase itself ("Ruth Abara") and the phrase with
// what may follow it before a cue: a parenthesis ("Jason Chaffetz
// (R-Utah)"), a prepositional phrase ("Mr. Morgan of the Sierra Club") and
// appositives between commas ("Ruth Abara, a nurse on the ward,").
func (f *Finder) speakersRight(doc *nlp.Doc, ents *entities.Result, start, limit int) []phrase {
	p, ok := f.speakerRight(doc, ents, start, limit)
	if !ok {
		if p, ok = f.bareRoleRight(doc, ents, start, limit); !ok {
			return nil
		}
	}
	out := []phrase{p}
	if p.kind == kindPronoun {
		return out
	}
	toks := doc.Tokens
	if p.last+1 < limit && toks[p.last].Norm == "and" {
		// "she and other Democrats": the first speaks for both
		if other, ok := f.speakerRight(doc, ents, p.last+1, limit); ok {
			both := p
			both.last = other.last
			out = append(out, both)
		}
	}
	if pp, ok := f.prepositionRight(doc, ents, p, limit); ok {
		out = append(out, pp)
		p = pp
	}
	if e := parenthesisEnd(toks, p.last, limit); e > 0 {
		p.last = e
		out = append(out, p)
	}
	return append(out, f.appositivesRight(toks, ents, p, limit)...)
}

// bareRoleRight returns a role phrase that starts at token start with a
// bare common noun and what it is of, ending in a name before limit:
// "said master of ceremonies Lena Park"; not "word of her victories".
func (f *Finder) bareRoleRight(doc *nlp.Doc, ents *entities.Result, start, limit int) (phrase, bool) {
	if start+1 >= limit || doc.Tokens[start].Tag != "NN" || nlp.Capitalized(doc.Tokens[start].Text) || doc.Tokens[start+1].Norm != "of" {
		return phrase{}, false
	}
	p, ok := f.prepositionRight(doc, ents, oneWord(start, kindRole), limit)
	if _, named := ents.MentionAt(p.last - 1); !ok || !named {
		return phrase{}, false
	}
	return p, true
}

// appositivesRight returns phrase p extended over each of up to three
// appositives after it, before limit: "Ruth Abara, a nurse on the ward,";
// also over an appositive that runs up to its cue with no comma to close
// it.
func (f *Finder) appositivesRight(toks []nlp.Token, ents *entities.Result, p phrase, limit int) []phrase {
	var out []phrase
	comma := p.last
	for n := 0; n < 3; n++ {
		if c := f.appositiveToCue(toks, comma, limit); c > 0 && p.kind == kindName {
			q := p
			q.last = c
			out = append(out, q)
		}
		c := appositiveEnd(toks, comma, limit)
		if c < 0 {
			break
		}
		if m, ok := ents.MentionAt(comma + 1); ok && p.kind == kindRole && m.Last == c && personAt(ents, comma+1) {
			p.headFirst, p.headLast, p.kind = m.First, m.Last, kindName // "her chief of staff, Ivo Brand,"
		}
		p.last = min(c+1, limit)
		out = append(out, p)
		comma = c
	}
	return out
}

// oneWord returns the phrase of the one token k, of the given kind.
func oneWord(k int, kind phraseKind) phrase {
	return phrase{first: k, last: k + 1, headFirst: k, headLast: k + 1, kind: kind}
}

// appositiveToCue returns the index of the cue verb that an appositive
// opened by the comma at token i runs up to when no comma closes it, as
// writers often forget: "Lena Park, the pollster who founded the
// site tweeted"; or -1.
func (f *Finder) appositiveToCue(toks []nlp.Token, i, limit int) int {
	if i+2 >= limit || toks[i].Norm != "," {
		return -1
	}
	switch toks[i+1].Tag {
	case "DT", "PRP$", "WP":
	default:
		return -1 // "Ruiz, 54, said" has its commas
	}
	for c := i + 2; c < limit && c <= i+30; c++ {
		if toks[c].Norm == "," || toks[c].Norm == "." {
			return -1
		}
		relative := toks[c-1].Tag == "WP" || toks[c-1].Tag == "WDT" // "the leader who called the strike tweeted"
		if _, cue := f.lex.Cues.Has(toks[c].Norm); cue && strings.HasPrefix(toks[c].Tag, "VB") && toks[c].Tag != "VBG" && !relative {
			return c
		}
	}
	return -1
}

// finiteVerb reports whether a tag is of a verb that can head a clause:
// any tense, the base form or a present participle.
func finiteVerb(tag string) bool {
	return tag == "VB" || tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "VBG"
}

// parenthesisEnd returns the index just past a short parenthesis that opens
// at token i, or -1.
func parenthesisEnd(toks []nlp.Token, i, limit int) int {
	if i >= limit || toks[i].Norm != "(" {
		return -1
	}
	for k := i + 1; k < limit && k <= i+8; k++ {
		if toks[k].Norm == ")" {
			return k + 1
		}
	}
	return -1
}

// appositiveEnd returns the index of the comma that closes an appositive
// opened by the comma at token i, or limit when it runs to the end of the
// sentence ("— Ana Ruiz, Leeds"), or -1.
func appositiveEnd(toks []nlp.Token, i, limit int) int {
	if i+1 >= limit || toks[i].Norm != "," || !appositiveStart(toks[i+1]) && toks[i+1].Tag != "VBG" {
		return -1
	}
	for c := i + 2; c < limit && c <= i+30; c++ {
		if toks[c].Norm == "," {
			return c
		}
	}
	if limit-i <= 30 {
		return limit
	}
	return -1
}

// prepositionRight extends a role phrase over the phrase after "for", "of"
// or "at": "a spokeswoman for the company".
func (f *Finder) prepositionRight(doc *nlp.Doc, ents *entities.Result, p phrase, limit int) (phrase, bool) {
	if p.last+1 >= limit {
		return p, false
	}
	switch doc.Tokens[p.last].Norm {
	case "for", "of", "at", "with", "from":
	case "in":
		if _, _, role := f.lex.Roles.Ending(doc.Tokens, p.headLast, p.headFirst); p.kind != kindRole || !role {
			return p, false // "Ruiz in Dover" is where she spoke; "cited problems in Iraq"
		}
	default:
		return p, false
	}
	if p.kind == kindName && doc.Tokens[p.last].Norm != "of" && doc.Tokens[p.last].Norm != "at" {
		return p, false // "Mr. Morgan of the Sierra Club", not "Mr. Morgan with a smile"
	}
	obj, ok := f.speakerRight(doc, ents, p.last+1, limit)
	if k := p.last + 1; !ok && p.kind == kindRole && commonNoun(doc.Tokens[k].Tag) && !nlp.Capitalized(doc.Tokens[k].Text) {
		// a bare noun after a role is part of it: "the chief of staff"
		obj, ok = oneWord(k, kindRole), true
	}
	if !ok || obj.kind == kindPronoun || p.kind == kindName && obj.kind != kindName {
		return p, false
	}
	p.last = obj.last
	if p.kind == kindRole && obj.headFirst > obj.first && personAt(ents, obj.headFirst) {
		p.headFirst, p.headLast, p.kind = obj.headFirst, obj.headLast, kindName // "master of ceremonies Lena Park"
	}
	return p, true
}

// personAt reports whether a person's name starts at token i.
func personAt(ents *entities.Result, i int) bool {
	m, ok := ents.MentionAt(i)
	return ok && m.First == i && ents.Entities[m.Entity].Type == entities.Person
}

// speakerRight parses a speaker phrase starting at token start and ending
// before limit: "said Donna Brazile", "said he", "according to a
// spokeswoman".
func (f *Finder) speakerRight(doc *nlp.Doc, ents *entities.Result, start, limit int) (phrase, bool) {
	toks := doc.Tokens
	if start >= limit {
		return phrase{}, false
	}
	if speakerPronouns[toks[start].Norm] && toks[start].Norm != "it" {
		return phrase{first: start, last: start + 1, headFirst: start, headLast: start + 1, kind: kindPronoun}, true
	}
	if standIns[toks[start].Norm] && (start+1 == limit || !nounTags[toks[start+1].Tag] && toks[start+1].Tag != "DT") {
		return phrase{first: start, last: start + 1, headFirst: start, headLast: start + 1, kind: kindRole}, true
	}
	end := start
	if toks[end].Tag == "DT" || toks[end].Tag == "PRP$" {
		end++
	}
	for end < limit && (nounTags[toks[end].Tag] || nlp.Capitalized(toks[end].Text) && !nlp.ClosedClass(toks[end].Tag) || f.gerundModifier(toks, end, limit)) {
		if _, cue := f.lex.Cues.Has(toks[end].Norm); cue && end > start && toks[end].Tag == "VBN" && !nlp.Capitalized(toks[end].Text) {
			break // the cue after the speaker, tagged as a participle: "the 43-year-old asked"
		}
		if toks[end].Tag == "VBN" && end > start && !nlp.Capitalized(toks[end].Text) && (end+1 >= limit || !commonNoun(toks[end+1].Tag) && toks[end+1].Tag != "NNP") {
			break // a verb after the speaker, not a modifier: "Jared Potts echoed:"
		}
		if m, ok := ents.MentionAt(end); ok && m.First == end {
			end = m.Last
			continue
		}
		end++
	}
	for end > start && toks[end-1].Tag == "POS" {
		end--
	}
	for end-1 > start && (toks[end-1].Tag == "JJ" || toks[end-1].Tag == "VBN") && strings.HasPrefix(toks[end-2].Tag, "NN") {
		end-- // "a Democrat familiar with his remarks": the adjective describes the speaker after it
	}
	if end == start {
		return phrase{}, false
	}
	return f.headOf(doc, ents, start, end)
}

// headOf picks the head of the phrase [start, end): a role noun at its end,
// else its last name.
func (f *Finder) headOf(doc *nlp.Doc, ents *entities.Result, start, end int) (phrase, bool) {
	toks := doc.Tokens
	p := phrase{first: start, last: end}
	if s, ok := f.roleEnding(toks, end, start); ok {
		if end-start == 1 && toks[start].Tag == "NN" {
			return phrase{}, false // a bare singular noun speaks for nobody: "according to plan"
		}
		p.headFirst, p.headLast, p.kind = s, end, kindRole
		return p, true
	}
	for i := end - 1; i >= start; i-- {
		if m, ok := ents.MentionAt(i); ok {
			p.headFirst, p.headLast, p.kind = m.First, m.Last, kindName
			return p, true
		}
	}
	if nlp.Capitalized(toks[end-1].Text) && !nlp.CalendarWord(toks[end-1].Norm) {
		s := end - 1
		for s-1 >= start && nlp.Capitalized(toks[s-1].Text) {
			s--
		}
		p.headFirst, p.headLast, p.kind = s, end, kindName
		return p, true
	}
	return phrase{}, false
}

// subjectAfterWh returns the subject of the clause that "why" or "how"
// opens between tokens from and t, the verb coordinated at t being that
// clause's: in "This is why Democrats point and cry", Democrats cry, not
// "This".
func (f *Finder) subjectAfterWh(doc *nlp.Doc, ents *entities.Result, from, t int) (phrase, bool) {
	for i := t - 1; i >= from; i-- {
		if n := doc.Tokens[i].Norm; n == "why" || n == "how" {
			return f.subjectAt(doc, ents, i+1, t, true)
		}
	}
	return phrase{}, false
}
