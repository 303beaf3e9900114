package nlp

import (
	"context"
	"strings"
	"testing"
	"unsafe"
)

func newAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := NewAnalyzer([]string{"Gen.", "Lt."})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// longLine is a paragraph longer than a line of text wrapped at a fixed width.
var longLine = strings.Repeat("A sentence of a news paragraph. ", 5)[:150]

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One.\nTwo.\n\n", []string{"One.", "Two."}},
		{"Title\n\nFirst line\nstill first.\n\n  Second.  \n", []string{"Title", "First line\nstill first.", "Second."}},
		{"", nil},
		{"\n\n\n", nil},
		// news text with a paragraph on each line, and a blank line here and there
		{"Headline\n\n" + longLine + "\n" + longLine + "\n\nEnd.", []string{"Headline", longLine, longLine, "End."}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Paragraphs(tt.text) {
			got = append(got, tt.text[p[0]:p[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// joinedTokens analyzes text and returns the analysis and its tokens joined
// by spaces, checking that each token's offsets hold its text.
func joinedTokens(t *testing.T, text string) (*Doc, string) {
	t.Helper()
	doc, err := newAnalyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tok := range doc.Tokens {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at %d:%d holds %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		words = append(words, tok.Text)
	}
	return doc, strings.Join(words, " ")
}

func TestAnalyzeKeepsOffsets(t *testing.T) {
	text := "Kyiv’s priorities—and the U.S. “plan”… were set.\n\n“We’re hopeful,” said Ms. Ruiz. She left."
	doc, joined := joinedTokens(t, text)
	for _, want := range []string{"Kyiv ’s priorities — and", "“ plan ” …", "“ We ’re hopeful , ” said Ms. Ruiz ."} {
		if !strings.Contains(joined, want) {
			t.Errorf("tokens %q lack %q", joined, want)
		}
	}
	if len(doc.Paragraphs) != 2 {
		t.Fatalf("got %d paragraphs, want 2", len(doc.Paragraphs))
	}
	if n := doc.Paragraphs[1].Last - doc.Paragraphs[1].First; n != 2 {
		t.Errorf("second paragraph has %d sentences, want 2", n)
	}
	tags := map[string]string{}
	for _, tok := range doc.Tokens {
		tags[tok.Text] = tok.Tag
	}
	for word, want := range map[string]string{"said": "VBD", "’s": "POS", "—": ":", "“": "``", "”": "''"} {
		if tags[word] != want {
			t.Errorf("tag of %q = %q, want %q", word, tags[word], want)
		}
	}
}

func TestAnalyzeStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newAnalyzer(t).Analyze(ctx, "One.\nTwo."); err == nil {
		t.Error("no error from a cancelled context")
	}
}

func BenchmarkAnalyze(b *testing.B) {
	a := newAnalyzer(b)
	text := strings.Repeat("“The administration feels very optimistic,” White House Press Secretary Karoline Leavitt said on Tuesday. Kyiv’s priorities remain.\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := a.Analyze(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLongRuns cuts runs of text without white space that prose's
// tokenizer would take quadratic time over into words and marks.
func TestLongRuns(t *testing.T) {
	text := "He said " + strings.Repeat("“", 3000) + "x\xff" + strings.Repeat("ab-", 50) + "” then left."
	doc, err := newAnalyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, tok := range doc.Tokens {
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q at %d:%d holds %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		counts[tok.Text]++
	}
	if counts["“"] != 3000 || counts["ab"] != 50 || counts["x"] != 1 || counts["\xff"] != 1 || counts["said"] != 1 || counts["left"] != 1 {
		t.Errorf("token counts: “ %d, ab %d, x %d, invalid byte %d, said %d, left %d",
			counts["“"], counts["ab"], counts["x"], counts["\xff"], counts["said"], counts["left"])
	}
}

// TestNormSharesText checks that a token whose Norm is its own text holds
// no copy of it, so that a long article's tokens do not hold the text twice.
func TestNormSharesText(t *testing.T) {
	text := "the talks were “constructive,” Zelensky said of Ukraine’s plan."
	doc, err := newAnalyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, tok := range doc.Tokens {
		if tok.Norm == tok.Text {
			same++
			if unsafe.StringData(tok.Norm) != unsafe.StringData(tok.Text) {
				t.Errorf("token %q: Norm is a copy of the text", tok.Text)
			}
		}
	}
	if same < 5 {
		t.Errorf("only %d tokens are their own Norm", same)
	}
}

// TestStrayPeriod checks that a name does not keep the period that ends its
// sentence, while abbreviations, initials and acronyms do.
func TestStrayPeriod(t *testing.T) {
	text := "The plan was backed by Joe Kim. He said so.\n\nIt was signed by Walter Brennan.\n\nSaid Del. Stacey Plaskett, Lt. Gen. Mark Hale and J. Ruiz of the U.S. Army."
	_, joined := joinedTokens(t, text)
	for _, want := range []string{"Joe Kim . He", "Walter Brennan .", "Del. Stacey", "Lt. Gen. Mark", "J. Ruiz", "U.S. Army"} {
		if !strings.Contains(joined, want) {
			t.Errorf("tokens %q; want %q in them", joined, want)
		}
	}
}

// TestContractions checks that "'d" and "'ve" stand apart from their word,
// as prose already cuts "'ll", "'s" and "n't", so that "he'd" is a pronoun
// and a modal: "Ruiz said he’d go" reports a clause.
func TestContractions(t *testing.T) {
	got := tokenTexts(t, "Ruiz said he’d go, and they've gone. O'Neill stayed.")
	if want := "Ruiz|said|he|’d|go|,|and|they|'ve|gone|.|O'Neill|stayed|."; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

func TestNamesWithApostrophes(t *testing.T) {
	got := tokenTexts(t, "Martin O’Malley said it. “We won,” O'Malley said, and Dinesh D’Souza left.")
	if want := "Martin|O’Malley|said|it|.|“|We|won|,|”|O'Malley|said|,|and|Dinesh|D’Souza|left|."; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

// TestGluedSentences checks that two sentences a typing slip ran together
// ("said.Trump"), and a byline glued to a brief's last sentence, are split,
// while web addresses and abbreviations are not.
func TestGluedSentences(t *testing.T) {
	doc := analyzed(t, "“We will win,” Ruiz said.Reyes claimed the vote was close. Ask them!”Then it ended. See Politico.com or the U.S.Army site. He said it was “done.”--Ann Lee.")
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, doc.Text[s.Start:s.End])
	}
	want := []string{"“We will win,” Ruiz said.", "Reyes claimed the vote was close.", "Ask them!”", "Then it ended.", "See Politico.com or the U.S.Army site.", "He said it was “done.”", "--Ann Lee."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// analyzed analyzes text with the test analyzer.
func analyzed(t *testing.T, text string) *Doc {
	t.Helper()
	doc, err := newAnalyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// tokenTexts returns the texts of text's tokens, joined by "|".
func tokenTexts(t *testing.T, text string) string {
	t.Helper()
	var got []string
	for _, tok := range analyzed(t, text).Tokens {
		got = append(got, tok.Text)
	}
	return strings.Join(got, "|")
}
