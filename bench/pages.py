#!/usr/bin/env python3
"""Per-page body scores of the benchmarked tools, the per-page best of them
(the oracle), and the pages where extract fails and a peer does not.

Usage:
  pages.py --gold DIR --out DIR [--tools extract,trafilatura,readability]
           [--eval DIR] [--json] [--tsv FILE]

DIR is a gold folder in any of the layouts the shared scorers read: WCXB
(ground-truth/ID.json), ScrapingHub (ground-truth.json), both scored by
body.py's shingle F1, or trafilatura's snippets.json, scored by snippets.py's
page F1 (and micro F1 over snippets for the set). --out is the bench's output
folder with TOOL.jsonl per tool. The scoring functions are imported from the
scorers themselves (--eval, default ../../shared/eval), so the figures are
theirs.

It prints, per tool and for the oracle, the set's figure, and the pages where
extract scores below 0.3 while a peer scores 0.9 or more. --tsv writes one
line per page: ID, then each tool's score.
"""
import argparse
import json
import os
import sys
from collections import Counter


def load_records(path):
    recs = {}
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                recs[os.path.basename(rec.get('source') or '').split('.')[0]] = rec
    return recs


def body_scorer(ev, gold_dir):
    """Per page: (shingle F1,); the set's figure is the mean."""
    gold = ev.load_gold(gold_dir)

    def score(pid, rec):
        text = '' if rec.get('error') else rec.get('text')
        pw, gw = ev.words(text), ev.words(gold[pid]['body'])
        return (ev.prf(ev.shingles(pw), ev.shingles(gw))[2],)

    def figure(parts):
        return sum(p[0] for p in parts) / len(parts)
    return sorted(gold), score, figure


def snippet_scorer(ev, gold_dir):
    """Per page: (page F1, tp, fp, fn); the set's figure is micro F1."""
    with open(os.path.join(gold_dir, 'snippets.json'), encoding='utf-8') as fh:
        gold = json.load(fh)

    def score(pid, rec):
        text = '' if rec.get('error') else ev.fold(rec.get('text'))
        item = gold[pid]
        t = sum(1 for w in item['with'] if text and ev.fold(w) in text)
        f = sum(1 for w in item['without'] if text and ev.fold(w) in text)
        n = len(item['with']) - t
        return (ev.page_f1(t, f, n), t, f, n)

    def figure(parts):
        tp, fp, fn = (sum(p[i] for p in parts) for i in (1, 2, 3))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0
    return sorted(gold), score, figure


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gold', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--tools', default='extract,trafilatura,readability')
    ap.add_argument('--eval', default=os.path.join(here, '..', '..', 'shared', 'eval'))
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--tsv')
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(a.eval))
    snippets = os.path.exists(os.path.join(a.gold, 'snippets.json'))
    if snippets:
        import snippets as ev
        ids, score, figure = snippet_scorer(ev, a.gold)
    else:
        import body as ev
        ids, score, figure = body_scorer(ev, a.gold)
    tools = a.tools.split(',')
    recs = {t: load_records(os.path.join(a.out, t + '.jsonl')) for t in tools}
    per = {t: [score(pid, recs[t].get(pid, {})) for pid in ids] for t in tools}
    best = [max((per[t][i] for t in tools), key=lambda p: p[0]) for i in range(len(ids))]
    out = {t: round(figure(per[t]), 4) for t in tools}
    out['oracle'] = round(figure(best), 4)
    main_tool = tools[0]
    misses = [pid for i, pid in enumerate(ids)
              if per[main_tool][i][0] < 0.3 and any(per[t][i][0] >= 0.9 for t in tools[1:])]
    out['misses'] = misses
    if a.tsv:
        with open(a.tsv, 'w', encoding='utf-8') as fh:
            fh.write('\t'.join(['id'] + tools) + '\n')
            for i, pid in enumerate(ids):
                fh.write('\t'.join([pid] + [f'{per[t][i][0]:.4f}' for t in tools]) + '\n')
    if a.json:
        print(json.dumps(out))
        return
    name = 'snippet F1 (micro)' if snippets else 'shingles_f1'
    for t in tools + ['oracle']:
        print(f'{t:12} {name} {out[t]:.4f}')
    print(f'{main_tool} below 0.3 where a peer scores 0.9 or more: {len(misses)} {" ".join(misses)}')


if __name__ == '__main__':
    main()
