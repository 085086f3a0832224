// Writes the benchmark corpus: every CoNLL and PolNeAR text of ../shared/eval-dev/inputs as an
// article file with front matter (title, outlet, date) and the text unchanged below it.
// The train sets alone hold 1,786 texts, so the dev sets bring the count past 2,000.
//
//   node bench/make-corpus.mjs [EVAL_DIR] [OUT_DIR]   (defaults ../shared/eval-dev, bench/corpus)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = process.argv[2] ?? join(root, '../shared/eval-dev');
const outDir = process.argv[3] ?? join(root, 'bench/corpus');
const FILES = ['conll_train', 'polnear_train', 'conll_dev', 'polnear_dev'];

// PolNeAR ids start with the outlet (`nyt_2016-…`); CoNLL-2003 is Reuters newswire.
const OUTLETS = {
  breitbart: 'Breitbart', 'huff-post': 'HuffPost', nyt: 'The New York Times', politico: 'Politico',
  'usa-today': 'USA Today', 'wash-post': 'The Washington Post', 'west-journal': 'The Western Journal',
};

function frontMatter({ id, text, dct }) {
  const title = text.split('\n').map((line) => line.trim()).find(Boolean);
  const outlet = OUTLETS[id.split('_')[0]] ?? 'Reuters';
  // CoNLL texts carry no dct but a dateline such as `BRUSSELS 1996-08-22`.
  const date = dct ?? text.split('\n').slice(0, 4).join(' ').match(/\b\d{4}-\d\d-\d\d\b/)?.[0];
  return ['---', `title: ${title}`, `outlet: ${outlet}`, ...(date ? [`date: ${date}`] : []), '---', ''].join('\n');
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let count = 0;
for (const name of FILES) {
  for (const line of readFileSync(join(evalDir, 'inputs', `${name}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    writeFileSync(join(outDir, `${doc.id}.txt`), frontMatter(doc) + doc.text);
    count++;
  }
}
console.log(`${count} articles in ${outDir}`);
