// Runs one Astro build in this process and prints {"ms":…, "cpuMs":…, "maxRssMb":…} as the last line,
// so the benchmark gets wall time, CPU time and peak memory without an external `time` tool.
//   node measure-build.mjs <root> [cacheDir] [outDir]
// The output goes to outDir (the benchmark gives every build a folder of its own, scripts/bench/run.mjs
// says why), or to <root>/dist-bench. A cacheDir of its own (the benchmark passes a fresh one) makes
// the build cold, and keeps the content cache of the real project untouched: synthetic sites link the
// real node_modules, where the default cache lives.
//
// With BENCH_PROFILE_DIR set (the benchmark also starts this process with --cpu-prof into that folder),
// the build leaves what scripts/bench/profile.mjs needs to say where its time went: the server chunks
// the pages were rendered with (copied before Astro deletes them: a profile's frames point into them,
// and each chunk names the source module of every part), Astro's own phase timer (ASTRO_TIMER_PATH)
// and the time of each build hook. Without it, nothing is added to the build.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { build } from 'astro';

const [root = '.', cacheDir, outDir = `${root}/dist-bench`] = process.argv.slice(2);
const profileDir = process.env.BENCH_PROFILE_DIR;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
if (profileDir) process.env.ASTRO_TIMER_PATH = join(profileDir, 'astro-timer.json');

/** The hooks' times, from process start, and the copy of the chunks (profiling only). */
function profiling(dir) {
  const hooks = {};
  const at = (name) => () => {
    hooks[name] = Math.round(performance.now());
  };
  let configOutDir;
  return {
    hooks,
    integration: {
      name: 'bench-profile',
      hooks: {
        'astro:config:setup': at('config:setup'),
        'astro:config:done': ({ config }) => {
          configOutDir = config.outDir;
          at('config:done')();
        },
        'astro:build:start': at('build:start'),
        'astro:build:generated': () => {
          at('build:generated')();
          // Where Astro writes the chunks it renders pages with (astro/dist/prerender/utils.js): inside
          // the output folder when that is inside the working directory, else under ./.astro/.
          const out = fileURLToPath(configOutDir);
          const chunks = out.startsWith(process.cwd()) ? join(out, '.prerender') : join(process.cwd(), '.astro/.prerender');
          cpSync(chunks, join(dir, 'chunks'), { recursive: true });
        },
        'astro:build:done': at('build:done'),
      },
    },
  };
}

/**
 * The main thread's full garbage collections, and how many of them V8 started because memory held
 * outside the JavaScript heap (page bytes, buffers) grew by its 64 MB limit rather than because the heap
 * did: V8 flags those with "collect all external memory" (README, "Why a budget is not met"). Counting
 * them costs nothing measurable (a few hundred callbacks a build).
 */
const gc = { full: 0, fullExternal: 0 };
const countGc = (list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind !== perfConstants.NODE_PERFORMANCE_GC_MAJOR) continue;
    gc.full += 1;
    if (entry.detail.flags & perfConstants.NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY) gc.fullExternal += 1;
  }
};
const gcObserver = new PerformanceObserver(countGc);
gcObserver.observe({ entryTypes: ['gc'] });

const profile = profileDir ? profiling(profileDir) : undefined;
await build({
  root,
  logLevel: 'error',
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  ...(profile ? { integrations: [profile.integration] } : {}),
});
// From process start, so that loading Astro counts, as it does for `astro build`.
const ms = Math.round(performance.now());
const { user, system } = process.cpuUsage();
const cpuMs = Math.round((user + system) / 1000);
const usage = process.resourceUsage();
const maxRssMb = Math.round(usage.maxRSS / 1024);
// Pages of memory the build touched for the first time (minor page faults): each is a trip into the
// kernel, which on a virtual machine that hands freed memory back to its host is far from free (README,
// "Performance budgets", on the machine's slow state).
const minorFaults = usage.minorPageFault;
/**
 * The main thread's own CPU time (Linux: /proc/self/task/<pid>/stat, in ticks of 10 ms), without the
 * file system's and Rolldown's threads: the breakdown (profile.mjs) shares it out over the parts.
 */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
const mainCpuMs = mainThreadCpuMs();

/**
 * CPU time by kind of thread (Linux: the stat file of each thread under /proc/self/task, user + system, in ticks of 10 ms), for the
 * threads alive at the end of the build: the main thread; V8's helpers (garbage collection on other
 * cores, optimising compiler); the file system's thread pool (libuv: the writes, mostly system time);
 * worker threads (share images, spreadsheets); Rolldown's. The main-thread profile cannot see the
 * others, and on two cores they take the time the main thread waits for one. `kernel` is the system
 * part of the same times: the kernel's work for the thread (writing files, serving page faults).
 */
const THREAD_KINDS = [
  ['main', /^MainThread$/],
  ['v8', /^(V8Worker|DelayedTaskSche)/],
  ['files', /^libuv-worker$/],
  ['workers', /^WorkerThread$/],
  ['bundler', /^(rolldown|tokio)/],
];
function threadCpuMs() {
  try {
    const zero = () => Object.fromEntries([...THREAD_KINDS.map(([k]) => [k, 0]), ['other', 0]]);
    const out = zero();
    const kernel = zero();
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const kind = THREAD_KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';
      out[kind] += (Number(fields[11]) + Number(fields[12])) * 10;
      kernel[kind] += Number(fields[12]) * 10;
    }
    return { out, kernel };
  } catch {
    return undefined;
  }
}
const { out: threads, kernel: threadsKernel } = threadCpuMs() ?? {};
countGc({ getEntries: () => gcObserver.takeRecords() });
gcObserver.disconnect();
if (profile) writeFileSync(join(profileDir, 'hooks.json'), JSON.stringify({ ...profile.hooks, end: ms }));
console.log(JSON.stringify({ ms, cpuMs, maxRssMb, ...(mainCpuMs === undefined ? {} : { mainCpuMs }), ...(threads === undefined ? {} : { threads, threadsKernel }), minorFaults, gc }));
