package quotes

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/rules"
)

// FuzzFind feeds the quote finder arbitrary text: it must not panic, and
// every span it returns must lie inside the text, on character boundaries,
// with its parts inside the quote. Whatever marks the text holds (a stray
// one, one typed the wrong way), the paragraphs after it keep their quotes
// and speakers.
func FuzzFind(f *testing.F) {
	set, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	lex := lexicon.New(set)
	gaz, err := gazetteer.Load()
	if err != nil {
		f.Fatal(err)
	}
	analyzer, err := nlp.NewAnalyzer(nil)
	if err != nil {
		f.Fatal(err)
	}
	recognizer, finder := entities.NewRecognizer(lex, gaz), NewFinder(lex, set)
	for _, s := range []string{
		"“We are ready,” she said. “Go.”\n\n“More,” he added, “and more",
		"He said, ''It is done.'' ''Again,'' said Ana Ruiz (R-Ohio), a judge, of the court.",
		"According to , “x” — Ana",
		"“", "\"\"\"", "said said said “ ” “",
		"Ana, who, said: “A” and “B” and “C,” she, the chair, said, adding, “D.”",
		"He says,” there are many.”", "\u202a”Sorry,” wrote Ana.", "“Why us?” he said, “and", "She said \"no and left.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		find := func(text string) []Quote {
			ctx := context.Background()
			doc, err := analyzer.Analyze(ctx, text)
			if err != nil {
				t.Fatal(err)
			}
			ents, err := recognizer.Find(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			qs, err := finder.Find(ctx, doc, ents)
			if err != nil {
				t.Fatal(err)
			}
			return qs
		}
		checkSpans(t, text, find(text))
		checkTail(t, text, find(text+"\n\n"+fuzzTail))
	})
}

// fuzzTail is two attributed paragraphs that a fuzzed text comes before.
const fuzzTail = "“We will not back down,” Ana Ruiz said.\n\nTomas Reyes said: “The bridge is safe.”"

// checkTail checks that the quotes of fuzzTail, found in qs after text,
// keep their speakers, whatever marks text holds.
func checkTail(t *testing.T, text string, qs []Quote) {
	t.Helper()
	var got []string
	for _, q := range qs {
		if q.Start >= len(text)+2 && q.Speaker != nil {
			got = append(got, q.Speaker.Name)
		}
	}
	if strings.Join(got, ", ") != "Ana Ruiz, Tomas Reyes" {
		t.Fatalf("after %q the next paragraphs' speakers are %q, want Ana Ruiz, Tomas Reyes", text, got)
	}
}

// checkSpans checks that every span of the quotes lies inside text.
func checkSpans(t *testing.T, text string, qs []Quote) {
	t.Helper()
	for _, q := range qs {
		checkSpan(t, text, q.Start, q.End)
		for _, p := range q.Parts {
			checkSpan(t, text, p.Start, p.End)
			if p.Start < q.Start || p.End > q.End {
				t.Fatalf("part %d:%d outside quote %d:%d", p.Start, p.End, q.Start, q.End)
			}
		}
		if q.Cue != nil {
			checkSpan(t, text, q.Cue.Start, q.Cue.End)
		}
		if q.Speaker != nil {
			checkSpan(t, text, q.Speaker.Start, q.Speaker.End)
		}
	}
}

func checkSpan(t *testing.T, text string, start, end int) {
	t.Helper()
	if start < 0 || end > len(text) || start > end {
		t.Fatalf("span %d:%d outside a text of %d bytes", start, end, len(text))
	}
	if !utf8.RuneStart(text[start]) && start < len(text) || end < len(text) && !utf8.RuneStart(text[end]) {
		t.Fatalf("span %d:%d cuts a character", start, end)
	}
}
