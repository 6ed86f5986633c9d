// Runs one Astro build in this process and prints {"ms":…, "cpuMs":…, "maxRssMb":…} as the last line,
// so the benchmark gets wall time, CPU time and peak memory without an external `time` tool.
//   node measure-build.mjs <root> [cacheDir]
// The output goes to <root>/dist-bench. A cacheDir of its own (the benchmark passes a fresh one) makes
// the build cold, and keeps the content cache of the real project untouched: synthetic sites link the
// real node_modules, where the default cache lives.
import { build } from 'astro';

const [root = '.', cacheDir] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root, logLevel: 'error', outDir: `${root}/dist-bench`, ...(cacheDir ? { cacheDir } : {}) });
// From process start, so that loading Astro counts, as it does for `astro build`.
const ms = Math.round(performance.now());
const { user, system } = process.cpuUsage();
const cpuMs = Math.round((user + system) / 1000);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ms, cpuMs, maxRssMb }));
