package quotes

import (
	"context"
	"strings"
	"testing"
)

// TestOuterSource checks that "according to" in the sentence of a quote's
// cue names whom the writer reports the words from, before the cue or
// after it, but not across a stop of the writer's that the tagger's
// sentence runs on past.
func TestOuterSource(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"after the cue", "“We will not back down,” Ana Ruiz said, according to the Harbour Times.", "Harbour Times"},
		{"opening the sentence", "According to the Harbour Times, Ana Ruiz said: “We will not back down.”", "Harbour Times"},
		{"none", "“We will not back down,” Ana Ruiz said on Monday.", "Ana Ruiz"},
		{"not across a stop", "The toll rose, according to Harbour.com. “We will not back down,” Ana Ruiz told the website.", "Ana Ruiz"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, q := range findAll(t, c.text) {
				if q.Speaker != nil && strings.Contains(c.text[q.Start:q.End], "back down") {
					got = append(got, q.Speaker.Name)
				}
			}
			ok := len(got) > 0
			for _, name := range got {
				ok = ok && strings.Contains(name, c.want)
			}
			if !ok {
				t.Errorf("%q: speakers of the quotation %q, want %q", c.text, got, c.want)
			}
		})
	}
}

// BenchmarkLongSentence finds the quotes of one long sentence that holds
// many attributed quotes and no stop: the work for each quote must not
// grow with the sentence (it did when outerSource read the whole sentence
// for each quote).
func BenchmarkLongSentence(b *testing.B) {
	recognizer, f := finderWith(b)
	text := strings.Repeat("“a plan,” she said, ", 4000) + "and left."
	doc := analyze(b, text)
	ents, err := recognizer.Find(context.Background(), doc)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.Find(context.Background(), doc, ents); err != nil {
			b.Fatal(err)
		}
	}
}
