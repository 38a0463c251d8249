// Helpers of the UI benchmarks: a production build into a temporary directory, its first-load
// JavaScript (gzipped), and a tiny static server for it on a free 127.0.0.1 port.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..');

/** Runs `vite build --outDir <dir>` (its output goes to stderr), bounded by `timeoutMs`. */
export function viteBuild(outDir: string, timeoutMs = 240_000): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((resolvePromise, reject) => {
    // Vite's own bin run by this node (no npx in between), so killing the child stops the build.
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', kill);
    child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`vite build took over ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      process.removeListener('exit', kill);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      done();
      if (code === 0) resolvePromise();
      else reject(new Error(`vite build failed (${code ?? signal})`));
    });
  });
}

const KB = 1000; // as Vite's own build report ("gzip: … kB")

function gzKb(bytes: number): number {
  return Math.round((bytes / KB) * 10) / 10;
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** Static `import … from "./x.js"` / `import "./x.js"` of a built chunk (not dynamic import()). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

/** Follows static imports from `entries` (paths relative to the site root). */
function closure(dir: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const file = join(dir, url);
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const base = file.slice(0, file.lastIndexOf(sep) + 1);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('/')) queue.push(spec);
      else if (spec.startsWith('.')) queue.push(join(base, spec).slice(dir.length));
    }
  }
  return seen;
}

export interface BundleFigures {
  bundle_gz_kb: number;
  worker_gz_kb: number;
  files: { initial: string[]; worker: string[] };
}

/** Gzipped size of the JavaScript index.html loads initially, and of the engine worker chunk. */
export function bundleFigures(dir: string): BundleFigures {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entries: string[] = [];
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) entries.push(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entries.push(match[1]!);
  const initial = closure(dir, entries.filter((url) => url.endsWith('.js')));
  const assets = join(dir, 'assets');
  const workerEntries = readdirSync(assets)
    .filter((name) => /worker/i.test(name) && name.endsWith('.js'))
    .map((name) => `/assets/${name}`);
  const worker = [...closure(dir, workerEntries)].filter((file) => !initial.has(file));
  const sum = (files: Iterable<string>): number => [...files].reduce((total, file) => total + gzipBytes(file), 0);
  return {
    bundle_gz_kb: gzKb(sum(initial)),
    worker_gz_kb: gzKb(sum(worker)),
    files: { initial: [...initial].map((file) => file.slice(dir.length)), worker: worker.map((file) => file.slice(dir.length)) },
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves `dir` on a free 127.0.0.1 port (like `vite preview`: files as they are, no compression). */
export function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
