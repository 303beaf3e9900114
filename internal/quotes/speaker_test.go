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
// appositive; the subject of a clause that a hyphen typed for a dash or a
// conjunction opens, which speaks for a verb coordinated with its own.
func TestSpeakerCases(t *testing.T) {
	for _, c := range []struct{ name, text, words, want string }{
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
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := speakerOf(t, c.text, c.words); !strings.Contains(got, c.want) {
				t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
			}
		})
	}
}
