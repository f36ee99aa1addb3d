/** Replaced at build time by tsup (package.json version). */
declare const __VERSION__: string;
