package quotes

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/rules"
)

// finderWith returns a recognizer and a finder with the built-in rules,
// or with only the given patterns when there are any.
func finderWith(t testing.TB, patterns ...string) (*entities.Recognizer, *Finder) {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.New(set)
	if len(patterns) > 0 {
		set.Patterns = nil
	}
	for i, src := range patterns {
		p, err := rules.ParsePattern(src)
		if err != nil {
			t.Fatal(err)
		}
		set.Patterns = append(set.Patterns, &rules.PatternRule{Rule: rules.Rule{ID: "p" + string(rune('1'+i))}, Pattern: src, Confidence: 0.5, Compiled: p})
	}
	return entities.NewRecognizer(lex, gaz), NewFinder(lex, set)
}

// TestGapsCostLittle checks that a pattern with several ... costs at most
// one try of each gap length from each place, not one try of each way to
// split the words between the gaps: on a sentence of 120 words, three gaps
// of up to 40 units have 41³ such ways.
func TestGapsCostLittle(t *testing.T) {
	recognizer, f := finderWith(t, "SPEAKER CUE ... ,? ... ,? ... QUOTE")
	doc := analyze(t, "Ana Ruiz said "+strings.Repeat("many people ", 60)+"“we will win.”")
	ents, err := recognizer.Find(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	m := &matcher{ctx: context.Background(), f: f, s: newSeq(doc, findQuoted(doc)), ents: ents}
	a, ok := m.attribute(0)
	if !ok || doc.Text[doc.Tokens[a.speaker.first].Start:doc.Tokens[a.speaker.last-1].End] != "Ana Ruiz" {
		t.Fatalf("the pattern did not find Ana Ruiz: %+v, %v", a, ok)
	}
	if limit := 3 * 120 * (maxGap + 1); m.steps > limit {
		t.Errorf("matching took %d steps, want at most %d", m.steps, limit)
	}
}

// TestFindStops checks that the entity and quote stages give the context's
// error when it is done.
func TestFindStops(t *testing.T) {
	recognizer, f := finderWith(t)
	doc := analyze(t, strings.Repeat("“We will win,” Ana Ruiz said. “Not today,” she added.\n\n", 300))
	ctx, cancel := context.WithCancel(context.Background())
	ents, err := recognizer.Find(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := recognizer.Find(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("entities: error %v, want %v", err, context.Canceled)
	}
	if qs, err := f.Find(ctx, doc, ents); !errors.Is(err, context.Canceled) || qs != nil {
		t.Errorf("quotes: %d quotes and error %v, want none and %v", len(qs), err, context.Canceled)
	}
}

// BenchmarkGaps measures the quote stage with one pattern of one, two and
// three ... on a sentence of 200 words that ends with a quotation, too long
// for the gaps to reach the speaker: every split of the words between the
// gaps is a way to try.
func BenchmarkGaps(b *testing.B) {
	doc := analyze(b, "Ana Ruiz said "+strings.Repeat("many people ", 100)+"“we will win.”")
	for gaps := 1; gaps <= rules.MaxGaps; gaps++ {
		recognizer, f := finderWith(b, "SPEAKER CUE"+strings.Repeat(" ... ,?", gaps-1)+" ... QUOTE")
		ents, err := recognizer.Find(context.Background(), doc)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dgaps", gaps), func(b *testing.B) {
			for b.Loop() {
				if _, err := f.Find(context.Background(), doc, ents); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
