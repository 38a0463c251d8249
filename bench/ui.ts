// UI benchmarks (CONTRACT.md section 4): bundle_gz_kb (+ worker_gz_kb), first_frame_ms,
// ui_frame_ms_p95 and ui_long_tasks, measured on a production build served from 127.0.0.1 and
// driven in Chromium through Playwright. Progress and caveats go to stderr; the figures are
// returned for bench/run.ts to print. Without a Chromium the browser figures are skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { bundleFigures, ROOT, serveStatic, viteBuild } from './ui-build';
import { UI_LOAD, uiLoadFragment } from './ui-scenario';
import { median, percentile } from './stats';
// Brings in the global `window.__zooscope` type (CONTRACT.md section 3).
import type {} from '../src/ui/test-api';

interface FindChromiumModule {
  findChromium(options: { install: boolean; log?: (message: string) => void }): { path: string; source: string } | null;
  CHROMIUM_ARGS: string[];
}

export interface UiOptions {
  runs: number;
  /** Wall-clock playback per frame-time run. */
  playbackMs: number;
}

const log = (message: string): void => {
  process.stderr.write(`[bench:ui] ${message}\n`);
};

/** Rejects after `ms` (the caller's finally closes what is open). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

// Injected before the app's own scripts: records the moment ready() resolves (the first complete
// frame), as performance.now() since navigation start, without polling.
const FIRST_FRAME_HOOK = `(() => {
  let api;
  Object.defineProperty(window, '__zooscope', {
    configurable: true,
    get() { return api; },
    set(value) {
      api = value;
      value.ready().then(() => { window.__benchFirstFrameMs = performance.now(); });
    },
  });
})();`;

// Injected before the app's scripts, so its requestAnimationFrame callback runs first in every
// frame. Per frame: the main-thread time from the start of the frame's rAF callbacks until a task
// posted from there runs, i.e. the app's rAF work + style + layout + paint of that frame (plus any
// task the browser ran in between). Long tasks come from PerformanceObserver('longtask').
export const FRAME_HOOK = `(() => {
  const bench = { recording: false, frames: [], scripts: [], intervals: [], longTasks: [], lastRaf: null };
  window.__bench = bench;
  const channel = new MessageChannel();
  let frameStart = null;
  let scriptMs = 0;
  channel.port1.onmessage = () => {
    if (frameStart !== null && bench.recording) {
      bench.frames.push(performance.now() - frameStart);
      bench.scripts.push(scriptMs);
    }
    frameStart = null;
    scriptMs = 0;
  };
  // The app's own rAF callbacks, timed (their script time: a breakdown for stderr).
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((timestamp) => {
    const start = performance.now();
    try { callback(timestamp); } finally { scriptMs += performance.now() - start; }
  });
  const onFrame = (timestamp) => {
    if (bench.recording) {
      if (bench.lastRaf !== null) bench.intervals.push(timestamp - bench.lastRaf);
      bench.lastRaf = timestamp;
      frameStart = performance.now();
      channel.port2.postMessage(0);
    }
    requestFrame(onFrame);
  };
  requestFrame(onFrame);
  try {
    new PerformanceObserver((list) => {
      if (!bench.recording) return;
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  } catch (error) {
    bench.longTaskError = String(error);
  }
})();`;

// Injected before the app's scripts for the traffic run only (never during frame runs: it
// serializes every batch on the main thread): counts the worker's replies and their size as JSON,
// a stand-in for the structured-clone bytes the browser copies between the threads.
const TRAFFIC_HOOK = `(() => {
  const traffic = { recording: false, messages: 0, bytes: 0 };
  window.__traffic = traffic;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (!traffic.recording) return;
        traffic.messages++;
        traffic.bytes += JSON.stringify(event.data).length;
      });
    }
  };
})();`;

interface Traffic {
  kbPerS: number;
  batchesPerS: number;
}

/** Worker→UI traffic during playback of the load (kB of JSON and replies per second of wall clock). */
async function trafficRun(browser: Browser, url: string, playbackMs: number, speed: number): Promise<Traffic> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(TRAFFIC_HOOK);
    await page.goto(url);
    await page.waitForFunction(() => window.__zooscope !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => window.__zooscope!.ready());
    await page.evaluate(async (speed) => {
      await window.__zooscope!.play(speed);
      (window as unknown as { __traffic: { recording: boolean } }).__traffic.recording = true;
    }, speed);
    const start = Date.now();
    await page.waitForTimeout(playbackMs);
    const counted = await page.evaluate(() => {
      const traffic = (window as unknown as { __traffic: { recording: boolean; messages: number; bytes: number } }).__traffic;
      traffic.recording = false;
      return { messages: traffic.messages, bytes: traffic.bytes };
    });
    const seconds = (Date.now() - start) / 1000;
    await page.evaluate(() => window.__zooscope!.pause());
    return { kbPerS: round(counted.bytes / 1000 / seconds), batchesPerS: round(counted.messages / seconds) };
  } finally {
    await context.close();
  }
}

interface FrameRun {
  frameP95: number;
  frameP50: number;
  scriptP95: number;
  frames: number;
  intervalP95: number;
  longTasks: number;
  longestTaskMs: number;
  messagesInFlight: number[];
  breakdown: string;
  simulatedMs: [number, number];
}

async function firstFrameRun(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_FRAME_HOOK);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __benchFirstFrameMs?: number }).__benchFirstFrameMs !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { __benchFirstFrameMs: number }).__benchFirstFrameMs);
  } finally {
    await context.close();
  }
}

async function frameRun(browser: Browser, url: string, playbackMs: number, speed: number): Promise<FrameRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(FRAME_HOOK);
    await page.goto(url);
    await page.waitForFunction(() => window.__zooscope !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => window.__zooscope!.ready());
    const startView = await page.evaluate(() => ({ t: window.__zooscope!.view().timeMs, m: (window.__zooscope!.view() as { messages?: unknown[] }).messages?.length ?? 0 }));
    // Chromium's cumulative main-thread figures (a per-frame breakdown for stderr).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async (): Promise<Record<string, number>> =>
      Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    await page.evaluate(async (speed) => {
      await window.__zooscope!.play(speed);
      (window as unknown as { __bench: { recording: boolean } }).__bench.recording = true;
    }, speed);
    // A few samples of the load (view() clones the view on the main thread: kept rare).
    const messagesInFlight: number[] = [startView.m];
    const samples = 3;
    for (let sample = 1; sample <= samples; sample++) {
      await page.waitForTimeout(playbackMs / samples);
      messagesInFlight.push(await page.evaluate(() => (window.__zooscope!.view() as { messages?: unknown[] }).messages?.length ?? 0));
    }
    const result = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { recording: boolean; frames: number[]; scripts: number[]; intervals: number[]; longTasks: number[]; longTaskError?: string } }).__bench;
      bench.recording = false;
      return { frames: bench.frames, scripts: bench.scripts, intervals: bench.intervals, longTasks: bench.longTasks, longTaskError: bench.longTaskError ?? null, t: window.__zooscope!.view().timeMs };
    });
    const after = await metrics();
    await page.evaluate(() => window.__zooscope!.pause());
    const perFrame = (name: string): number => round((((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / Math.max(1, result.intervals.length + 1), 2);
    const breakdown = `per frame (mean): main-thread CPU ${perFrame('ThreadTime')} ms, tasks ${perFrame('TaskDuration')} ms, script ${perFrame('ScriptDuration')} ms, ` +
      `style ${perFrame('RecalcStyleDuration')} ms, layout ${perFrame('LayoutDuration')} ms, other ${perFrame('TaskOtherDuration')} ms`;
    if (result.longTaskError) log(`PerformanceObserver('longtask') unavailable: ${result.longTaskError}`);
    if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
    if (result.frames.length === 0) throw new Error('no frames recorded');
    return {
      frameP95: percentile(result.frames, 95),
      frameP50: percentile(result.frames, 50),
      scriptP95: percentile(result.scripts, 95),
      frames: result.frames.length,
      intervalP95: result.intervals.length > 0 ? percentile(result.intervals, 95) : Number.NaN,
      longTasks: result.longTasks.length,
      longestTaskMs: result.longTasks.length > 0 ? Math.max(...result.longTasks) : 0,
      messagesInFlight,
      breakdown,
      simulatedMs: [startView.t, result.t],
    };
  } finally {
    await context.close();
  }
}

/** The UI figures; the browser ones are left out (with a note on stderr) when no Chromium exists. */
export async function uiBenchmarks(options: UiOptions): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const outDir = mkdtempSync(join(tmpdir(), 'zs-bench-dist-'));
  let server: Awaited<ReturnType<typeof serveStatic>> | null = null;
  let browser: Browser | null = null;
  const cleanup = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    browser = null;
    await server?.close().catch(() => undefined);
    server = null;
    rmSync(outDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`building into ${outDir}`);
    await viteBuild(outDir);
    const bundle = bundleFigures(outDir);
    figures.bundle_gz_kb = bundle.bundle_gz_kb;
    figures.worker_gz_kb = bundle.worker_gz_kb;
    log(`first-load JS ${JSON.stringify(bundle.files.initial)}: ${bundle.bundle_gz_kb} kB gz; worker ${JSON.stringify(bundle.files.worker)}: ${bundle.worker_gz_kb} kB gz`);

    const finder = (await import(pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href)) as FindChromiumModule;
    // BENCH_UI_NO_BROWSER=1 takes the no-Chromium path on purpose (to check it, or to save time).
    const found = process.env.BENCH_UI_NO_BROWSER === '1' ? null : finder.findChromium({ install: false, log });
    if (!found) {
      log('SKIPPED first_frame_ms, ui_frame_ms_p95, ui_long_tasks: no Chromium found (set CHROMIUM_PATH, or see `node scripts/find-chromium.mjs`)');
      return figures;
    }
    const { chromium } = await import('playwright-core');
    server = await serveStatic(outDir);
    browser = await within(60_000, 'launching Chromium', chromium.launch({ executablePath: found.path, args: finder.CHROMIUM_ARGS, headless: true }));
    log(`chromium (${found.source}) ${browser.version()} at ${found.path}; site at ${server.origin}`);

    // The share URL of the first demo, as the app lists it.
    const demoUrl = await within(60_000, 'reading the demo catalog', (async () => {
      const context = await browser!.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server!.origin}/`);
        await page.waitForFunction(() => window.__zooscope !== undefined);
        await page.evaluate(() => window.__zooscope!.ready());
        return await page.evaluate(() => window.__zooscope!.catalog().scenarios[0]!.url);
      } finally {
        await context.close();
      }
    })());
    const firstFrames: number[] = [];
    for (let run = 0; run < options.runs; run++) firstFrames.push(await within(60_000, 'first frame', firstFrameRun(browser, demoUrl)));
    figures.first_frame_ms = round(median(firstFrames));
    log(`first_frame_ms runs (${demoUrl.slice(0, 60)}…): ${firstFrames.map((value) => round(value)).join(', ')}`);

    const loadUrl = `${server.origin}/${uiLoadFragment()}`;
    // BENCH_UI_SPEED overrides the playback speed for exploration (the load lasts
    // UI_LOAD.loadUntilMs - UI_LOAD.startAtMs of simulated time: keep speed × playback within it).
    const speed = Number(process.env.BENCH_UI_SPEED) > 0 ? Number(process.env.BENCH_UI_SPEED) : UI_LOAD.speed;
    log(`frame runs: ${UI_LOAD.servers} servers, ${UI_LOAD.clients} clients, speed ${speed}, ${options.playbackMs / 1000} s wall each, ${options.runs} runs`);
    const frameRuns: FrameRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const result = await within(options.playbackMs + 90_000, 'frame run', frameRun(browser, loadUrl, options.playbackMs, speed));
      frameRuns.push(result);
      log(
        `  run ${run + 1}: frame p50 ${round(result.frameP50, 2)} ms, p95 ${round(result.frameP95, 2)} ms over ${result.frames} frames (app rAF script p95 ${round(result.scriptP95, 2)} ms); ` +
        `rAF interval p95 ${round(result.intervalP95, 1)} ms; long tasks ${result.longTasks} (longest ${round(result.longestTaskMs)} ms); ` +
        `messages in flight ${result.messagesInFlight.join('/')}; simulated ${result.simulatedMs[0]}→${result.simulatedMs[1]} ms\n[bench:ui]     ${result.breakdown}`,
      );
    }
    figures.ui_frame_ms_p95 = round(median(frameRuns.map((run) => run.frameP95)), 2);
    figures.ui_long_tasks = median(frameRuns.map((run) => run.longTasks));

    // Worker→UI traffic (DESIGN.md's "bytes and messages per second during playback"), measured
    // apart from the frame runs because counting it costs the main thread.
    const traffic: Traffic[] = [];
    for (let run = 0; run < options.runs; run++) traffic.push(await within(options.playbackMs + 90_000, 'traffic run', trafficRun(browser, loadUrl, Math.min(options.playbackMs, 10_000), speed)));
    figures.worker_to_ui_kb_per_s = median(traffic.map((run) => run.kbPerS));
    figures.worker_to_ui_batches_per_s = median(traffic.map((run) => run.batchesPerS));
    log(`worker→UI traffic runs: ${traffic.map((run) => `${run.kbPerS} kB/s in ${run.batchesPerS} batches/s`).join(', ')}`);
    return figures;
  } catch (error) {
    // Whatever was measured before the failure is still reported; the failure is said on stderr.
    log(`FAILED, figures after this point left out: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return figures;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
