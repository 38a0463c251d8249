#!/usr/bin/env node
// Used by `npm run dev`: on a fresh clone (no node_modules) or after package-lock.json /
// package.json changed, run `npm install` first so the README's run command is one line.
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return null;
  }
};

// npm rewrites node_modules/.package-lock.json on every install that changes the tree.
const marker = join(root, 'node_modules', '.package-lock.json');
const installedAt = mtime(marker) ?? mtime(join(root, 'node_modules'));
const wantedAt = Math.max(mtime(join(root, 'package-lock.json')) ?? 0, mtime(join(root, 'package.json')) ?? 0);

let reason = null;
if (installedAt === null) reason = 'node_modules is missing';
else if (wantedAt > installedAt) reason = 'package-lock.json/package.json is newer than node_modules';

if (reason) {
  console.error(`[ensure-install] ${reason}; running npm install`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // Mark as up to date even if npm had nothing to write, so we do not reinstall every run.
  const now = new Date();
  try {
    utimesSync(marker, now, now);
  } catch {
    /* no marker (empty dependency tree) */
  }
}
