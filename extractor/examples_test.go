package extractor_test

import (
	"context"
	"testing"

	"github.com/extract-news/extract/rules"
)

// TestRuleExamples runs every built-in rule's own examples.
func TestRuleExamples(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	fails, err := newExtractor(t).CheckExamples(context.Background(), set)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fails {
		t.Error(f)
	}
}
