package cli

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeRecord runs the README's example and checks that the record the
// README shows is the record extract writes.
func TestReadmeRecord(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)[strings.Index(string(readme), "## A record"):]
	input := regexp.MustCompile(`(?m)^echo '(.*)' \| extract --pretty$`).FindStringSubmatch(section)
	block := regexp.MustCompile("(?s)```json\n(.*?)```").FindStringSubmatch(section)
	if input == nil || block == nil {
		t.Fatal("README's \"A record\" section lacks its echo command or its JSON block")
	}
	code, out, errs := runCLI(t, input[1]+"\n", nil, "--pretty")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got, want any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(block[1]), &want); err != nil {
		t.Fatalf("README's record is not JSON: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("README's record differs from what extract writes; write this into it:\n%s", out)
	}
}
