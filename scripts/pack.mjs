#!/usr/bin/env node
// `npm pack` and `npm publish` only (package.json prepack/postpack). The published package must not
// carry `prepare`: npm runs it for git installs, which is what it is for, but treats it as an
// install script of a tarball and warns about it (npm 11), and there is nothing left to build in a
// package that holds dist/. `strip` (prepack, after the build) writes package.json without it and
// keeps the original beside it; `restore` (postpack) puts the original back, byte for byte.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../package.json', import.meta.url));
const kept = `${file}.before-pack`;
const [action] = process.argv.slice(2);

if (action === 'strip') {
  if (existsSync(kept)) throw new Error(`${kept} exists: a pack did not finish; run \`node scripts/pack.mjs restore\` first`);
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(kept, text);
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(kept)) renameSync(kept, file);
} else {
  throw new Error('usage: node scripts/pack.mjs strip|restore');
}
