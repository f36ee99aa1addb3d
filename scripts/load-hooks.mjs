// `npm run bench` and test/e2e/light-bundle.test.ts (node --import): records every JavaScript file the
// process loads, one path a line, in BENCH_LOADS_FILE, so the bench can print the bytes each command
// loads. ES modules through a loader hook (registered from the main thread; the hooks run in Node's
// loader thread, where this file is loaded again), CommonJS files from require's cache at exit, and
// the file the launcher compiles itself with a code cache (dist/light.cjs, through vm.Script).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  const compiled = [];
  const { Script } = vm;
  vm.Script = class extends Script {
    constructor(code, options) {
      super(code, options);
      if (options && typeof options.filename === 'string' && /\.[cm]?js$/.test(options.filename)) compiled.push(options.filename);
    }
  };
  process.on('exit', () => {
    const files = [...Object.keys(cache).filter((file) => /\.[cm]?js$/.test(file)), ...compiled];
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
