#!/usr/bin/env python3
"""Bucket extract's quotes by confidence and show how often each bucket is right.

Usage: scripts/calibration.py --gold DIR --pred PRED.jsonl

A quote is right when ../shared/eval/quotes.py would count it end to end: it
pairs with a gold attribution and its speaker is right (or the gold has no
source). The pairing is quotes.py's own, imported from its folder.
"""
import argparse
import os
import sys
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', '..', 'shared', 'eval'))
import quotes as Q  # noqa: E402


def right_flags(texts, golds, preds):
    """Yield (confidence, right) for every predicted quote."""
    for name, gitems in golds.items():
        rec = preds.get(name)
        if rec is None or rec.get('text') != texts[name]:
            continue
        pitems = [q for q in rec.get('quotes') or [] if q['end'] > q['start']]
        pairs = sorted(((Q.shared([(q['start'], q['end'])], g['content']), i, j)
                        for i, q in enumerate(pitems) for j, g in enumerate(gitems)), reverse=True)
        used_p, used_g, right = set(), set(), {}
        for s, i, j in pairs:
            if s == 0 or i in used_p or j in used_g:
                continue
            q, g = pitems[i], gitems[j]
            if s * 2 < min(q['end'] - q['start'], Q.length(g['content'])):
                continue
            used_p.add(i)
            used_g.add(j)
            right[i] = Q.speaker_right(q, g, texts[name]) or not g['source']
        for i, q in enumerate(pitems):
            yield q.get('confidence', 0), right.get(i, False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gold', required=True)
    ap.add_argument('--pred', required=True)
    a = ap.parse_args()
    texts, golds = Q.load_gold(a.gold)
    n, ok = Counter(), Counter()
    for conf, right in right_flags(texts, golds, Q.load_pred(a.pred)):
        b = min(int(conf * 10), 9) / 10
        n[b] += 1
        ok[b] += right
    print('| confidence | quotes | right |')
    print('| --- | --- | --- |')
    for b in sorted(n, reverse=True):
        print(f'| {b:.1f}-{b + 0.1:.1f} | {n[b]} | {ok[b] / n[b]:.2f} |')


if __name__ == '__main__':
    main()
