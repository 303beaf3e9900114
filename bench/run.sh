#!/bin/sh
# Runs the extractor benchmark, scores each tool's records and prints one
# markdown table: tool | shingles_f1 | title_loose | author | date | ms/page
# for a gold set of body.py's layouts (WCXB, ScrapingHub such as Dragnet), or
# tool | f1 | page_f1 | pages_below_0.3 | ms/page for trafilatura's snippets;
# then the per-page best of the tools (the oracle) and the pages where the
# first tool scores below 0.3 while another scores 0.9 or more (pages.py;
# per-page scores in OUT/pages.tsv).
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
	-h | --help) sed -n '2,14p' "$0"; exit 0 ;;
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

# The gold's layout picks the scorer: snippets.json is trafilatura's corpus
# (snippets.py), anything else body.py's (WCXB or ScrapingHub layout).
if [ -f "$gold/snippets.json" ]; then
	scorer=$(dirname "$eval_py")/snippets.py
	keys="f1 page_f1 pages_below_0.3"
else
	scorer=$eval_py
	keys="shingles_f1 title_loose author date"
fi
echo "| tool | $(echo "$keys" | sed 's/ / | /g') | ms/page |"
echo "|---|$(echo "$keys" | sed 's/[^ ]*/---|/g; s/ //g')---|"
for tool in $(echo "$tools" | tr ',' ' '); do
	scores=$(python3 "$scorer" --gold "$gold" --pred "$out/$tool.jsonl" --json)
	python3 - "$tool" "$scores" "$out/timing.json" $keys <<'PY'
import json, sys
tool, scores, timing, keys = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4:]
with open(timing) as fh:
    ms = json.load(fh)['tools'][tool]['mean_ms']
cell = lambda v: '-' if v is None else (str(v) if isinstance(v, int) else f'{v:.4f}')
print('| ' + ' | '.join([tool] + [cell(scores[k]) for k in keys] + [f'{ms:.1f}']) + ' |')
PY
done
echo
python3 "$here/pages.py" --gold "$gold" --out "$out" --tools "$tools" --eval "$(dirname "$eval_py")" --tsv "$out/pages.tsv"
