package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// TestWriteJSON checks the bytes of a record: every field in order, unknown
// metadata as null, empty lists as [], HTML characters escaped, analyzed
// only when the text was cut; a failed record has its source and error
// only. MarshalJSON writes the same.
func TestWriteJSON(t *testing.T) {
	name := "Elena Duarte"
	tests := []struct {
		rec  Record
		want string
	}{
		{Record{Source: "a.txt", Text: "Tom & Jerry <b>"},
			`{"source":"a.txt","url":null,"title":null,"authors":[],"published":null,"site":null,"language":null,"language_source":null,` +
				`"text":"Tom \u0026 Jerry \u003cb\u003e","entities":[],"quotes":[]}`},
		{Record{Source: "b.html", Title: "Bridge", Authors: []string{"Ann Lee"}, Language: "en", Text: "“Yes,” she said.",
			Entities: []Entity{{ID: "e1", Name: name, Type: "PERSON", Salience: 1, Mentions: []Mention{{0, 3, "She"}}}},
			Quotes:   []Quote{{ID: "q1", Type: "direct", Text: "“Yes,”", End: 6, Speaker: &Speaker{Name: &name, Start: 7, End: 10, Text: "she"}, Confidence: 0.9}}},
			`{"source":"b.html","url":null,"title":"Bridge","authors":["Ann Lee"],"published":null,"site":null,"language":"en","language_source":null,` +
				`"text":"“Yes,” she said.","entities":[{"id":"e1","name":"Elena Duarte","type":"PERSON","aliases":null,"salience":1,` +
				`"mentions":[{"start":0,"end":3,"text":"She"}]}],"quotes":[{"id":"q1","type":"direct","text":"“Yes,”","start":0,"end":6,` +
				`"speaker":{"name":"Elena Duarte","entity":null,"start":7,"end":10,"text":"she"},"cue":null,"confidence":0.9}]}`},
		{Record{Source: "d.txt", Text: "Long text", Analyzed: 4},
			`{"source":"d.txt","url":null,"title":null,"authors":[],"published":null,"site":null,"language":null,"language_source":null,` +
				`"text":"Long text","analyzed":4,"entities":[],"quotes":[]}`},
		{Failed("c.html", errors.New("c.html: parsing HTML: too deep")), `{"source":"c.html","error":"c.html: parsing HTML: too deep"}`},
		{Record{Source: "f:1", ID: json.RawMessage(`"a1"`), Meta: json.RawMessage(`{"desk":"metro"}`), Text: "T", Language: "de",
			LanguageSource: FromDetection, Skipped: []string{"entities", "quotes"}},
			`{"source":"f:1","id":"a1","meta":{"desk":"metro"},"url":null,"title":null,"authors":[],"published":null,"site":null,` +
				`"language":"de","language_source":"detection","text":"T","skipped":["entities","quotes"],"entities":[],"quotes":[]}`},
		{Record{Source: "f:2", ID: json.RawMessage(`7`), Error: "f:2: parsing HTML: too deep"},
			`{"source":"f:2","id":7,"error":"f:2: parsing HTML: too deep"}`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := tt.rec.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("WriteJSON wrote\n%s\nwant\n%s", b.String(), tt.want)
		}
		if m, err := json.Marshal(tt.rec); err != nil || string(m) != tt.want {
			t.Errorf("json.Marshal wrote\n%s (%v)\nwant\n%s", m, err, tt.want)
		}
	}
}
