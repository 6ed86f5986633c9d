// Starts `astro dev` on a content folder of the test's own (CONTENT_DIR), for the tests of what the
// dev server shows editors. Waits for Astro's "Local http://…" line rather than sleeping, and keeps
// everything the server prints so a test can check the terminal too.
import { spawn, type ChildProcess } from 'node:child_process';

export interface DevServer {
  url: string;
  /** Everything the server printed so far, without colour codes. */
  output: () => string;
  /** Resolves once the server has printed text matching `pattern` (after `from` characters). */
  waitForOutput: (pattern: RegExp, from?: number, timeout?: number) => Promise<void>;
  stop: () => Promise<void>;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export async function startDev(contentDir: string, port: number, timeout = 120_000): Promise<DevServer> {
  // --ignore-lock: no lock file, so a dev server someone is running on the real content neither
  // blocks this one nor is replaced by it (and Astro does not move it to the background).
  const child: ChildProcess = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    detached: true, // its own process group, so stop() ends npx and Astro together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log += chunk.toString().replace(ANSI, '');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const waitForOutput = (pattern: RegExp, from = 0, ms = timeout) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(log.slice(from))) {
          done();
          resolve();
        } else if (exited()) {
          done();
          reject(new Error(`astro dev exited with code ${child.exitCode} before printing ${pattern}:\n${log}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`astro dev did not print ${pattern} within ${ms} ms:\n${log}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', check);
      };
      listeners.add(check);
      child.on('exit', check);
      check();
    });

  const stop = async () => {
    if (exited() || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (!exited()) process.kill(-child.pid, 'SIGKILL');
  };

  try {
    await waitForOutput(/Local\s+http:\/\/\S+/);
  } catch (error) {
    await stop();
    throw error;
  }
  // Vite moves to the next free port when the asked one is taken; the printed address is the truth.
  const url = /Local\s+(http:\/\/\S+?)\/?\s/.exec(log)![1]!;
  return { url, output: () => log, waitForOutput, stop };
}
