#!/bin/sh
# Runs the extractor benchmark, scores each tool's records with body.py and
# prints one markdown table: tool | shingles_f1 | title_loose | author | date | ms/page.
#
# Usage: ./run.sh [--gold DIR] [--in DIR] [--out DIR] [--tools LIST] [--runs N] [--eval BODY_PY]
# Defaults (relative to this bench/ folder):
#   --gold  ../../shared/data/wcxb-dev        --in   GOLD/html
#   --out   /tmp/bench-out                    --tools extract,trafilatura,readability
#   --runs  1                                 --eval ../../shared/eval/body.py
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gold=$here/../../shared/data/wcxb-dev
in=
out=/tmp/bench-out
tools=extract,trafilatura,readability
runs=1
eval_py=$here/../../shared/eval/body.py

while [ $# -gt 0 ]; do
	case $1 in
	--gold) gold=$2 ;;
	--in) in=$2 ;;
	--out) out=$2 ;;
	--tools) tools=$2 ;;
	--runs) runs=$2 ;;
	--eval) eval_py=$2 ;;
	-h | --help) sed -n '2,9p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift 2
done
[ -n "$in" ] || in=$gold/html
# The Go program runs from bench/, so pass it absolute paths.
in=$(realpath -m "$in")
out=$(realpath -m "$out")
gold=$(realpath -m "$gold")
eval_py=$(realpath -m "$eval_py")

(cd "$here" && go run . -in "$in" -out "$out" -tools "$tools" -runs "$runs")
echo

echo "| tool | shingles_f1 | title_loose | author | date | ms/page |"
echo "|---|---|---|---|---|---|"
for tool in $(echo "$tools" | tr ',' ' '); do
	scores=$(python3 "$eval_py" --gold "$gold" --pred "$out/$tool.jsonl" --json)
	python3 - "$tool" "$scores" "$out/timing.json" <<'PY'
import json, sys
tool, scores, timing = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
with open(timing) as fh:
    ms = json.load(fh)['tools'][tool]['mean_ms']
cell = lambda v: '-' if v is None else f'{v:.4f}'
cols = [cell(scores[k]) for k in ('shingles_f1', 'title_loose', 'author', 'date')]
print('| ' + ' | '.join([tool] + cols + [f'{ms:.1f}']) + ' |')
PY
done
