// Runs one Astro build in this process and prints {"ms":…, "maxRssMb":…} as the last line, so the
// benchmark gets wall time and peak memory without an external `time` tool.
import { build } from 'astro';

const root = process.argv[2] ?? '.';
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const started = performance.now();
await build({ root, logLevel: 'error', outDir: `${root}/dist-bench` });
const ms = Math.round(performance.now() - started);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ms, maxRssMb }));
