package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/extract-news/extract/rules"
)

// Rules are a folder of the user's rules, read where the pipeline is built,
// so that they travel inside the pipeline to workers that cannot see that
// folder. The zero Rules are the built-in rules alone.
type Rules struct {
	// Dir is the folder as the user named it, which the command's messages
	// about the rules name too.
	Dir string `json:"dir"`
	// Files maps each .yaml or .yml file at the top of Dir to its content.
	Files map[string]string `json:"files"`
}

// ReadRules reads the rule files of dir; an empty dir gives the built-in
// rules alone.
func ReadRules(dir string) (Rules, error) {
	if dir == "" {
		return Rules{}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Rules{}, fmt.Errorf("reading rules folder %s: %w", dir, err)
	}
	r := Rules{Dir: dir, Files: map[string]string{}}
	for _, e := range entries {
		ext := filepath.Ext(e.Name()) // as rules.LoadDir tells them
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return Rules{}, fmt.Errorf("reading rules folder %s: %w", dir, err)
		}
		r.Files[e.Name()] = string(data)
	}
	return r, nil
}

// Load compiles the rules as the extract command does with --rules Dir, or
// with no --rules when Dir is empty.
func (r Rules) Load() (*rules.Set, error) {
	if r.Dir == "" {
		return rules.Default()
	}
	fsys := fstest.MapFS{}
	for name, data := range r.Files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	set, err := rules.LoadDir(r.Dir, fsys)
	if err != nil {
		return nil, fmt.Errorf("loading the rules: %w", err)
	}
	return set, nil
}
