#!/usr/bin/env node
// Resolves the Chromium binary the e2e tests drive. Order:
//   1. $CHROMIUM_PATH
//   2. Playwright's own downloaded browser (`npx playwright install chromium`), if present on disk
//   3. the system Chromium: /usr/bin/chromium, /usr/bin/chromium-browser
//   4. as root on Debian/Ubuntu with apt-get: `apt-get install chromium fonts-noto-cjk`, then 3 again
//   5. otherwise: throw ChromiumNotFoundError with install instructions
//
// Usage as a module:  import { findChromium } from './find-chromium.mjs';
//                     const { path, source } = findChromium();            // may install
//                     const found = findChromium({ install: false });     // never installs; null if none
// Usage as a script:  node scripts/find-chromium.mjs [--no-install]       // prints the path
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Packages installed by the apt fallback (and by .ci/run). */
export const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'fonts-liberation'];

/** Flags every launch of the resolved browser needs (root, no GPU, no internet). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class ChromiumNotFoundError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

function isExecutable(file) {
  if (!file) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian's /usr/bin/chromium is a /bin/sh launcher that sources /etc/chromium.d/* (adds
 * --enable-remote-extensions, --load-extension=..., and on bookworm a /dev/shm check that
 * prints "[: unexpected operator"). Playwright drives the real binary more predictably,
 * so resolve the launcher to /usr/lib/chromium/chromium when that is what it wraps.
 */
function unwrapDebianLauncher(file) {
  try {
    const real = realpathSync(file);
    const head = readFileSync(real, { encoding: 'latin1' }).slice(0, 4096);
    if (head.startsWith('#!')) {
      const m = head.match(/LIBDIR=\/usr\/lib\/\$APPNAME/) ? /APPNAME=([\w.-]+)/.exec(head) : null;
      const inner = m ? `/usr/lib/${m[1]}/${m[1]}` : null;
      if (inner && isExecutable(inner)) return inner;
    }
    return real;
  } catch {
    return file;
  }
}

/** Playwright's own downloaded Chromium, asked of playwright-core's registry (never downloads). */
function playwrightChromium() {
  const candidates = [];
  try {
    // Internal but exported entry point; preferred because it also knows the headless shell.
    const { registry } = require('playwright-core/lib/coreBundle').registry;
    for (const name of ['chromium-headless-shell', 'chromium']) {
      try {
        const p = registry.findExecutable(name)?.executablePath('javascript');
        if (p) candidates.push(p);
      } catch {
        /* not known to this version */
      }
    }
  } catch {
    /* internal API moved: fall back to the public one */
  }
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    if (p) candidates.push(p);
  } catch {
    /* playwright-core not installed (yet) */
  }
  return candidates.find(isExecutable) ?? null;
}

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

function systemChromium() {
  for (const c of SYSTEM_CANDIDATES) {
    if (isExecutable(c)) return unwrapDebianLauncher(c);
  }
  return null;
}

function osRelease() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const get = (k) => (new RegExp(`^${k}=\"?([^\"\\n]*)`, 'm').exec(text)?.[1] ?? '').toLowerCase();
    return { id: get('ID'), idLike: get('ID_LIKE'), pretty: get('PRETTY_NAME') };
  } catch {
    return null;
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function canAptInstall() {
  if (process.platform !== 'linux') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  const os = osRelease();
  if (!os) return false;
  const family = `${os.id} ${os.idLike}`;
  if (!/\b(debian|ubuntu)\b/.test(family)) return false;
  return hasCommand('apt-get');
}

function aptInstall(log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    log(`[find-chromium] $ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new ChromiumNotFoundError(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n${howToInstall()}`);
  };
  run(['update']);
  run(['install', '-y', '--no-install-recommends', ...APT_PACKAGES]);
}

export function howToInstall() {
  return [
    'No Chromium found for the browser tests. Install one of these ways, then re-run:',
    `  - Debian/Ubuntu:    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`,
    '                      (run the tests as root and this is done automatically)',
    '  - where downloads from the Playwright CDN work:   npx playwright install --with-deps chromium',
    '  - or point at any Chromium/Chrome binary:         CHROMIUM_PATH=/path/to/chrome npm test',
  ].join('\n');
}

/**
 * @param {{ install?: boolean, log?: (msg: string) => void }} [options]
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'playwright' | 'system' | 'apt' } | null}
 *   null only when install === false and nothing was found; otherwise throws ChromiumNotFoundError.
 */
export function findChromium({ install = true, log = (m) => console.error(m) } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new ChromiumNotFoundError(`CHROMIUM_PATH=${fromEnv} is not an executable file.\n${howToInstall()}`);
    }
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }

  const pw = playwrightChromium();
  if (pw) return { path: pw, source: 'playwright' };

  const sys = systemChromium();
  if (sys) return { path: sys, source: 'system' };

  if (!install) return null;

  if (canAptInstall()) {
    log(`[find-chromium] no Chromium found; installing Debian's: ${APT_PACKAGES.join(' ')}`);
    aptInstall(log);
    const installed = systemChromium();
    if (installed) return { path: installed, source: 'apt' };
    throw new ChromiumNotFoundError(`apt-get installed chromium but no binary was found at ${SYSTEM_CANDIDATES.join(', ')}.\n${howToInstall()}`);
  }

  throw new ChromiumNotFoundError(howToInstall());
}

/** Like findChromium, but prints the instructions and exits the process instead of throwing. */
export function findChromiumOrExit(options) {
  try {
    return findChromium(options);
  } catch (e) {
    if (e instanceof ChromiumNotFoundError) {
      console.error(`\n${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

export function chromiumVersion(path) {
  const r = spawnSync(path, ['--version', ...CHROMIUM_ARGS], { encoding: 'utf8', timeout: 20_000 });
  return (r.stdout || '').trim() || null;
}

if (process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findChromiumOrExit({ install: !process.argv.includes('--no-install') });
  if (!found) {
    console.error(howToInstall());
    process.exit(1);
  }
  console.log(found.path);
}
