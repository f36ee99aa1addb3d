// Preloaded by `npm run bench` (node -r): writes the process's peak RSS (KiB) when it exits, so
// the benchmark can read the CLI's own high-water mark without platform-specific tools.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
