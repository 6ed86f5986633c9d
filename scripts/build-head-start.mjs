// Loaded by Node before Astro in `npm run build` (`--import`, scripts/build-flags.mjs): starts the
// workers that draw a first build's share images while the main thread loads Astro
// (src/integrations/head-start.ts says why and when). Worker threads inherit the flag and load this
// too: there it only registers the cheaper type stripping (scripts/strip-types.mjs), which the
// workers' own TypeScript then loads with.
import { isMainThread } from 'node:worker_threads';
import { registerTypeStripping } from './strip-types.mjs';

await registerTypeStripping(new URL('../', import.meta.url).href);
if (isMainThread) (await import('../src/integrations/head-start.ts')).headStart(process.cwd(), process.env);
