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
// Beyond MAX_OPT_UP_TO projects its heap is also marked for transparent huge pages
// (glibc.malloc.hugetlb=1: madvise, where the system leaves huge pages to the program's asking, as
// Debian does): memory is then faulted in 2 MB at a time instead of 4 KB. On the earlier machine of
// 2 December that helped every size: touching 256 MB of fresh memory from Node took 0.96-1.06 s in its
// slow state and 0.03-0.07 s with it, and the real content's first build was faster in four of four
// interleaved pairs (8.0-9.3 against 8.6-9.9 s). On the machine the bench has run on since (2 x AMD
// EPYC, where the kernel also compacts memory for a huge page when it is asked: defrag=madvise),
// measured on 3 December, it helps only the long builds:
// - the real content's first build was faster without it in 8 of 12 interleaved pairs (mean 5.13
//   against 5.42 s), with less system time (mean 2.38 against 3.04 s) although it took about 65% more
//   page faults (a huge one zeroes 2 MB at once, much of it never used); its rebuild in 4 of 6 (means
//   3.39 against 3.52 s); 1,000 projects in 2 of 3 (8.5, 9.3 and 12.6 s against 10.0, 9.9 and 12.6 s);
// - at 10,000 projects ours was faster with it in both pairs (76.1 and 63.8 s against 77.5 and 70.5 s;
//   system time 15.3 and 26.5 s against 22.6 and 24.9 s) and bare mixed (35.6 and 50.8 s against 40.0
//   and 46.4 s).
// Both sides of the bench's ratio get the same setting. Elsewhere than glibc the variable is ignored,
// and where the system gives huge pages always or never, hugetlb changes nothing; a GLIBC_TUNABLES
// already set is left as it is.
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

/** glibc's allocator settings (see above): allocations up to 256 MB from its heap, 1 GB kept. */
export const MALLOC_TUNABLES = 'glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864';

/** Added to MALLOC_TUNABLES for builds of more than MAX_OPT_UP_TO projects (see above). */
export const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/** Environment variables to add for a build of `count` projects, given the environment it runs in. */
export function buildEnv(env, count) {
  if (env.GLIBC_TUNABLES !== undefined) return {};
  return { GLIBC_TUNABLES: count <= MAX_OPT_UP_TO ? MALLOC_TUNABLES : `${MALLOC_TUNABLES}:${HUGE_PAGES}` };
}

/**
 * The module Node loads before Astro in builds of up to MAX_OPT_UP_TO projects: it starts the workers
 * that draw a first build's share images while Astro loads (src/integrations/head-start.ts, which
 * decides whether a build needs them).
 */
export const HEAD_START = new URL('./build-head-start.mjs', import.meta.url).href;

/**
 * V8's heap, in builds of more than MAX_OPT_UP_TO projects, may grow to twice what the last full
 * collection left (`--heap-growing-percent=100`) before the next. Since each page's bytes are freed as
 * soon as they are written (src/lib/page-release.ts), V8 no longer starts a full collection for memory
 * outside its heap every 64 MB, and its own limit let a 10,000-project build's heap grow to about
 * 1.3 GB between two (peak memory 2.75 GB, 1.45x bare Astro's, near the 1.5x budget). With the flag,
 * measured on 4 December 2026 at 10,000 projects in three interleaved pairs against the build before
 * both changes: 14 full collections instead of 24, peak memory 2.15-2.30 GB against 1.91-1.96 GB,
 * and 57.3-59.8 s against 65.3-77.5 s (CPU 78.5-81.8 against 91.1-113.7 s). With 50 the collections
 * were 20 and the build no faster.
 */
export const HEAP_GROWING = '--heap-growing-percent=100';

/** The Node flags for a build of `count` projects. */
export function buildNodeFlags(count) {
  return count <= MAX_OPT_UP_TO ? ['--max-opt=2', `--import=${HEAD_START}`] : [HEAP_GROWING];
}
