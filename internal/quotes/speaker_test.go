package quotes

import (
	"strings"
	"testing"
)

// speakerOf returns the name of the speaker of the quote of text that
// holds words, or "" when no quote holds them or it has no speaker.
func speakerOf(t *testing.T, text, words string) string {
	t.Helper()
	for _, q := range findAll(t, text) {
		if strings.Contains(text[q.Start:q.End], words) && q.Speaker != nil {
			return q.Speaker.Name
		}
	}
	return ""
}

// TestSpeakerCases checks speakers that the search before a cue reaches
// over what stands between them: a quoted title inside the speaker's
// appositive; the subject of a clause that a hyphen typed for a dash, a
// conjunction or an adverb opens or that follows a quotation, not one
// inside quotation marks, which speaks for a verb coordinated with its
// own; subjects of their own kind: a name after "that" that a relative
// clause follows, a long appositive, a quantifier or a share standing for
// a group, "those" and a participle; a subject that a phrase of time
// follows; the subject of a clause after a comma and "while"; the clause's
// subject for a participle after a quotation; and the speaker of a verb
// of going on before a cue in the infinitive; a comma typed after the
// parenthesis that closes a name; the speaker of a cue before a
// participle, over an adverb between them; the subject of a participle's
// clause over a phrase of place after it; a relative pronoun that a
// phrase between commas parts from its verb; the subject of the clause
// after "why" rather than a demonstrative that opens the sentence.
func TestSpeakerCases(t *testing.T) {
	for _, c := range []struct{ name, text, words, want string }{
		{"the clause after why, not a demonstrative, speaks for a coordinated cue",
			"This is why the farmers point their fingers and cry “but the mill is closed!” at every meeting.", "mill is closed", "farmers"},
		{"title closing the appositive",
			"Lena Park, the author of “Salt and Iron,” said the mill was “older than the town.”", "older", "Lena Park"},
		{"title inside the appositive",
			"Lena Park, the author of “Salt and Iron,” about the river trade, said the mill was “older than the town.”", "older", "Lena Park"},
		{"title before the comma",
			"Lena Park, the author of “Salt and Iron”, about the river trade, said the mill was “older than the town.”", "older", "Lena Park"},
		{"title naming the appositive's work",
			"Tomas Reyes, a judge on the cooking show, “Bake Off,” who later opened a bakery, said his rival was “always kind.”", "kind", "Tomas Reyes"},
		{"hyphen for a dash before a coordinated verb",
			"Ana Ruiz fought the mayor. For that she drew his ire - Tomas Reyes called her “weak” and said she had “zero support” in the county.", "zero support", "Tomas Reyes"},
		{"conjunction opening the sentence",
			"But Lena Park told the council that she agrees the plan is a “total mess” and said “the record is clear on this.”", "record", "Lena Park"},
		{"name after that, before a relative clause",
			"The council knew that Tomas Reyes, who runs the mill, said it was “impossible” to stay open.", "impossible", "Tomas Reyes"},
		{"long appositive",
			"Tomas Reyes, a senior county engineer who designed the new sluice on the river in 2019 and is now running the county’s repair of the old dam and the weirs in the upper valley, said the works were “ready for winter.”", "ready", "Tomas Reyes"},
		{"quantifier", "Nine in 10 farmers were worried about the drought; most said they were “very worried.”", "very", "most"},
		{"share of a group", "The poll asked 600 farmers about the drought. About four in 10 said they were “angry” with the council.", "angry", "four in 10"},
		{"those and a participle", "The poll asked 600 farmers about the drought. Again, those surveyed said the mill was the “heart of the town.”", "heart", "surveyed"},
		{"quantifier after as", "The mill may not close, as some have said it would “within the year.”", "within", "some"},
		{"no clause inside quotation marks",
			"Lena Park suggested the plan was unserious - “Again, we need the details,” she said - and charged that the county “cannot pay for it.”", "cannot pay", "Lena Park"},
		{"adverb opening the sentence",
			"Ana Ruiz spoke first at the hall. Then she cut into Tomas Reyes, calling him “stiff” and accusing him of acting like a “spoiled child.”", "spoiled", "Ana Ruiz"},
		{"time phrase after the subject",
			"Tomas Reyes on Thursday ratcheted up his attacks on the council, saying it was “weak on roads.”", "weak", "Tomas Reyes"},
		{"clause after a comma and a subordinator",
			"Ana Ruiz on Monday signed an order to close the mill, while Tomas Reyes, the county engineer, proposed a “new sluice” and said the council should “pay for it.”", "pay for it", "Tomas Reyes"},
		{"participle after a quotation ending with a comma",
			"Lena Park did not want to discuss “that man,” telling reporters that the mill was “safe for now.”", "safe", "Lena Park"},
		{"infinitive after a participle of going on",
			"“The mill will close in May,” Ana Ruiz said, going on to say that the town had “no other choice.”", "no other choice", "Ana Ruiz"},
		{"place phrase after the subject",
			"One operative inside the town hall tried to play down the remarks, saying they were “not a big deal.”", "big deal", "operative"},
		{"relative pronoun before a phrase between commas",
			"The mayor was milder than her council’s leaders, who, on a press call Friday, criticized Tomas Reyes for “misleading the town.”", "misleading", "leaders"},
		{"participle after a cue and an adverb",
			"Tomas Reyes came late. The fair opened when he formally announced his running mate, calling Lena Park “my partner in this race.”", "my partner", "Tomas Reyes"},
		{"comma after a parenthesis",
			"Sen. Lena Park (D-Kent), said the sluice was “a start.”", "a start", "Lena Park"},
		{"comma after a parenthesis, coordinated verb",
			"Sen. Lena Park (D-Kent), said on Monday that she had not read the plan, but called it a “fair start.”", "fair start", "Lena Park"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := speakerOf(t, c.text, c.words); !strings.Contains(got, c.want) {
				t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
			}
		})
	}
}

// TestSubjectAfterQuotation checks that the subject of an attribution
// after a long quotation speaks for a verb coordinated with its cue, so
// that the next quotation is a quote of its own.
func TestSubjectAfterQuotation(t *testing.T) {
	text := "“We think that the message the council has been sending on roads, schools and the mill, and on bringing work back to a town with no work, will be heard,” Ana Ruiz said at a news conference on Sunday, and then predicted: “The county is ours.”"
	for _, q := range findAll(t, text) {
		if q.Cue != nil && q.Cue.Text == "predicted" && q.Speaker != nil && q.Speaker.Name == "Ana Ruiz" {
			return
		}
	}
	t.Errorf("%q: no quote with the cue %q and the speaker %q", text, "predicted", "Ana Ruiz")
}

// TestCoordinateAgrees checks that a bare verb after "and" does not take
// the subject of a tensed verb after a quotation: in the words the writer
// goes on with, the quotation's own subject speaks.
func TestCoordinateAgrees(t *testing.T) {
	text := "“As sure as you are here, they will call me up within a day,” Tomas Reyes promises, and tell him, “Sir, we are staying.”"
	for _, q := range findAll(t, text) {
		if q.Cue != nil && q.Cue.Text == "tell" && q.Speaker != nil {
			t.Errorf("%q: the cue %q has the speaker %q", text, q.Cue.Text, q.Speaker.Name)
		}
	}
}

// TestInfinitiveAfterReported checks that a cue in the infinitive after a
// verb of going on does not take words before it for its reported clause:
// in “Quiet,” he demanded, as Reyes continued to interject, Reyes reports
// nothing.
func TestInfinitiveAfterReported(t *testing.T) {
	text := "“Quiet,” Ana Ruiz demanded, as Tomas Reyes continued to interject. The hall went still."
	for _, q := range findAll(t, text) {
		if q.Cue != nil && q.Cue.Text == "interject" {
			t.Errorf("%q: a quote %q with the cue %q", text, text[q.Start:q.End], q.Cue.Text)
		}
	}
}

// TestContractedAuxiliary checks that an auxiliary clipped onto a pronoun
// stands between the speaker and the cue ("He’s predicting"), and that
// "been" after one is no verb of its own.
func TestContractedAuxiliary(t *testing.T) {
	qs := findAll(t, "Tomas Reyes spoke at the hall. He’s predicting that the mill will be “closed by May.”")
	if len(qs) != 1 || qs[0].Cue == nil || qs[0].Cue.Text != "predicting" {
		t.Errorf("“He’s predicting”: want one quote with cue “predicting”, got %d quotes", len(qs))
	}
	for _, q := range findAll(t, "Lena Park ran the mill. She’s been investigated by the council for promoting “magic” pills.") {
		if q.Cue != nil && q.Cue.Text == "been" {
			t.Errorf("“She’s been investigated”: quote at %d has the cue “been”", q.Start)
		}
	}
}

// TestNounBeforeTitle checks that a cue word between a name and the title
// of a show it names is a noun: "the KTV show “Morning Kent”" shows nothing.
func TestNounBeforeTitle(t *testing.T) {
	for _, q := range findAll(t, "Ana Ruiz, who, after trading insults with Tomas Reyes, said on the KTV show “Morning Kent” that the toll was “a tax on the poor.”") {
		if q.Cue != nil && q.Cue.Text == "show" {
			t.Errorf("quote at %d has the cue “show”", q.Start)
		}
	}
}

// TestCueAtTheEnd checks that a cue that ends the text, with no room for a
// speaker after it, is no error: “…,” said
func TestCueAtTheEnd(t *testing.T) {
	for _, text := range []string{"“We will not back down,” said", "“We will not back down,” said Ana Ruiz. “Never,” added"} {
		findAll(t, text)
	}
}
