// A browser that cannot compile the app's WebAssembly (no wasm SIMD: Safari before 16.4) is told
// so, rather than left with a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const app = useApp();

test('a browser without wasm SIMD gets a message naming what it lacks, not a blank page', async () => {
  const page = await app.newPage();
  // What such a browser does with the module: refuses to compile it.
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('invalid opcode 0xfd (test: no SIMD)'));
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = refuse;
  });
  await page.goto(app.url);
  const alert = await page.waitForSelector('[role=alert]');
  const text = await alert.textContent();
  assert.match(text, /could not start in this browser: it needs WebAssembly with SIMD/);
  assert.match(text, /Safari 16\.4/);
  assert.match(text, /invalid opcode 0xfd \(test: no SIMD\)/, 'the browser\'s own reason too');
  assert.equal(page.errors.length, 1, `only the compile error is reported: ${page.errors}`);
});
