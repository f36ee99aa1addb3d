/**
 * What tsup.config.ts does beyond bundling: start-up work moved to build time. Each step keeps
 * one source of truth (the message areas, commander's help) and only changes how it is shipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Every message area (src/i18n/messages/<area>.ts) shipped as data, not code: the build writes one
 * file per area and language, dist/messages/<lang>/<area>.json, and each area module of the bundle
 * reads its language from there the first time one of its keys is asked for. A 150 kB object
 * literal is compiled in full by every start, and even as string literals inside the code the
 * messages cost a start ~2 ms of scanning; a run reads and parses only the areas it speaks from, in
 * its own language. The area's exports and their shape ({ nl, en }) stay exactly those of the source.
 */
export const messagesAsJson: Plugin = {
  name: 'messages-as-json',
  setup(plugin) {
    const byLang: Record<string, Record<string, unknown>> = {};
    plugin.onResolve({ filter: /^loket-asr-setup:messages$/ }, ({ path }) => ({ path, namespace: 'messages-as-json' }));
    // Beside the bundle's files (every chunk and dist/light.cjs are in dist/ itself). node:fs comes
    // from getBuiltinModule: this module has no file for builtinsWithoutFacade to read its imports from.
    plugin.onLoad({ filter: /.*/, namespace: 'messages-as-json' }, () => ({
      contents: [
        'export function messagesOf(lang, area) {',
        '  const file = new URL(`./messages/${lang}/${area}.json`, import.meta.url);',
        '  try {',
        '    return JSON.parse(process.getBuiltinModule("fs").readFileSync(file, "utf8"));',
        '  } catch (error) {',
        // Without its messages the CLI cannot say anything in words of its own: a damaged install
        // (exit 70, as the shim says when dist/ cannot be loaded), never an error of the run (1–5).
        '    process.stderr.write(`loket-asr-setup: the installation is damaged: ${process.getBuiltinModule("url").fileURLToPath(file)} cannot be read (${error && error.code ? error.code : error}). Reinstall loket-asr-setup.\\n`);',
        '    process.exit(70);',
        '  }',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
    plugin.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]messages[\\/][^\\/]+\.ts$/ }, async ({ path }) => {
      const bundled = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
      const code = bundled.outputFiles[0]!.text;
      const area = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, Record<string, unknown>>;
      const lines: string[] = ["import { messagesOf } from 'loket-asr-setup:messages';"];
      for (const [name, languages] of Object.entries(area)) {
        const getters = Object.entries(languages).map(([lang, messages]) => {
          (byLang[lang] ??= {})[name] = messages;
          const cached = `${name}_${lang}`;
          lines.push(`let ${cached};`);
          return `get ${lang}() { return (${cached} ??= messagesOf(${JSON.stringify(lang)}, ${JSON.stringify(name)})); }`;
        });
        lines.push(`export const ${name} = { ${getters.join(', ')} };`);
      }
      return { contents: lines.join('\n'), loader: 'js' };
    });
    plugin.onEnd((result) => {
      if (result.errors.length > 0) return;
      const { outdir, outfile } = plugin.initialOptions;
      const dir = outdir ?? (outfile ? dirname(outfile) : undefined);
      if (!dir) throw new Error('messages-as-json: the build has no output folder for dist/messages/');
      for (const [lang, areas] of Object.entries(byLang)) {
        mkdirSync(join(dir, 'messages', lang), { recursive: true });
        for (const [name, messages] of Object.entries(areas)) writeFileSync(join(dir, 'messages', lang, `${name}.json`), `${JSON.stringify(messages)}\n`);
      }
    });
  },
};

/**
 * An ES module import of a Node built-in (`import fs from 'node:fs'`) makes Node build a module
 * facade that reads every export once, and reading runs the built-in's lazy getters: node:fs then
 * loads fs/promises and its streams, node:process creates stdin. A few milliseconds of every start
 * for nothing used. Each built-in is therefore taken from process.getBuiltinModule (Node 20.16+),
 * exporting its plain values by name and skipping the lazy getters (an import of one of those
 * fails the build, loudly).
 */
/**
 * Built-ins that cost a start milliseconds to load and that a run may well not need, or not before
 * its first request: node:child_process (~3 ms) is only for opening a browser or the clipboard,
 * node:zlib (~3 ms) only for a compressed answer, node:https (~3 ms, with tls and crypto) only for an
 * https address (the real Loket.nl is one: there it loads with the first request), node:fs/promises
 * only for `--dump`, node:timers/promises only for a pause before a retry, node:crypto (~2 ms) only
 * for a login's PKCE, a dump's name or a list without item identities, node:tty (with node:net) only
 * to ask whether a character device is a terminal (src/ui/stdio.ts).
 */
const LOADED_ON_FIRST_CALL = new Set(['child_process', 'zlib', 'https', 'crypto', 'fs/promises', 'timers/promises', 'tty']);

/** The names an ES module imports from `specifier` ('all' for a namespace import or when unsure). */
function importedNames(source: string, specifier: string): Set<string> | 'all' {
  const names = new Set<string>();
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of source.matchAll(new RegExp(`import\\s+([^;'"]*?)\\s+from\\s*['"]${quoted}['"]`, 'g'))) {
    const clause = match[1]!;
    if (clause.includes('*')) return 'all';
    const braces = /\{([^}]*)\}/.exec(clause);
    for (const part of braces ? braces[1]!.split(',') : []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!;
      if (name) names.add(name);
    }
  }
  return names;
}

export const builtinsWithoutFacade: Plugin = {
  name: 'builtins-without-facade',
  setup(plugin) {
    // One stand-in per importing file, so that each lands in its importer's chunk (a shared one
    // would be a file of its own, and every file costs a start about as much as the facade).
    plugin.onResolve({ filter: /^node:/ }, ({ path, kind, importer }) =>
      kind === 'import-statement' ? { path: `${path.slice('node:'.length)}?${importer}`, namespace: 'node-builtin' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'node-builtin' }, async ({ path: id }) => {
      const path = id.slice(0, id.indexOf('?'));
      const real = process.getBuiltinModule(path) as Record<string, unknown>;
      // The names its importer asks for (every one for `import * as`): an export that nobody uses
      // would still be read when the chunk loads, and a few hundred of them make it bigger.
      const wanted = importedNames(await readFile(id.slice(id.indexOf('?') + 1), 'utf8'), `node:${path}`);
      const names = Object.keys(real).filter(
        (name) =>
          /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && !Object.getOwnPropertyDescriptor(real, name)?.get && (wanted === 'all' || wanted.has(name)),
      );
      if (LOADED_ON_FIRST_CALL.has(path)) {
        // Its functions (lower-case names; not its classes) load it when first called.
        const functions = names.filter((name) => /^[a-z]/.test(name) && typeof real[name] === 'function');
        const lines = [
          `let m; const load = () => (m ??= process.getBuiltinModule(${JSON.stringify(path)}));`,
          'export default new Proxy({}, { get: (_, name) => load()[name] });',
          ...functions.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ];
        return { contents: lines.join('\n'), loader: 'js' };
      }
      const lines = [
        `const m = process.getBuiltinModule(${JSON.stringify(path)});`,
        'export default m;',
        ...names.map((name) => `export const ${name} = m.${name};`),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * commander loads node:child_process for subcommands that are separate executables, which this CLI
 * does not have: 2–3 ms of every start. It gets a stand-in that loads the real module if ever used.
 */
export const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let real; const load = () => (real ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, name) => load()[name] });",
      loader: 'js',
    }));
  },
};

/**
 * One chunk for src/cli/light.ts and all it imports (run.ts, the offline commands, and the way to
 * Loket.nl: verify, the session, the client, the checks). esbuild puts a module in the chunk of the
 * set of entry points (the bundle's entry and every import() target) that reach it, so modules shared
 * by different sets of commands became some 20 small files on the way of every run. Here every
 * import() target of ours gets an `import` of light.ts appended at build time (also the targets
 * light.ts holds itself, such as verify: the cycle is harmless, their modules only define): then
 * every entry reaches all of light's modules, and they are one chunk. A first pass (esbuild's
 * metafile of the whole CLI) finds the targets; nothing changes at run time, as light's modules are
 * loaded first anyway.
 */
export function oneLightChunk(entry: string, light: string): Plugin {
  return {
    name: 'one-light-chunk',
    async setup(plugin) {
      const cwd = process.cwd();
      const survey = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        splitting: true,
        outdir: 'survey',
        logLevel: 'silent',
        define: { __VERSION__: '""' },
      });
      const inputs = survey.metafile.inputs;
      const own = (path: string): boolean => path.startsWith('src/');
      const targets = new Set(
        Object.values(inputs).flatMap((input) =>
          input.imports.filter((record) => record.kind === 'dynamic-import' && own(record.path)).map((record) => record.path),
        ),
      );
      const needsLight = new Set([...targets].map((path) => join(cwd, path)));
      const lightImport = `\nimport ${JSON.stringify(join(cwd, light))};\n`;
      plugin.onLoad({ filter: /\.ts$/ }, async ({ path }) =>
        needsLight.has(path) ? { contents: (await readFile(path, 'utf8')) + lightImport, loader: 'ts' } : undefined,
      );
    },
  };
}

/**
 * The shim answers `--help` from dist/help.<lang>.json without loading the bundle
 * (bin/loket-asr-setup.js), and src/cli/entry.ts parses plain command lines with dist/grammar.json
 * without loading commander; commander itself writes both from the built CLI, so they cannot drift
 * from it (test/e2e/fast-path.test.ts and test/cli/quick-parse.test.ts hold them to the source).
 */
export async function writeHelpTexts(outDir: string): Promise<void> {
  type Texts = { help: Record<string, Record<string, string>>; grammar: unknown };
  const cli = (await import(`${pathToFileURL(`${outDir}/cli.js`).href}?${Date.now()}`)) as { buildTexts(): Promise<Texts> };
  const { help, grammar } = await cli.buildTexts();
  for (const [lang, texts] of Object.entries(help)) writeFileSync(`${outDir}/help.${lang}.json`, `${JSON.stringify(texts)}\n`);
  writeFileSync(`${outDir}/grammar.json`, `${JSON.stringify(grammar)}\n`);
}

const LICENCE_TEXTS: Record<string, string> = {
  MIT: `MIT License

Copyright (c) <author>

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
};

/**
 * THIRD_PARTY_LICENSES, shipped in the package: every package the build bundled into dist/ (from
 * esbuild's metafile, which tsup writes there and this removes), with its version, licence and the
 * licence text it ships. MIT, ISC and the BSD licences ask for their notice in every copy; the
 * bundle is a copy. The optional keychain addon is not bundled and installs with its own.
 */
export function writeThirdPartyLicenses(outDir: string, target: string): void {
  const metafile = join(outDir, 'metafile-esm.json');
  const { outputs } = JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  rmSync(metafile);
  // What is in the output, not all that was read: tree-shaking drops whole packages (inquirer's editor).
  const bundled = Object.values(outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, use]) => use.bytesInOutput > 0)
      .map(([name]) => name),
  );
  const roots = new Set<string>();
  // Files only: the plugins' stand-ins (`node-builtin:fs?…`) are no package's.
  for (const input of bundled.filter((name) => !/^[a-z-]+:/.test(name))) {
    // The innermost node_modules/<name> or node_modules/@scope/<name> holding the file.
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(sep).join('/'));
    if (match) roots.add(match[1]!);
  }
  const entries = [...roots]
    .map((root) => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        license?: string;
        author?: string | { name?: string; email?: string };
        repository?: string | { url?: string };
      };
      const files = readdirSync(root).filter((name) => /^(licen[cs]e|copying|notice)/i.test(name));
      const texts = files.map((name) => readFileSync(join(root, name), 'utf8').trim());
      // A few packages ship no licence file (agent-base, under the proxy agents): the text of the licence
      // their package.json declares, with the author it names, and a line saying so.
      const template = LICENCE_TEXTS[pkg.license ?? ''];
      if (texts.length === 0 && template) {
        const author = typeof pkg.author === 'string' ? pkg.author : [pkg.author?.name, pkg.author?.email && `<${pkg.author.email}>`].filter(Boolean).join(' ');
        texts.push(
          `(The package ships no licence file; the ${pkg.license} licence its package.json declares:)\n\n${template.replace('<author>', author || pkg.name)}`,
        );
      }
      const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
      return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', repository, texts, where: relative(process.cwd(), root) };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const missing = entries.filter((entry) => entry.texts.length === 0);
  if (missing.length > 0) throw new Error(`bundled packages without a licence file: ${missing.map((e) => `${e.name}@${e.version} (${e.where})`).join(', ')}`);
  const rule = '-'.repeat(78);
  const parts = [
    'loket-asr-setup bundles the following packages into dist/. Their licences and notices follow.',
    `${entries.length} packages, written by the build (scripts/build.ts) from what it bundled.`,
    ...entries.map((entry) =>
      [rule, `${entry.name}@${entry.version} — ${entry.license}${entry.repository ? `\n${entry.repository}` : ''}`, '', ...entry.texts].join('\n'),
    ),
  ];
  writeFileSync(target, `${parts.join('\n\n')}\n`);
}

/**
 * The modules loaded lazily that dist/light.cjs holds: what an unattended `verify` loads
 * (src/cli/light-entry.ts), the keychain addon (external) among them. The file holds them whole, to
 * start when first imported, as esbuild bundles an import() without splitting.
 */
const IN_LIGHT =
  /^(\.\/commands\/verify|\.\.\/auth\/session|\.\.\/\.\.\/report\/(changes|last-check)|\.\.\/\.\.\/steps\/answers|\.\/proxy-agents)\.js$|^@napi-rs\/keyring$/;

/**
 * dist/light.cjs: src/cli/light-entry.ts and what it imports, as one CommonJS file (why: that file's
 * comment). Every import() in it but those of IN_LIGHT becomes a module that throws: the light
 * commands never load one, and a bug that made one do so fails loudly instead of pulling the rest of
 * the CLI in twice. Built-ins come as in dist/cli.js (builtinsWithoutFacade): the names used, those of
 * LOADED_ON_FIRST_CALL on first use — and without esbuild's CommonJS interop, which copies every
 * export of node:fs and its kin per importing file. Built after dist/cli.js, from the same sources
 * and plugins.
 */
export async function buildLightBundle(outDir: string, version: string): Promise<void> {
  const notInLight: Plugin = {
    name: 'not-in-light',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, ({ path, kind }) =>
        kind === 'dynamic-import' && !IN_LIGHT.test(path) ? { path, namespace: 'not-in-light' } : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: 'not-in-light' }, ({ path }) => ({
        contents: `throw new Error(${JSON.stringify(`loket-asr-setup: ${path} is not part of dist/light.cjs (a bug: a light command loaded it)`)});`,
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: ['src/cli/light-entry.ts'],
    outfile: join(outDir, 'light.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    treeShaking: true,
    external: ['@napi-rs/keyring'],
    // The launcher runs this file through vm.Script, where import() has no loader (Node 20 names the
    // way to give it one experimental, with a warning): the keychain addon, a CommonJS package, is
    // require()d instead, and what it exports read as import() would read it.
    supported: { 'dynamic-import': false },
    // quick.ts finds grammar.json (and the messages their folder) beside the bundle: in CommonJS,
    // __filename's folder. "use strict" first: esbuild's own directive comes after the banner, where it
    // counts for nothing, and a write to the frozen profile must throw here as in dist/cli.js.
    define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__import_meta_url' },
    banner: { js: "'use strict';\nconst __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [notInLight, messagesAsJson, builtinsWithoutFacade],
    logLevel: 'warning',
  });
  // The launcher compiles this file with a V8 code cache (bin/loket-asr-setup.js, requireLight) and
  // names each cache after this key, so a cache is never used for other code than it was made from
  // (V8 itself checks only the length of the source, its own version and its flags).
  const file = join(outDir, 'light.cjs');
  const code = readFileSync(file, 'utf8');
  // The launcher runs this file with its own require() (bin/, not dist/): alike for built-ins and
  // packages, as neither folder has a node_modules of its own; not for a relative path.
  const required = [...code.matchAll(/\brequire\(([^)]*)\)/g)].map((match) => match[1] ?? '').filter((what) => !/^(['"])[^./'"][^'"]*\1$/.test(what));
  if (required.length > 0) throw new Error(`dist/light.cjs may require built-ins and packages by name only, not ${required.join(', ')}`);
  writeFileSync(file, `${code}//# cache-key=${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n`);
}
