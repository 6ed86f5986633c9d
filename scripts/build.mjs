// `npm run build`: `astro build` with the Node flags and environment of scripts/build-flags.mjs (for
// builds of up to 1,000 projects V8's TurboFan off and the share images' workers started before Astro
// loads, and at every size glibc's allocator keeping its memory).
// Arguments pass through (`npm run build -- --outDir elsewhere`), and so do the output and the exit
// code: a content problem still ends the build with the checker's report and exit code 1.
// `npx astro build` builds the same site, without the flags.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildEnv, buildNodeFlags, projectCount } from './build-flags.mjs';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
// Astro builds the site in the working folder, as `astro build` does; its projects decide the flags.
const count = projectCount(process.cwd());
const r = spawnSync(process.execPath, [...buildNodeFlags(count), astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...buildEnv(process.env, count) },
});
if (r.error) throw r.error;
process.exit(r.status ?? 1);
