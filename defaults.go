// Package extract holds what the extract command and library ship with: the
// default configuration, embedded so that the binary runs from any folder.
// The pipeline itself is in package extractor; the command in cmd/extract.
package extract

import (
	"bytes"
	_ "embed"
)

//go:embed config.yaml
var defaultConfig []byte

// DefaultConfig returns config.yaml: every setting with its default value
// and an explanation.
func DefaultConfig() []byte { return bytes.Clone(defaultConfig) }
