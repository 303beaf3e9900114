package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// twoStories writes an English story, with quotes whose text holds commas,
// and straight quotation marks, and a German one into a new
// folder, and returns it.
func twoStories(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "“We owe the city a bridge, one it can trust,” Mayor Elena Duarte said on Monday. " +
			"She called the delay \"unacceptable\".\n\n" +
			"“The \"old\" bridge stays open,” said Mark Hale, the city engineer.\n",
		"b.txt": "„Wir haben lange auf diese Entscheidung gewartet“, sagte Bürgermeisterin Katrin Vogel nach der Sitzung. " +
			"Die Strecke werde vor allem für Schüler sicherer, die bisher auf der Landstraße fahren müssten.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runTable runs extract over twoStories in JSON Lines and as a table,
// and returns the records and the table's rows, read back as RFC 4180 has
// them, and its raw text.
func runTable(t *testing.T, format string) (recs []map[string]any, rows [][]string, out string) {
	t.Helper()
	dir := twoStories(t)
	_, jsonl, _ := runCLI(t, "", nil, dir)
	code, out, errs := runCLI(t, "", nil, "--format", format, dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	return records(t, jsonl), rows, out
}

func TestFormatQuotesCSV(t *testing.T) {
	recs, rows, out := runTable(t, "quotes.csv")
	if !strings.HasSuffix(out, "\r\n") {
		t.Errorf("rows should end with CRLF, as RFC 4180 has it: %q", out[len(out)-10:])
	}
	if !slices.Equal(rows[0], quoteColumns) {
		t.Fatalf("header %q, want %q", rows[0], quoteColumns)
	}
	var want [][]string
	for _, rec := range recs {
		for _, q := range rec["quotes"].([]any) {
			q := q.(map[string]any)
			sp := q["speaker"].(map[string]any)
			want = append(want, []string{rec["source"].(string), q["text"].(string), str(sp["name"]), str(sp["entity"]),
				strconv.FormatFloat(q["confidence"].(float64), 'f', -1, 64)})
		}
	}
	var got [][]string
	for _, r := range rows[1:] {
		got = append(got, []string{r[0], r[8], r[4], r[5], r[10]})
	}
	if len(want) != 3 || !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rows (source, quote, speaker, entity, confidence)\n%q\nwant, as in the JSON records,\n%q", got, want)
	}
	if r := rows[1]; r[6] != "Mayor" || r[9] != "said" || r[7] != "direct" {
		t.Errorf("first row's speaker title, cue, type: %q %q %q; want Mayor, said, direct", r[6], r[9], r[7])
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestFormatEntitiesCSV(t *testing.T) {
	recs, rows, _ := runTable(t, "entities.csv")
	if !slices.Equal(rows[0], entityColumns) {
		t.Fatalf("header %q, want %q", rows[0], entityColumns)
	}
	var want [][]string
	for _, rec := range recs {
		for _, e := range rec["entities"].([]any) {
			e := e.(map[string]any)
			want = append(want, []string{rec["source"].(string), e["id"].(string), e["name"].(string), e["type"].(string),
				str(e["title"]), strconv.Itoa(len(e["mentions"].([]any))), strconv.FormatFloat(e["salience"].(float64), 'f', -1, 64)})
		}
	}
	if len(want) == 0 || !slices.EqualFunc(rows[1:], want, slices.Equal) {
		t.Errorf("rows\n%q\nwant, as in the JSON records,\n%q", rows[1:], want)
	}
}

func TestFormatJSON(t *testing.T) {
	dir := twoStories(t)
	_, jsonl, _ := runCLI(t, "", nil, dir)
	for _, pretty := range []string{"--pretty=false", "--pretty"} {
		code, out, errs := runCLI(t, "", nil, "--format", "json", pretty, dir)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: output is not one JSON array: %v\n%s", pretty, err, out)
		}
		want := records(t, jsonl)
		if len(got) != len(want) || got[0]["text"] != want[0]["text"] || got[1]["language"] != "de" {
			t.Errorf("%s: the array holds %d records, want the %d of JSON Lines", pretty, len(got), len(want))
		}
	}
	if _, out, _ := runCLI(t, "", nil, "--format", "json", t.TempDir()); out != "[]\n" {
		t.Errorf("no records: %q, want an empty array", out)
	}
}

func TestFormatBad(t *testing.T) {
	code, _, errs := runCLI(t, "", nil, "--format", "xml", "-")
	if code != ExitUsage || !strings.Contains(errs, "jsonl, json, quotes.csv, entities.csv") {
		t.Errorf("--format xml: exit %d, %q; want a usage error naming the formats", code, errs)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	code, _, errs = runCLI(t, "", nil, "--format", "quotes.csv", "-o", out, "--resume", "-")
	if code != ExitUsage || !strings.Contains(errs, "--resume") {
		t.Errorf("--resume with a table: exit %d, %q; want a usage error", code, errs)
	}
}

func TestLanguagesFlag(t *testing.T) {
	dir := twoStories(t)
	for _, c := range []struct {
		flag    string
		sources []string
	}{
		{"de", []string{"b.txt"}},
		{"en", []string{"a.txt"}},
		{"EN, de", []string{"a.txt", "b.txt"}},
		{"", []string{"a.txt", "b.txt"}},
	} {
		code, out, errs := runCLI(t, "", nil, "--languages", c.flag, dir)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got []string
		for _, r := range records(t, out) {
			got = append(got, filepath.Base(r["source"].(string)))
		}
		if !slices.Equal(got, c.sources) {
			t.Errorf("--languages %q wrote %q, want %q", c.flag, got, c.sources)
		}
		if left := 2 - len(c.sources); left > 0 && !strings.Contains(errs, "1 left out by --languages") {
			t.Errorf("--languages %q: summary %q should count the article left out", c.flag, errs)
		}
	}
	if code, _, errs := runCLI(t, "", nil, "--languages", "english", dir); code != ExitUsage {
		t.Errorf("--languages english: exit %d, %q; want a usage error", code, errs)
	}
}

// TestOwnFieldsTravel checks that a JSON Lines line's id and other fields
// come back in its record, so that results join back to the user's data.
func TestOwnFieldsTravel(t *testing.T) {
	in := `{"id": 17, "text": "“We will rebuild it,” Mayor Elena Duarte said.", "desk": "metro", "tags": ["bridge"]}` + "\n" +
		`{"id": "b-2", "html": "<html><body><p>Die Stadt hat am Montag beschlossen, die alte Brücke über die Ilm abzureißen und bis zum Herbst eine neue zu bauen.</p></body></html>"}` + "\n" +
		`{"text": "No id here."}` + "\n"
	code, out, errs := runCLI(t, in, nil, "-")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := records(t, out)
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	meta, _ := json.Marshal(recs[0]["meta"])
	if recs[0]["id"] != 17.0 || string(meta) != `{"desk":"metro","tags":["bridge"]}` {
		t.Errorf("first record: id %v, meta %s; want 17 and the line's other fields", recs[0]["id"], meta)
	}
	if recs[1]["id"] != "b-2" || recs[1]["meta"] != nil || recs[1]["language"] != "de" {
		t.Errorf("second record: id %v, meta %v, language %v; want b-2, no meta, de", recs[1]["id"], recs[1]["meta"], recs[1]["language"])
	}
	if _, ok := recs[2]["id"]; ok {
		t.Errorf("a line without an id gave a record with one: %v", recs[2]["id"])
	}
	_, csvOut, _ := runCLI(t, in, nil, "--format", "quotes.csv", "-")
	if !strings.Contains(csvOut, "Elena Duarte") {
		t.Errorf("quotes.csv of JSON Lines lacks the quote: %q", csvOut)
	}
}
