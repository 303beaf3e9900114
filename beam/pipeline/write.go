package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.Emitter2[int, string]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeFn{})
	register.Iter1[string]()
}

// writeShards writes lines to shards files named prefix-SSSSS-of-NNNNN.jsonl,
// each line to the shard its hash picks, so that a retried write rewrites
// the same file with the same lines. A shard that gets no line is not
// written.
func writeShards(s beam.Scope, prefix string, shards int, lines beam.PCollection) {
	s = s.Scope("write")
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	grouped := beam.GroupByKey(s, keyed)
	beam.ParDo0(s, &writeFn{Prefix: prefix, Shards: shards}, grouped)
}

// ShardName is the name of shard n of shards with the given prefix.
func ShardName(prefix string, n, shards int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, n, shards)
}

// shardFn keys each line by its shard.
type shardFn struct {
	Shards int `json:"shards"`
}

// ProcessElement emits line keyed by the shard its hash picks.
func (fn *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(fn.Shards)), line)
}

// writeFn writes the lines of one shard to its file, one line each.
type writeFn struct {
	Prefix string `json:"prefix"`
	Shards int    `json:"shards"`
}

// ProcessElement writes shard's file.
func (fn *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(fn.Prefix, shard, fn.Shards)
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := writeLines(w, lines); err != nil {
		w.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// writeLines writes each line and its end to w through a buffer.
func writeLines(w io.Writer, lines func(*string) bool) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var line string
	for lines(&line) {
		if _, err := bw.WriteString(line); err != nil {
			return err
		}
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return bw.Flush()
}
