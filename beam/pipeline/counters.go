package pipeline

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
)

// Counters are the job's counters in the namespace extract.
type Counters struct {
	Files    int64 // files matched and read
	Articles int64 // records written, error records included
	Failures int64 // error records
	Quotes   int64 // quotes in the records
}

// CountersOf reads the counters of a finished job, as its runner reports
// them (committed values where the runner has them, else attempted ones).
func CountersOf(res beam.PipelineResult) Counters {
	var c Counters
	if res == nil {
		return c
	}
	fields := map[string]*int64{"files": &c.Files, "articles": &c.Articles, "failures": &c.Failures, "quotes": &c.Quotes}
	inExtract := func(r metrics.SingleResult) bool { return r.Namespace() == "extract" }
	for _, r := range res.Metrics().Query(inExtract).Counters() {
		if f, ok := fields[r.Name()]; ok {
			*f += r.Result()
		}
	}
	return c
}
