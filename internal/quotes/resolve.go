package quotes

import (
	"sort"
	"strings"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/nlp"
)

// How a quote's speaker was found.
const (
	ResolvedName     = "name"     // the speaker is named next to the quote
	ResolvedPronoun  = "pronoun"  // a pronoun, resolved to an earlier person
	ResolvedRole     = "role"     // a role or group: "the spokesman", "officials"
	ResolvedFloating = "floating" // no attribution of its own: the speaker of the quote before
	ResolvedEcho     = "echo"     // a partial quote whose words stand inside a full quote elsewhere
)

// Speaker is who said a quote. Offsets are bytes.
type Speaker struct {
	Name       string // who it is: the entity's name, or the words used
	Entity     int    // index in the entities result, -1 when none
	Start, End int    // the words tied to this quote (the pronoun itself for a pronoun)
	Text       string
}

// resolver turns speaker phrases into speakers.
type resolver struct {
	doc  *nlp.Doc
	ents *entities.Result
	s    *seq
	// pronouns holds the pronouns resolved so far, in text order, which
	// later pronouns may refer back through: "She said ... she added".
	pronouns []resolvedPronoun
	// roles holds the speakers named only by a role ("the coach"), in text
	// order, which a pronoun later in the same sentence stands for.
	roles []resolvedRole
}

// resolvedRole is a speaker named by a role at a token.
type resolvedRole struct {
	tok int
	sp  Speaker
}

// resolvedPronoun is a pronoun at a token and the entity it stands for.
type resolvedPronoun struct{ tok, entity int }

// speaker resolves a phrase and says how.
func (r *resolver) speaker(p phrase) (Speaker, string) {
	doc := r.doc
	sp := Speaker{Entity: -1, Start: doc.Tokens[p.headFirst].Start, End: doc.Tokens[p.headLast-1].End}
	sp.Text = doc.Text[sp.Start:sp.End]
	switch p.kind {
	case kindPronoun:
		return r.pronounSpeaker(p, sp), ResolvedPronoun
	case kindRole:
		return r.roleSpeaker(p, sp), ResolvedRole
	}
	return r.nameSpeaker(p, sp), ResolvedName
}

// pronounSpeaker returns sp, the speaker a pronoun phrase p heads, with
// what it stands for: a role named before it in the sentence, else its
// antecedent entity, which it records as resolved.
func (r *resolver) pronounSpeaker(p phrase, sp Speaker) Speaker {
	if role, ok := r.roleInSentence(p.headFirst); ok {
		sp.Name, sp.Entity = role.Name, role.Entity
		return sp
	}
	if e, ok := r.antecedent(p.headFirst, r.doc.Tokens[p.headFirst].Norm); ok {
		sp.Entity, sp.Name = e, r.ents.Entities[e].Name
		r.pronouns = append(r.pronouns, resolvedPronoun{p.headFirst, e})
	}
	return sp
}

// roleSpeaker returns sp, the speaker a role phrase p heads, spanning the
// phrase to its head and named without its determiner: the entity the role
// refers to, else one it names that is no person ("Kremlin officials"),
// else none, the role then recorded for a pronoun after it to stand for.
func (r *resolver) roleSpeaker(p phrase, sp Speaker) Speaker {
	doc := r.doc
	sp.Start, sp.End = doc.Tokens[p.first].Start, doc.Tokens[max(p.headLast, p.first+1)-1].End
	sp.Text = doc.Text[sp.Start:sp.End]
	sp.Name = withoutDeterminer(doc, p)
	if e, ok := r.roleReferent(p); ok {
		sp.Entity, sp.Name = e, r.ents.Entities[e].Name
		return sp
	}
	for i := p.first; i < p.last; i++ {
		if m, ok := r.ents.MentionAt(i); ok && r.ents.Entities[m.Entity].Type != entities.Person && sp.Entity < 0 {
			sp.Entity = m.Entity // Kremlin officials, a spokesman for the ministry
		}
	}
	if sp.Entity < 0 {
		r.roles = append(r.roles, resolvedRole{p.headFirst, sp})
	}
	if p.relative > 0 {
		sp.Start, sp.End, sp.Text = r.relativeWord(p)
	}
	return sp
}

// nameSpeaker returns sp, the speaker a name phrase p heads, with the
// entity of the mention at its head, or of the surname it is, and the
// relative pronoun's span when one stands for it.
func (r *resolver) nameSpeaker(p phrase, sp Speaker) Speaker {
	sp.Name = sp.Text
	if m, ok := r.ents.MentionAt(p.headFirst); ok && m.Last <= p.last {
		// (a mention that runs on past the name took in the cue: "Lena Park Asked")
		sp.Entity, sp.Name = m.Entity, r.ents.Entities[m.Entity].Name
	} else if e, ok := surnameOf(r.ents, r.doc.Tokens[p.headFirst]); ok && p.headLast-p.headFirst == 1 {
		sp.Entity, sp.Name = e, r.ents.Entities[e].Name // "Jolly/RB said"
	}
	if p.relative > 0 {
		sp.Start, sp.End, sp.Text = r.relativeWord(p)
	}
	return sp
}

// relativeWord returns the span and text of the relative pronoun that
// stands for a speaker phrase: the words tied to the quote are "who"; who
// that is, is the name or role before it.
func (r *resolver) relativeWord(p phrase) (int, int, string) {
	t := r.doc.Tokens[p.relative]
	return t.Start, t.End, t.Text
}

// roleInSentence returns the speaker named by a role earlier in the
// sentence of the pronoun at token tok, when no person is named between
// them: "The coach said the pool was “…,” though she admitted ...".
func (r *resolver) roleInSentence(tok int) (Speaker, bool) {
	gender, person := pronounGender(r.doc.Tokens[tok].Norm)
	if norm := r.doc.Tokens[tok].Norm; !person && norm != "they" && norm != "it" {
		return Speaker{}, false // I, we: the speaker's own voice
	}
	sent := r.doc.Tokens[tok].Sent
	for k := len(r.roles) - 1; k >= 0; k-- {
		role := r.roles[k]
		if role.tok >= tok {
			continue
		}
		if r.doc.Tokens[role.tok].Sent != sent {
			return Speaker{}, false
		}
		if _, ok := r.firstAgreeing(role.tok+1, tok, gender, person); ok {
			return Speaker{}, false // a person named in between is nearer
		}
		return role.sp, true
	}
	return Speaker{}, false
}

// withoutDeterminer returns the phrase's words up to its head, without a
// leading article: "a spokeswoman for the company" gives "spokeswoman".
func withoutDeterminer(doc *nlp.Doc, p phrase) string {
	first, last := p.first, max(p.headLast, p.first+1)
	if t := doc.Tokens[first]; t.Tag == "DT" && first+1 < last {
		first++
	}
	return doc.Text[doc.Tokens[first].Start:doc.Tokens[last-1].End]
}

// pronounGender returns the gender a pronoun asks of its antecedent and
// whether it refers to a person at all.
func pronounGender(norm string) (gender string, person bool) {
	switch norm {
	case "he", "him", "his":
		return "male", true
	case "she", "her", "hers":
		return "female", true
	}
	return "", false
}

// antecedent finds the entity a pronoun at token tok refers to. It reads the
// sentence of the pronoun and then up to four sentences before it, each from
// left to right, so subjects come before objects (after Hobbs), and takes the
// first mention that agrees: a person of the right gender for he and she, an
// organization or group for they and it. Mentions inside quotations are
// skipped: the words of a quote are not the writer's.
func (r *resolver) antecedent(tok int, norm string) (int, bool) {
	gender, person := pronounGender(norm)
	if !person && norm != "they" && norm != "it" {
		return 0, false // I, we: the speaker's own voice
	}
	sent := r.doc.Tokens[tok].Sent
	for s := sent; s >= 0 && s >= sent-4; s-- {
		sn := r.doc.Sentences[s]
		last := sn.Last
		if s == sent {
			last = tok
		}
		if e, ok := r.firstAgreeing(sn.First, last, gender, person); ok {
			return e, true
		}
	}
	return 0, false
}

// firstAgreeing returns the first mention in tokens [first, last), outside
// quotes, that a pronoun of the given kind can refer to. Pronouns already
// resolved count as mentions of their person.
func (r *resolver) firstAgreeing(first, last int, gender string, person bool) (int, bool) {
	best, bestTok := 0, -1
	agrees := func(ei int) bool {
		e := r.ents.Entities[ei]
		if person {
			return e.Type == entities.Person && (e.Gender == "" || e.Gender == gender)
		}
		return e.Type == entities.Organization
	}
	ms := r.ents.Mentions
	for k := sort.Search(len(ms), func(k int) bool { return ms[k].First >= first }); k < len(ms) && ms[k].First < last; k++ {
		if r.s.tokPos[ms[k].First] >= 0 && agrees(ms[k].Entity) {
			best, bestTok = ms[k].Entity, ms[k].First
			break
		}
	}
	ps := r.pronouns
	for k := sort.Search(len(ps), func(k int) bool { return ps[k].tok >= first }); k < len(ps) && ps[k].tok < last; k++ {
		if (bestTok < 0 || ps[k].tok < bestTok) && agrees(ps[k].entity) {
			best, bestTok = ps[k].entity, ps[k].tok
			break
		}
	}
	return best, bestTok >= 0
}

// maxRoleLookback is how many mentions back a role phrase looks for who it
// stands for.
const maxRoleLookback = 200

// leaderWords are titles that "the leader" can stand for.
var leaderWords = []string{"president", "prime minister", "premier", "chancellor", "king", "queen", "leader",
	"chief", "head", "minister", "governor", "mayor", "chairman", "chairwoman", "ceo"}

// roleReferent finds who a definite role phrase stands for: "the French
// leader" for the French president named before it, "the spokesman" for the
// person last given that title, "the ministry" for the ministry last named.
// Capitalized modifiers ("French") must stand in the title too.
func (r *resolver) roleReferent(p phrase) (int, bool) {
	toks := r.doc.Tokens
	last := toks[p.headLast-1]
	if toks[p.first].Norm != "the" || last.Tag == "NNS" || last.Tag == "NNPS" {
		return 0, false
	}
	var mods []string
	for i := p.first + 1; i < p.headFirst; i++ {
		if nlp.Capitalized(toks[i].Text) {
			mods = append(mods, toks[i].Norm)
		}
	}
	ms := r.ents.Mentions
	start := sort.Search(len(ms), func(k int) bool { return ms[k].First >= p.first })
	for k := start - 1; k >= 0 && k >= start-maxRoleLookback; k-- {
		m := ms[k]
		e := r.ents.Entities[m.Entity]
		switch e.Type {
		case entities.Person:
			if fitsTitle(strings.ToLower(e.Title+" "+m.Title), last.Norm, mods) {
				return m.Entity, true
			}
		case entities.Organization:
			if hasWord(strings.ToLower(e.Name), last.Norm) && allWords(strings.ToLower(e.Name), mods) {
				return m.Entity, true
			}
		}
	}
	return 0, false
}

// fitsTitle reports whether a title (lower case) fits a role's head noun and
// modifiers.
func fitsTitle(title, head string, mods []string) bool {
	if !allWords(title, mods) {
		return false
	}
	if hasWord(title, head) {
		return true
	}
	if head != "leader" {
		return false
	}
	for _, w := range leaderWords {
		if hasWord(title, w) {
			return true
		}
	}
	return false
}

func allWords(s string, words []string) bool {
	for _, w := range words {
		if !hasWord(s, w) {
			return false
		}
	}
	return true
}

// hasWord reports whether phrase w stands in s as whole words.
func hasWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		before := i == 0 || s[i-1] == ' '
		after := i+len(w) == len(s) || s[i+len(w)] == ' '
		if before && after {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
