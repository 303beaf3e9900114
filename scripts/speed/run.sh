#!/usr/bin/env bash
# Speed and memory benchmark of extract, in one run, printed as a markdown table:
#   (a) extract's whole pipeline (the CLI) over a folder of HTML pages
#   (b) go-trafilatura's extraction alone over the same pages (bench/ -jobs)
#   (c) extract vs compromise (entities and quotations) over plain texts
#   (d) extract's peak memory over SMALL and COUNT pages (the pages repeated)
# then the ratios with their targets. Wall-clock time and peak RSS are measured
# from outside each process; every run's output lines are counted against its
# inputs. See README.md in this folder.
#
# Usage: scripts/speed/run.sh [options]
#   --html DIR         HTML pages, ID.html.gz   (default: REPO/../shared/data/wcxb-dev/html)
#   --texts DIR        plain-text articles      (default: REPO/../shared/data/polnear/dev/text)
#   --text-repeat N    texts are each read N times in (c) (default 5)
#   --count N          pages in the large memory run (default 20000)
#   --small N          pages in the small memory run (default 2000)
#   --jobs N           workers when extract has --jobs, and for trafilatura (default: the cores)
#   --rss time|poll    peak RSS from GNU time -v, or by polling VmHWM (default: time if it works)
#   --tmp DIR          work folder (default: a new temporary folder, removed at the end)
#   --keep             keep the work folder (its records, logs and timings)
#   -h, --help         show this help
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
html=$repo/../shared/data/wcxb-dev/html
texts=$repo/../shared/data/polnear/dev/text
text_repeat=5
count=20000
small=2000
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
jobs=$cores
rss_mode=
tmp=
keep=false

die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--html) html=$2; shift ;;
	--texts) texts=$2; shift ;;
	--text-repeat) text_repeat=$2; shift ;;
	--count) count=$2; shift ;;
	--small) small=$2; shift ;;
	--jobs) jobs=$2; shift ;;
	--rss) rss_mode=$2; shift ;;
	--tmp) tmp=$2; shift ;;
	--keep) keep=true ;;
	-h | --help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument $1 (see --help)" ;;
	esac
	shift
done
for n in "$text_repeat" "$count" "$small" "$jobs"; do
	case $n in '' | *[!0-9]* | 0) die "not a positive whole number: $n" ;; esac
done
[ -d "$html" ] || die "no folder $html (--html)"
[ -d "$texts" ] || die "no folder $texts (--texts)"
html=$(cd "$html" && pwd)
texts=$(cd "$texts" && pwd)

if [ -z "$tmp" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/speed.XXXXXX")
	$keep || trap 'rm -rf "$tmp"' EXIT
fi
mkdir -p "$tmp"
tmp=$(cd "$tmp" && pwd)

# How peak RSS is measured: GNU time's "Maximum resident set size" when
# /usr/bin/time -v works, else the VmHWM of /proc/PID/status, polled.
if [ -z "$rss_mode" ]; then
	rss_mode=poll
	if /usr/bin/time -v -o "$tmp/probe.time" true 2>/dev/null &&
		grep -q 'Maximum resident set size' "$tmp/probe.time"; then
		rss_mode=time
	fi
fi
case $rss_mode in time | poll) ;; *) die "--rss is time or poll, not $rss_mode" ;; esac

# --- build -----------------------------------------------------------------
echo "== building extract, bench and compromise in $tmp" >&2
(cd "$repo" && go build -o "$tmp/extract" ./cmd/extract)
(cd "$repo/bench" && go build -o "$tmp/bench" .)
if [ ! -d "$here/node_modules/compromise" ]; then
	(cd "$here" && npm ci --no-audit --no-fund >&2)
fi
compromise_version=$(node -p "require('$here/node_modules/compromise/package.json').version")

# extract's --jobs flag may not exist yet: use it only when --help lists it.
has_jobs=false
if "$tmp/extract" --help 2>&1 | grep -q -- '--jobs'; then
	has_jobs=true
fi

# --- helpers -----------------------------------------------------------------

# html_inputs DIR / text_inputs DIR: the input files under DIR, sorted.
html_inputs() {
	find -L "$1" -type f \( -iname '*.html' -o -iname '*.htm' -o -iname '*.xhtml' \
		-o -iname '*.html.gz' -o -iname '*.htm.gz' -o -iname '*.xhtml.gz' \) | LC_ALL=C sort
}
text_inputs() {
	find -L "$1" -type f \( -iname '*.txt' -o -iname '*.text' \) | LC_ALL=C sort
}

# repeat_inputs LIST N DST: fills DST with N symlinks to the files named in
# LIST, the list over and over, one subfolder per repeat (rep001, rep002, ...).
# DST is emptied first, so a --tmp folder of an earlier run can be reused.
repeat_inputs() {
	local list=$1 left=$2 dst=$3 per r=0 d
	per=$(wc -l <"$list")
	[ "$per" -gt 0 ] || die "no input files for $dst"
	rm -rf "$dst"
	while [ "$left" -gt 0 ]; do
		r=$((r + 1))
		d=$(printf '%s/rep%03d' "$dst" "$r")
		mkdir -p "$d"
		head -n "$left" "$list" | xargs -d '\n' ln -s -t "$d"
		left=$((left - per))
	done
}

# vmhwm PID: prints the process's peak RSS so far in kB; fails once it has
# exited (a zombie has no VmHWM line).
vmhwm() {
	local k v _
	while read -r k v _; do
		if [ "$k" = VmHWM: ]; then
			echo "$v"
			return 0
		fi
	done 2>/dev/null <"/proc/$1/status"
	return 1
}

# measure KEY WHAT TOOL ITEMS OUT CMD...: runs CMD (its stdout and stderr go
# to KEY.log), takes its wall-clock time and peak RSS, counts the lines of
# OUT and appends a row to results.tsv:
#   key what tool items seconds rss_kb lines_out errors exit_status
measure() {
	local key=$1 what=$2 tool=$3 items=$4 out=$5 start end rc rss pid hwm lines errors
	shift 5
	echo "== $what, $tool: $*" >&2
	echo "$*" >"$tmp/$key.cmd"
	start=$(date +%s%N)
	if [ "$rss_mode" = time ]; then
		if /usr/bin/time -v -o "$tmp/$key.time" "$@" >"$tmp/$key.log" 2>&1; then rc=0; else rc=$?; fi
		rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$tmp/$key.time")
	else
		"$@" >"$tmp/$key.log" 2>&1 &
		pid=$!
		rss=0
		while hwm=$(vmhwm "$pid"); do
			[ "$hwm" -le "$rss" ] || rss=$hwm
			sleep 0.05
		done
		if wait "$pid"; then rc=0; else rc=$?; fi
	fi
	end=$(date +%s%N)
	lines=0 errors=0
	if [ -f "$out" ]; then
		lines=$(wc -l <"$out")
		errors=$(grep -c '"error":' "$out" || true)
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$what" "$tool" "$items" \
		"$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')" \
		"${rss:-0}" "$lines" "$errors" "$rc" >>"$tmp/results.tsv"
	echo "   $items in, $lines out, $errors errors, exit status $rc" >&2
}

# field KEY COLUMN: one column of KEY's row in results.tsv (empty when absent).
field() { awk -F'\t' -v k="$1" -v c="$2" '$1 == k { print $c }' "$tmp/results.tsv"; }
# ms KEY: milliseconds per item; rate KEY: items per second; mb KEY: peak RSS in MB.
ms() { awk -v s="$(field "$1" 5)" -v n="$(field "$1" 4)" 'BEGIN { printf "%.2f", s * 1000 / n }'; }
rate() { awk -v s="$(field "$1" 5)" -v n="$(field "$1" 4)" 'BEGIN { printf "%.1f", n / s }'; }
mb() { awk -v k="$(field "$1" 6)" 'BEGIN { printf "%.1f", k / 1024 }'; }
# fastest KEY...: of the keys that ran, the one with the least time per item.
fastest() {
	awk -F'\t' -v keys=" $* " 'index(keys, " " $1 " ") {
		t = $5 / $4; if (best == "" || t < min) { best = $1; min = t } } END { print best }' "$tmp/results.tsv"
}
# ratio A B OP TARGET: A / B, and whether it meets the target (OP is <= or >=).
ratio() {
	awk -v a="$1" -v b="$2" -v op="$3" -v t="$4" 'BEGIN {
		r = a / b; ok = (op == "<=") ? r <= t : r >= t
		printf "%.2f (target %s %s: %s)", r, op == "<=" ? "≤" : "≥", t, ok ? "met" : "missed" }'
}

: >"$tmp/results.tsv"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(date -u +%FT%TZ), $cores cores, N = $jobs, load average $load_start," \
	"rss by $rss_mode, extract --jobs: $has_jobs" >&2

# --- (a) extract, whole pipeline, HTML pages -----------------------------------
pages=$(html_inputs "$html" | wc -l)
if $has_jobs; then
	measure a_n "(a) HTML pages, whole pipeline" "extract --jobs $jobs" "$pages" "$tmp/a_n.jsonl" \
		"$tmp/extract" --quiet --jobs "$jobs" -o "$tmp/a_n.jsonl" "$html"
	measure a_1 "(a) HTML pages, whole pipeline" "extract --jobs 1" "$pages" "$tmp/a_1.jsonl" \
		"$tmp/extract" --quiet --jobs 1 -o "$tmp/a_1.jsonl" "$html"
	a_main=a_n e_tool="extract --jobs $jobs" e_flags="--jobs $jobs" e1_tool="extract --jobs 1"
else
	measure a_1 "(a) HTML pages, whole pipeline" "extract, no --jobs flag" "$pages" "$tmp/a_1.jsonl" \
		"$tmp/extract" --quiet -o "$tmp/a_1.jsonl" "$html"
	a_main=a_1 e_tool="extract" e_flags= e1_tool="extract"
fi

# --- (b) go-trafilatura alone, same pages ------------------------------------
gz_pages=$(find -L "$html" -maxdepth 1 -type f -name '*.html.gz' | wc -l)
for n in "$jobs" 1; do
	measure "b_$n" "(b) HTML pages, extraction only" "go-trafilatura, $n worker(s)" "$gz_pages" \
		"$tmp/b_$n/trafilatura.jsonl" \
		"$tmp/bench" -in "$html" -out "$tmp/b_$n" -tools trafilatura -jobs "$n"
	[ "$n" != 1 ] || break # one run when there is one core
done

# --- (c) plain texts: extract vs compromise -----------------------------------
text_inputs "$texts" >"$tmp/texts.list"
ntexts=$(($(wc -l <"$tmp/texts.list") * text_repeat))
repeat_inputs "$tmp/texts.list" "$ntexts" "$tmp/texts"
what_c="(c) plain texts ×$text_repeat, entities + quotes"
if $has_jobs; then
	measure c_n "$what_c" "extract --jobs $jobs" "$ntexts" "$tmp/c_n.jsonl" \
		"$tmp/extract" --quiet --jobs "$jobs" -o "$tmp/c_n.jsonl" "$tmp/texts"
	measure c_1 "$what_c" "extract --jobs 1" "$ntexts" "$tmp/c_1.jsonl" \
		"$tmp/extract" --quiet --jobs 1 -o "$tmp/c_1.jsonl" "$tmp/texts"
	c_main=c_n
else
	measure c_1 "$what_c" "extract, no --jobs flag" "$ntexts" "$tmp/c_1.jsonl" \
		"$tmp/extract" --quiet -o "$tmp/c_1.jsonl" "$tmp/texts"
	c_main=c_1
fi
measure c_js "$what_c" "compromise $compromise_version (node $(node --version))" "$ntexts" "$tmp/c_js.jsonl" \
	node "$here/compromise.js" "$tmp/texts" "$tmp/c_js.jsonl"

# --- (d) memory over SMALL and COUNT pages -----------------------------------
html_inputs "$html" >"$tmp/html.list"
for n in "$small" "$count"; do
	repeat_inputs "$tmp/html.list" "$n" "$tmp/pages_$n"
	measure "d_$n" "(d) memory, $n pages" "$e_tool" "$n" "$tmp/d_$n.jsonl" \
		"$tmp/extract" --quiet $e_flags -o "$tmp/d_$n.jsonl" "$tmp/pages_$n"
	$keep || rm -rf "$tmp/d_$n.jsonl" "$tmp/pages_$n" # the large run's records take ~0.5 GB
done

# --- report -----------------------------------------------------------------
echo "| what | tool | items | items/s | ms/item | peak RSS MB | records in/out |"
echo "|---|---|---|---|---|---|---|"
while IFS=$'\t' read -r key what tool items secs rss lines errors rc; do
	io="$items/$lines"
	[ "$items" = "$lines" ] || io="$io (MISMATCH)"
	[ "$errors" = 0 ] || io="$io, $errors errors"
	[ "$rc" = 0 ] || io="$io, exit $rc"
	echo "| $what | $tool | $items | $(rate "$key") | $(ms "$key") | $(mb "$key") | $io |"
done <"$tmp/results.tsv"
echo
a_best=$(fastest a_n a_1) b_best=$(fastest "b_$jobs" b_1) c_best=$(fastest c_n c_1)
echo "- extract ms/page ÷ go-trafilatura ms/page, each at its faster setting" \
	"($(field "$a_best" 3) vs $(field "$b_best" 3)): $(ratio "$(ms "$a_best")" "$(ms "$b_best")" '<=' 1.5)"
if [ "$a_best" != a_1 ] || [ "$b_best" != b_1 ]; then
	echo "- the same on one core ($e1_tool vs 1 worker): $(ratio "$(ms a_1)" "$(ms b_1)" '<=' 1.5)"
fi
echo "- extract texts/s ÷ compromise texts/s ($(field "$c_best" 3) vs compromise):" \
	"$(ratio "$(rate "$c_best")" "$(rate c_js)" '>=' 10)"
if [ "$c_best" != c_1 ]; then
	echo "- the same with $e1_tool: $(ratio "$(rate c_1)" "$(rate c_js)" '>=' 10)"
fi
echo "- peak RSS over $count pages: $(mb "d_$count") MB, target ≤ 200:" \
	"$(awk -v m="$(mb "d_$count")" 'BEGIN { print (m <= 200) ? "met" : "missed" }');" \
	"over $small pages: $(mb "d_$small") MB"
echo
echo "Machine: $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), N = $jobs," \
	"load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
	"peak RSS by $rss_mode; times are the wall clock of each whole process, start-up included."
if awk -v l="${load_start%% *}" 'BEGIN { exit !(l >= 1) }'; then
	echo "Warning: other processes were using the machine when the run started;" \
		"timings vary from run to run, compare rows within one run."
fi
echo
echo "Commands (\$TMP is the work folder):"
echo
while IFS=$'\t' read -r key _; do
	echo "    $(sed "s|$tmp|\$TMP|g; s|$repo/||g" "$tmp/$key.cmd")"
done <"$tmp/results.tsv"
if $keep; then echo "Records, logs and commands: $tmp" >&2; fi
exit 0
