// `npm run bench` and test/e2e/light-bundle.test.ts (node --import): records every JavaScript file the
// process loads, one path a line, in BENCH_LOADS_FILE, so the bench can print the bytes each command
// loads. ES modules through a loader hook (registered from the main thread; the hooks run in Node's
// loader thread, where this file is loaded again), CommonJS files from require's cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const files = Object.keys(cache).filter((file) => /\.[cm]?js$/.test(file));
    if (process.env.BENCH_LOADS_FILE && files.length > 0) appendFileSync(process.env.BENCH_LOADS_FILE, `${files.join('\n')}\n`);
  });
}

export async function load(url, context, next) {
  const result = await next(url, context);
  if (process.env.BENCH_LOADS_FILE && url.startsWith('file:') && /\.[cm]?js$/.test(url)) {
    appendFileSync(process.env.BENCH_LOADS_FILE, `${fileURLToPath(url)}\n`);
  }
  return result;
}
