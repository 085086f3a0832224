// `./dev bench` (which builds everything first): extraction throughput of the core natively, as wasm
// and of the JavaScript peers on the same texts, the cross-article analysis of the corpus, the time
// to the overview in headless Chromium, and the app's sizes. Prints one table.
//
// Throughput is bytes of article text per CPU second: these machines are shared, and wall time
// would also count the other jobs. Every engine sees the texts `triangulate articles` loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const cli = join(target, 'release/triangulate');
const corpus = join(root, 'bench/corpus');
const dists = { seed: join(target, 'bench/dist-seed'), corpus: join(target, 'bench/dist-corpus') };
const require = createRequire(import.meta.url);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/**
 * Calls `count(text, dct)` on every article once as a warm-up (until V8 has optimized the hot code:
 * after a 50-article warm-up, wasm and wink-nlp still ran their first pass 10–30% slower), then
 * times three more passes and keeps the median, the same for every engine.
 */
function timePass(articles, count) {
  for (const a of articles) count(a.text, a.date ?? '');
  const passes = [0, 1, 2].map(() => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    let items = 0;
    for (const a of articles) items += count(a.text, a.date ?? '');
    const used = process.cpuUsage(cpu);
    return { items, cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall) / 1000 };
  });
  return passes.sort((a, b) => a.cpu - b.cpu)[1];
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const rows = [];
const row = (what, value, note = '') => rows.push([what, value, note]);

const articles = JSON.parse(run(cli, ['articles', corpus]));
const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
const mb = bytes / 1e6;
row('corpus', `${articles.length} articles`, `${mb.toFixed(2)} MB of text`);

const native = JSON.parse(run(cli, ['bench', corpus]));
if (native.bytes !== bytes) throw new Error(`native read ${native.bytes} bytes, Node ${bytes}`);

const wasm = require(join(target, 'bench/wasm/triangulate_wasm.js'));
const full = timePass(articles, wasm.extract_count);
if (full.items !== native.items) throw new Error(`wasm found ${full.items} items, native ${native.items}`);
const entities = timePass(articles, (text) => wasm.entities_count(text));

const winkNLP = require('wink-nlp');
const wink = winkNLP(require('wink-eng-lite-web-model'));
const winkPass = timePass(articles, (text) => wink.readDoc(text).entities().out().length);

const compromise = require('compromise');
const compromisePass = timePass(articles, (text) => {
  const doc = compromise(text);
  return doc.people().length + doc.places().length + doc.organizations().length + doc.quotations().length;
});
for (const [name, pass] of [['wink-nlp', winkPass], ['compromise', compromisePass]]) {
  if (pass.items === 0) throw new Error(`${name} found nothing`);
}

const rate = (seconds) => mb / seconds;
const ratio = (ours, theirs) => `${(theirs.cpu / ours.cpu).toFixed(1)}×`;
row('native extract() (release CLI)', `${rate(native.extract.cpu).toFixed(2)} MB/s`, `${native.items} items, ${native.extract.wall.toFixed(1)} s wall`);
row('wasm extract() in Node', `${rate(full.cpu).toFixed(2)} MB/s`, `same ${full.items} items, ${full.wall.toFixed(1)} s wall`);
row('wasm entity pass only', `${rate(entities.cpu).toFixed(2)} MB/s`, `${entities.items} entities`);
row('wink-nlp readDoc + entities()', `${rate(winkPass.cpu).toFixed(2)} MB/s`, `${winkPass.items} entities`);
row('compromise people/places/orgs/quotes', `${rate(compromisePass.cpu).toFixed(3)} MB/s`, `${compromisePass.items} matches`);
row('ours full wasm / wink entities', ratio(full, winkPass), 'target ≥ 5×');
row('ours wasm entities / wink entities', ratio(entities, winkPass), 'like for like');
row('ours full wasm / compromise', ratio(full, compromisePass), 'target ≥ 100×');

const output = join(mkdtempSync(join(tmpdir(), 'triangulate-bench-')), 'analysis.json');
const started = performance.now();
run(cli, ['analyze', corpus, '--output', output]);
const analyzeWall = (performance.now() - started) / 1000;
row('`triangulate analyze bench/corpus`', `${analyzeWall.toFixed(1)} s wall`, 'load + extract + compare + JSON');
row('  per-article extraction', `${native.extract.cpu.toFixed(1)} s CPU`, `${native.extract.wall.toFixed(1)} s wall`);
row('  cross-article analyze()', `${native.analyze.cpu.toFixed(1)} s CPU`, `${native.analyze.wall.toFixed(1)} s wall`);

for (const [name, dist] of Object.entries(dists)) {
  const { shownMs, longestTaskMs, inputMs, viewsMs } = JSON.parse(run('node', [join(root, 'bench/overview-time.mjs')], { TRIANGULATE_DIST: dist }));
  const seconds = (ms) => (ms / 1000).toFixed(2);
  row(`Chromium: overview shown (${name})`, `${seconds(shownMs.median)} s`,
    `navigation start → article list visible; median of ${shownMs.loads} first visits (${seconds(shownMs.fastest)}–${seconds(shownMs.slowest)} s)`);
  row(`  input answered while loading`, `${inputMs.worst} ms`, `worst of ${inputMs.samples} clicks (median ${inputMs.median} ms); target < 100 ms`);
  row(`  longest page task while loading`, longestTaskMs ? `${longestTaskMs} ms` : '< 50 ms',
    `of the ${shownMs.loads} visits, header shown → overview shown: the longest a click can wait; target < 100 ms`);
  const [slowest, slowestMs] = Object.entries(viewsMs).sort((a, b) => b[1] - a[1])[0];
  row(`  switching views once loaded`, `${slowestMs} ms`, `slowest (${slowest}); ${Object.entries(viewsMs).map(([v, ms]) => `${v} ${ms}`).join(', ')}`);
}

const sizes = {};
for (const [name, dist] of Object.entries(dists)) {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).map((f) => readFileSync(join(dist, f)));
  sizes[name] = { raw: files.reduce((sum, f) => sum + f.length, 0), gz: files.reduce((sum, f) => sum + gz(f), 0) };
  row(`app size, ${name} (wasm + js + css)`, `${kb(sizes[name].gz)} gz`, `${kb(sizes[name].raw)} raw`);
}
// What the corpus would weigh embedded compressed (brotli, the best a decoder in the wasm could
// do) against what the transport gzip already makes of it as plain JSON.
const json = Buffer.from(JSON.stringify(articles));
row('embedded corpus JSON', `${kb(gz(json))} gz`, `${kb(json.length)} raw, ${kb(brotliCompressSync(json).length)} brotli`);
row('  the corpus adds to the app', `${kb(sizes.corpus.gz - sizes.seed.gz)} gz`, `${kb(sizes.corpus.raw - sizes.seed.raw)} raw`);

const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
for (const [what, value, note] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}`);
