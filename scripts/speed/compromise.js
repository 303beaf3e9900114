#!/usr/bin/env node
// The baseline that run.sh times extract against on plain texts: for every
// .txt/.text file under DIR (walked recursively in sorted order, symlinks
// followed, as extract walks a folder), compromise finds the people,
// organizations, places and quotations, and one JSON line per file goes to
// OUT (standard output without it):
//   {"source": PATH, "people": [...], "organizations": [...], "places": [...], "quotations": [...]}
//
// Usage: node compromise.js DIR [OUT]
'use strict';
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

// files returns the paths of the plain-text files under dir, sorted by name.
function files(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isDirectory()) out.push(...files(p));
    else if (/\.(txt|text)$/i.test(name)) out.push(p);
  }
  return out;
}

// analyse returns one text's record.
function analyse(source, text) {
  const doc = nlp(text);
  return {
    source,
    people: doc.people().out('array'),
    organizations: doc.organizations().out('array'),
    places: doc.places().out('array'),
    quotations: doc.quotations().out('array'),
  };
}

function main() {
  const [dir, outPath] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node compromise.js DIR [OUT]\n');
    process.exit(2);
  }
  const fd = outPath ? fs.openSync(outPath, 'w') : 1;
  for (const p of files(dir)) {
    const rec = analyse(p, fs.readFileSync(p, 'utf8'));
    fs.writeSync(fd, JSON.stringify(rec) + '\n');
  }
  if (outPath) fs.closeSync(fd);
}

main();
