package language

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		want, text string
	}{
		{"en", "The city council voted on Tuesday to extend the cycle path along the river, and work is to start next spring."},
		{"de", "Der Gemeinderat hat am Dienstagabend beschlossen, den Radweg entlang der Ilm bis zum Nachbarort zu verlängern."},
		{"fr", "La médiathèque rouvre ses portes samedi après six mois de travaux, avec une salle de lecture agrandie."},
		{"es", "La biblioteca municipal abrirá también los sábados por la tarde a partir del próximo mes, según anunció el concejal."},
		{"it", "Il consiglio comunale ha approvato martedì sera il nuovo piano per la pista ciclabile lungo il fiume."},
	} {
		g := Detect(c.text)
		if g.Code != c.want || !g.Reliable {
			t.Errorf("Detect(%.30q...) = %+v, want %s, reliable", c.text, g, c.want)
		}
	}
}

func TestDetectShortTextIsNotReliable(t *testing.T) {
	if g := Detect("Die Stadt"); g.Reliable {
		t.Errorf("Detect of two words = %+v, want an unreliable guess", g)
	}
	if g := Detect(""); g.Code != "" || g.Reliable {
		t.Errorf("Detect of no text = %+v, want none", g)
	}
}

// A results table under a headline in capitals is no prose to tell the
// language by; the line of running text after it is.
func TestDetectReadsTheProse(t *testing.T) {
	text := "SOCCER - YUGOSLAV LEAGUE RESULTS / STANDINGS .\nBELGRADE 1996-08-31\n" +
		strings.Repeat("Partizan 2 Vojvodina 0\nCrvena Zvezda 1 Buducnost 1\nProleter 3 Rad 2\n", 12) +
		"Results of the league matches played on Saturday, with the standings after the third round of the season.\n"
	if g := Detect(text); g.Code != "en" || !g.Reliable {
		t.Errorf("Detect = %+v, want en, reliable", g)
	}
	if s := sample(text, SampleBytes); strings.Contains(s, "Partizan") {
		t.Errorf("sample holds the table: %q", s)
	}
}

func TestSampleIsBounded(t *testing.T) {
	text := strings.Repeat("the council met again on a long and quiet evening in spring\n", 100)
	s := sample(text, SampleBytes)
	if len(s) > SampleBytes || len(s) < SampleBytes-80 || strings.HasSuffix(s, " ") {
		t.Errorf("sample is %d bytes ending %q, want up to %d cut after a word", len(s), s[len(s)-10:], SampleBytes)
	}
	if got := sample("日本語の文章です。", SampleBytes); got != "日本語の文章です。" {
		t.Errorf("sample of a text without prose lines = %q, want the text", got)
	}
}
