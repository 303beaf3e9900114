package quotes

import (
	"context"
	"slices"
	"testing"
)

// findAll runs the entity and quote stages on text with the built-in
// rules and returns the quotes.
func findAll(t *testing.T, text string) []Quote {
	t.Helper()
	recognizer, f := finderWith(t)
	doc := analyze(t, text)
	ents, err := recognizer.Find(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.Find(context.Background(), doc, ents)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// spansOf returns the text of every quote found in text, from its start to
// its end, in text order.
func spansOf(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, q := range findAll(t, text) {
		out = append(out, text[q.Start:q.End])
	}
	return out
}

// TestQuoteSpans checks where the content of an attribution starts and
// ends: what the writer adds around the reported words stays out, and what
// the reported clause holds around the quoted words comes in.
func TestQuoteSpans(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"a relative clause after the reported one is the writer's",
			"Tomas Reyes said that he would “take a look” at the bill, which would give the police more time.",
			"that he would “take a look” at the bill"},
		{"a reported clause goes on over an aside between dashes",
			"Ana Ruiz said that the mayor’s call to “unite the valley” — itself a reply to the council’s motto — was a weak slogan.",
			"that the mayor’s call to “unite the valley” — itself a reply to the council’s motto — was a weak slogan"},
		{"but not over one that something else follows",
			"Ana Ruiz said the plan was “a real promise” — having called it a failure in May — but said she doubted the cost.",
			"the plan was “a real promise”"},
		{"a clause before the quotation starts before an aside between dashes",
			"The toll — a third of the fare — is “a burden on the valley,” Ana Ruiz said.",
			"The toll — a third of the fare — is “a burden on the valley,”"},
		{"a byline glued to a quotation that ends its sentence is the writer's",
			"Ana Ruiz said the plan was “a real mistake.”--Tomas Reyes.",
			"the plan was “a real mistake.”"},
		{"a bracket after a quotation that ends its sentence is the writer's",
			"Ana Ruiz said the plan was “a real mistake.” (The vote was held on Monday.)",
			"the plan was “a real mistake.”"},
		{"a quotation resumes over quoted words in its attribution",
			"“The plan is sound,” said Ana Ruiz, one of the “big four” on the council. “We will build it in May.”",
			"“The plan is sound,” said Ana Ruiz, one of the “big four” on the council. “We will build it in May.”"},
		{"a participle that opens the sentence is not what was said",
			"Bemoaning the “phony system,” Ana Ruiz accused the council of bias.",
			"the “phony system,”"},
		{"what a verb of telling reports opens at that after its addressee, however long",
			"Ana Ruiz told a woman who suggested that some voters would stay home that “this is not the first time.”",
			"that “this is not the first time.”"},
		{"what a verb of telling asks for opens at to after its addressee",
			"Ana Ruiz told the voters at a rally in Dover to “stay home.”",
			"to “stay home.”"},
		{"what a verb of telling reports with no that opens at its subject",
			"Ana Ruiz told host Tomas Reyes a loss is “increasingly likely.”",
			"a loss is “increasingly likely.”"},
		{"a relative clause that quotes is kept",
			"Tomas Reyes said the plan came from Ana Ruiz, whom he called “a builder of bridges.”",
			"the plan came from Ana Ruiz, whom he called “a builder of bridges.”"},
		{"the clause opens at that after the cue's object and adjuncts",
			"Ana Ruiz told a crowded hall in Dover on Monday that the plan was “a mistake.”",
			"that the plan was “a mistake.”"},
		{"a quotation with no mark of its own goes on in the writer's words",
			"Asked about the delay, Ana Ruiz said, “We have two days left” before the vote.",
			"“We have two days left” before the vote"},
		{"a quotation in lower case goes on with the clause the writer began",
			"Ana Ruiz said the town is small, “but we will not give up on the bridge.”",
			"the town is small, “but we will not give up on the bridge.”"},
		{"a quotation in lower case after the cue's object is the quotation alone",
			"Ana Ruiz said of the doctor, “steady hands and a calm mind at every hour.”",
			"“steady hands and a calm mind at every hour.”"},
		{"the words before an attribution that splits the sentence are reported",
			"If the bridge closes, Ana Ruiz said, “we will lose the whole summer.”",
			"If the bridge closes, Ana Ruiz said, “we will lose the whole summer.”"},
		{"one word before such an attribution is not",
			"But, Ana Ruiz said, “we will lose the whole summer.”",
			"“we will lose the whole summer.”"},
		{"nor are the words before a cue that is not alone",
			"Minutes later, Ana Ruiz sent a note saying, “we will lose the whole summer.”",
			"“we will lose the whole summer.”"},
		{"quoted words in the writer's adjunct after the cue are not the quotation's",
			"“We need someone who has built things,” Ana Ruiz said introducing Tomas Reyes as a “builder of bridges.”",
			"“We need someone who has built things,”"},
		{"nor are those after a brief word",
			"“Let me tell you the facts,” Ana Ruiz said after a brief “so sorry” to the crowd.",
			"“Let me tell you the facts,”"},
		{"a reported clause after the cue's adjunct goes on with the quotation",
			"“We are gravely concerned,” the members wrote in a letter to the mayor, that the agency “may have acted too soon.”",
			"“We are gravely concerned,” the members wrote in a letter to the mayor, that the agency “may have acted too soon.”"},
		{"quoted words that echo a quotation span the clause that holds them",
			"“This accord falls well short of the need,” Ana Ruiz said.\n\nThe town hall heard that the accord falls “well short of the need” for the valley.",
			"that the accord falls “well short of the need” for the valley"},
		{"an echo after a noun that names words is the words alone",
			"“This accord falls well short of the need,” Ana Ruiz said.\n\nThe town hall now has the phrase “well short of the need” on a banner.",
			"“well short of the need”"},
		{"an unattributed quotation that goes on in lower case spans the words it goes on with",
			"“We will not back down,” Ana Ruiz said of the harbour plan.\n\nThe board met for hours in Dover — “which is a fine place for a fight.”",
			"for hours in Dover — “which is a fine place for a fight.”"},
		{"a clause of its own after a comma ends the reported one",
			"Ana Ruiz said it would be “very hard” for the town to win the vote, her campaign has argued that the council could still change course.",
			"it would be “very hard” for the town to win the vote"},
		{"a clause after a comma that quotes more goes on",
			"Ana Ruiz said the plan was “a mistake,” the council was “in a hurry” and the town would pay.",
			"the plan was “a mistake,” the council was “in a hurry” and the town would pay"},
		{"someone else's attribution after a comma and but ends the reported clause, also when its cue is two words",
			"Ana Ruiz said the toll is “fair” for all, but critics point to the cost.",
			"the toll is “fair” for all"},
		{"also after a comma inside the quotation marks",
			"Ana Ruiz said the toll is “fair,” but critics say it is too high.",
			"the toll is “fair,”"},
		{"the writer's words before a quotation run into it, and the cue after it stays out",
			"The new toll “could be less about roads than about money,” said Tomas Reyes, a councillor.",
			"The new toll “could be less about roads than about money,”"},
		{"the words before an opening parenthesis are the writer's",
			"The vote drew blowback from the members (“I want my dues back,” wrote Tomas Reyes, a welder), and the board met again.",
			"“I want my dues back,”"},
		{"a parenthesis closed inside the clause does not end it",
			"The council (D-Dover) now says the toll is “fair,” said Tomas Reyes.",
			"The council (D-Dover) now says the toll is “fair,”"},
		{"what a verb of naming names holds its own that-clause",
			"Tomas Reyes dismissed the board's claim that the bridge was safe as “wishful thinking.”",
			"the board's claim that the bridge was safe as “wishful thinking.”"},
		{"and its own relative clause",
			"Ana Ruiz described the meetings that the mayor holds each week as “a show for the cameras.”",
			"the meetings that the mayor holds each week as “a show for the cameras.”"},
		{"and a clause of its own after the object",
			"Ana Ruiz criticized Tomas Reyes as a hypocrite because he had taken “every cent the port offered.”",
			"Tomas Reyes as a hypocrite because he had taken “every cent the port offered.”"},
		{"what a verb of naming names ends where the writer says when",
			"Tomas Reyes described the toll as a “crazy system” during a visit to Dover on Monday.",
			"the toll as a “crazy system”"},
		{"or at a day",
			"Ana Ruiz described the plan as “a disgrace” Wednesday on a radio show in Dover.",
			"the plan as “a disgrace”"},
		{"or where the medium of the words follows, named by a word that is a verb of saying too",
			"Tomas Reyes called the toll “a scandal” in a tweet on Tuesday, and the council met again.",
			"the toll “a scandal”"},
		{"or where and opens a clause with a subject of its own",
			"Ana Ruiz called Tomas Reyes a “good neighbour” and she gave no word about the others.",
			"Tomas Reyes a “good neighbour”"},
		{"or as with a clause of its own",
			"Ana Ruiz praised the plan as “a gift to the harbour” as she promised to defend it in the council.",
			"the plan as “a gift to the harbour”"},
		{"a verb of naming used passively names the quote, not its agent after by",
			"The inquiry, often labeled as a “witch hunt” by the mayor's allies, went on for a year.",
			"as a “witch hunt”"},
		{"the writer's words after a quotation that ends with its own exclamation mark stay out",
			"Tomas Reyes yelled “You lie!” at the mayor during the council meeting.",
			"“You lie!”"},
		{"but not with a participle that opens the sentence",
			"Speaking in Dover on Monday, “no decision has been taken on the bridge.”",
			"“no decision has been taken on the bridge.”"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := spansOf(t, c.text)
			if !slices.Contains(got, c.want) {
				t.Errorf("%q: quotes %q, want one %q", c.text, got, c.want)
			}
		})
	}
}
