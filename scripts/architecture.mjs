#!/usr/bin/env node
/**
 * The layers of src/ as a check a reader can run (`npm run architecture`); test/architecture.test.ts
 * runs the same check in `npm test`. It reads every import of src/ (static, type-only and dynamic,
 * through TypeScript's own pre-processor) and reports:
 *
 *  - an import cycle between files (type-only imports included: a cycle of types is still a knot);
 *  - an import of src/cli/ from anywhere outside it (commands sit on top; nothing below knows them);
 *  - one command importing another (they share code through the layers below, never sideways);
 *  - an import from one area into another that the table below does not allow.
 *
 * The table is the README's "Layers" section in code: command → step → (prompter | answers) and
 * (domain | Loket client | store) → output, with auth, the simulator and the ground floor beside them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Which areas an area may import (besides itself). The ground floor (clock, env, errors, sanitize) is open to all. */
export const ALLOWED = {
  cli: ['auth', 'domain', 'dumps', 'i18n', 'loket', 'report', 'sandbox', 'steps', 'store', 'tickets', 'ui', 'validate'],
  steps: ['auth', 'domain', 'i18n', 'loket', 'report', 'store', 'tickets', 'ui', 'validate'],
  // The saved check, changes since the previous one, and the report rendered from them.
  report: ['domain', 'i18n', 'store', 'ui'],
  auth: ['i18n', 'loket', 'store', 'ui'],
  domain: ['i18n', 'loket', 'store', 'tickets', 'validate'],
  tickets: ['i18n', 'store'],
  // The output layer renders the domain's check results (types only) and redacts secrets.
  ui: ['domain', 'i18n', 'loket'],
  loket: ['i18n'],
  store: ['i18n'],
  validate: ['i18n'],
  // Recorded runs (`--dump`): read, checked for secrets, stripped. The format is the client's (loket/dump.ts).
  dumps: ['i18n', 'loket', 'store'],
  // The simulator speaks the published API and must not borrow the client's view of it; its replay
  // mode serves a recorded run, read by src/dumps.
  sandbox: ['dumps', 'i18n'],
  i18n: [],
};
const GROUND = new Set(['clock', 'env', 'errors', 'sanitize', 'globals.d']);

function areaOf(file) {
  const [first, second] = file.split('/');
  return second === undefined ? first.replace(/\.ts$/, '') : first;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every file of src/ with the src/ files it imports (paths relative to src/, with `/`). */
export function importGraph(srcDir) {
  const graph = new Map();
  for (const path of listFiles(srcDir)) {
    const file = relative(srcDir, path).split(sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) =>
        relative(srcDir, resolve(dirname(path), name))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts'),
      );
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), index.get(target)));
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** What is wrong with the layers of `srcDir`, one line per finding; empty when all is well. */
export function checkArchitecture(srcDir) {
  const graph = importGraph(srcDir);
  const problems = [];
  for (const component of cycles(graph)) problems.push(`import cycle: ${component.join(' → ')}`);
  for (const [file, targets] of graph) {
    const from = areaOf(file);
    for (const target of targets) {
      const to = areaOf(target);
      if (!graph.has(target)) problems.push(`${file} imports ${target}, which does not exist`);
      else if (to === 'cli' && from !== 'cli') problems.push(`${file} imports ${target}: nothing outside src/cli/ imports src/cli/`);
      else if (file.startsWith('cli/commands/') && target.startsWith('cli/commands/'))
        problems.push(`${file} imports ${target}: a command does not import another command`);
      else if (from !== to && !GROUND.has(to) && !GROUND.has(from) && !(ALLOWED[from] ?? []).includes(to)) {
        problems.push(`${file} imports ${target}: ${from} may not import ${to} (scripts/architecture.mjs ALLOWED)`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = checkArchitecture(srcDir);
  const graph = importGraph(srcDir);
  const imports = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
  for (const problem of problems) console.log(problem);
  console.log(`${graph.size} files, ${imports} imports, ${problems.length} problem(s)`);
  process.exitCode = problems.length ? 1 : 0;
}
