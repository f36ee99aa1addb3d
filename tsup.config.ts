import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import {
  buildLightBundle,
  builtinsWithoutFacade,
  lazyChildProcess,
  messagesAsJson,
  oneLightChunk,
  writeHelpTexts,
  writeThirdPartyLicenses,
} from './scripts/build.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// One bundled entry (dist/cli.js, src/cli/entry.ts); every command is a dynamic import() so it
// lands in its own chunks, and a plain command line runs without commander (src/cli/quick-parse.ts).
// Pure-JS dependencies are bundled (they are devDependencies), so `npx` installs nothing but the
// optional keychain addon; THIRD_PARTY_LICENSES carries their notices.
export default defineConfig({
  entry: { cli: 'src/cli/entry.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  splitting: true,
  clean: true,
  sourcemap: false,
  minify: false,
  minifyWhitespace: true,
  treeshake: true,
  noExternal: [/^(?!@napi-rs\/keyring)/],
  external: ['@napi-rs/keyring'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Keep `node:` in imports (Node 20 knows them all), so that builtinsWithoutFacade sees them.
  removeNodeProtocol: false,
  esbuildPlugins: [oneLightChunk('src/cli/entry.ts', 'src/cli/light.ts'), messagesAsJson, builtinsWithoutFacade, lazyChildProcess],
  metafile: true,
  onSuccess: async () => {
    await writeHelpTexts('dist');
    await buildLightBundle('dist', pkg.version);
    writeThirdPartyLicenses('dist', 'THIRD_PARTY_LICENSES');
  },
  banner: {
    // Bundled CommonJS dependencies (commander, debug…) still call require().
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
