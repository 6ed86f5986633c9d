// The Node flags `npm run build` runs Astro with (scripts/build.mjs), and the benchmark with it
// (scripts/bench/run.mjs), so that the benchmark times the build editors and hosts run.
//
// Why: V8 compiles code that runs often twice more, with Maglev and then with TurboFan, on helper
// threads. TurboFan's code is the fastest, but compiling with it is slow, and in a build of a few
// seconds it is not paid back: the real content's first build spent 2.2 s of CPU on V8's helper
// threads, and with TurboFan off (`--max-opt=2`: Maglev is the top tier) 1.35 s, with no more on the
// main thread or the workers. Six interleaved first builds: 5.3 s against 6.0 s (mean). A long
// build is different: at 10,000 projects (about a minute) TurboFan saves more than it costs, and the
// flag made the build 3% slower; at 300 and 1,000 projects it was faster or the same. So the flag
// is used up to MAX_OPT_UP_TO projects.
//
// At every size, glibc's allocator is told to keep the memory it has (buildEnv): allocations of up
// to 256 MB come from its heap instead of a mapping of their own (the share images' 3 MB pixel buffers
// and Node's large buffers among them), and freed memory is kept rather than handed back to the
// system, up to 1 GB. Each new mapping is touched afresh, a page fault per 4 KB, and on this virtual
// machine a fault cost up to 11.5 µs on a slow night (README, "Performance budgets"). The real
// content's first build took 5-10% fewer faults and was faster in seven of nine interleaved pairs, by
// 0.48 s in the median pair (means 7.9 against 8.4 s). At 10,000 projects it was first left out, for
// fear that kept memory would raise the peak the memory budget limits; measured, the peak grew by 5%
// (2,015-2,046 MB against 1,831-1,987 MB) and the build was faster in three of three interleaved
// pairs (81-92 s against 85-108 s).
//
// And its heap is marked for transparent huge pages (glibc.malloc.hugetlb=1: madvise, where the system
// leaves huge pages to the program's asking, as Debian does): memory is then faulted in 2 MB at a time
// instead of 4 KB. Touching 256 MB of fresh memory from Node took 0.96-1.06 s on this machine's slow
// state of 2 December, and 0.03-0.07 s with it. The real content's first build took 28% fewer page
// faults (117,000 against 163,000) and was faster in all four interleaved pairs, by 0.47-1.04 s
// (8.0-9.3 against 8.6-9.9 s). At 10,000 projects one pair each was mixed: bare 44.3 against
// 46.1 s, ours 88.9 against 85.2 s with a 2% higher peak (2,062 against 2,019 MB) and 23% fewer
// faults; both sides of the ratio get it. Elsewhere than glibc the variable is ignored, and where
// the system gives huge pages always or never, the setting changes nothing; one already set is left
// as it is.
//
// Plain JavaScript, no dependencies: the wrapper runs before anything is installed or built.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Builds of up to this many project files run with TurboFan off. */
export const MAX_OPT_UP_TO = 1000;

/** The project files a build of `root` reads: CONTENT_DIR's, as src/content.config.ts reads it. */
export function projectCount(root, env = process.env) {
  const dir = join(resolve(root, env.CONTENT_DIR || './content'), 'projects');
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.md')).length;
  } catch {
    return 0;
  }
}

/** glibc's allocator settings (see above): allocations up to 256 MB from its heap, 1 GB kept, huge pages. */
export const MALLOC_TUNABLES = 'glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864:glibc.malloc.hugetlb=1';

/** Environment variables to add for a build, given the environment it runs in. */
export function buildEnv(env = process.env) {
  return env.GLIBC_TUNABLES === undefined ? { GLIBC_TUNABLES: MALLOC_TUNABLES } : {};
}

/** The V8 flags for a build of `count` projects. */
export function buildNodeFlags(count) {
  return count <= MAX_OPT_UP_TO ? ['--max-opt=2'] : [];
}
