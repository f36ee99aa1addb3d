/**
 * What tsup.config.ts does beyond bundling: start-up work moved to build time. Each step keeps
 * one source of truth (the message areas, commander's help) and only changes how it is shipped.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Every message area (src/i18n/messages/<area>.ts) as JSON text per language, parsed the first
 * time that language is used. A 150 kB object literal is compiled in full by every start; a string
 * is only scanned, and JSON.parse of one language is a fraction of that (V8's advice for large
 * data). The area's exports and their shape ({ nl, en }) stay exactly those of the source.
 */
export const messagesAsJson: Plugin = {
  name: 'messages-as-json',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]messages[\\/][^\\/]+\.ts$/ }, async ({ path }) => {
      const bundled = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
      const code = bundled.outputFiles[0]!.text;
      const area = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, Record<string, unknown>>;
      const lines: string[] = [];
      for (const [name, languages] of Object.entries(area)) {
        const getters = Object.entries(languages).map(([lang, messages]) => {
          const cached = `${name}_${lang}`;
          lines.push(`let ${cached};`);
          return `get ${lang}() { return (${cached} ??= JSON.parse(${JSON.stringify(JSON.stringify(messages))})); }`;
        });
        lines.push(`export const ${name} = { ${getters.join(', ')} };`);
      }
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * The shim answers `--help` from dist/help.<lang>.json without loading the bundle
 * (bin/loket-asr-setup.js); commander itself writes them from the built CLI, so they cannot drift
 * from what `--help` would print (test/e2e/fast-path.test.ts holds them to the source).
 */
export async function writeHelpTexts(outDir: string): Promise<void> {
  const cli = (await import(`${pathToFileURL(`${outDir}/cli.js`).href}?${Date.now()}`)) as { helpTexts(): Record<string, Record<string, string>> };
  for (const [lang, texts] of Object.entries(cli.helpTexts())) writeFileSync(`${outDir}/help.${lang}.json`, `${JSON.stringify(texts)}\n`);
}
