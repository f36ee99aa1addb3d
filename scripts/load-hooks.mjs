// `npm run bench` only (node --import): records every JavaScript file the process loads, one path
// a line, in BENCH_LOADS_FILE, so the bench can print the bytes each command loads. Registered from
// the main thread; the hooks themselves run in Node's loader thread, where this file is loaded again.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  const result = await next(url, context);
  if (process.env.BENCH_LOADS_FILE && url.startsWith('file:') && /\.[cm]?js$/.test(url)) {
    appendFileSync(process.env.BENCH_LOADS_FILE, `${fileURLToPath(url)}\n`);
  }
  return result;
}
