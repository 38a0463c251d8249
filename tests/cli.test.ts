// The headless runner's contract (CONTRACT.md sections 1 and 2), run as a user runs it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function sim(args: string[], stdin?: string) {
  const result = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'sim.ts'), ...args], { input: stdin, encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function rejects(stdin: string, expected: RegExp) {
  const result = sim(['-'], stdin);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
}

describe('npm run sim: bad input exits 2 with one clear line and no stdout', () => {
  it('malformed JSON', () => rejects('{"version": 1, "steps": [', /^sim: input: not valid JSON/));
  it('an unknown op', () => rejects('[{"client": "c1", "op": "creat", "path": "/a"}]', /^sim: ops\[0\]\.op: unknown op/));
  it('an unknown fault', () => rejects('{"version": 1, "steps": [{"fault": "explode", "server": 1}]}', /^sim: steps\[0\]\.fault: unknown fault/));
  it('an out-of-range server id', () => rejects('{"version": 1, "ensemble": {"servers": 3}, "steps": [{"fault": "crash", "server": 4}]}', /^sim: steps\[0\]\.server: server 4 is out of range \(1\.\.3\)/));
  it('a partition naming a server twice', () => rejects('{"version": 1, "steps": [{"fault": "partition", "groups": [[1, 2], [2, 3]]}]}', /server 2 is in two groups/));
  it('a version from a newer ZooScope', () => rejects('{"version": 2, "steps": []}', /^sim: version: 2 was made by a newer ZooScope/));
  it('a version that is not a whole number', () => rejects('{"version": "1", "steps": []}', /^sim: version: must be 1/));
  it('JSON nested absurdly deep', () => rejects(`{"version": 1, "steps": [], "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, /^sim: input: nested more than 64 levels deep/));
  it('a client label JavaScript reserves', () => rejects('{"version": 1, "steps": [{"client": "__proto__", "op": "create", "path": "/a"}]}', /^sim: steps\[0\]\.client: must not be __proto__/));
  it('a missing file', () => {
    const result = sim(['/nonexistent/file.json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/cannot read \/nonexistent\/file\.json \(ENOENT\)/);
  });
});

describe('npm run sim: runs', () => {
  const scenario = JSON.stringify({ version: 1, seed: 3, ensemble: { servers: 3 }, steps: [{ sleep: 2000 }, { fault: 'crash', server: 2 }, { sleep: 500 }, { fault: 'restart', server: 2 }] });

  it('prints trace lines and a done line with a fingerprint, identically every time', () => {
    const first = sim(['--trace', '-'], scenario);
    const second = sim(['--trace', '-'], scenario);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const lines = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toContainEqual({ t: 2000, fault: 'crash', server: 2 });
    expect(lines).toContainEqual(expect.objectContaining({ t: 2000, server: 2, role: 'DOWN' }));
    const done = lines[lines.length - 1];
    expect(done).toMatchObject({ done: true, t: 2500, invariants: { violations: [] } });
    expect(done.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('--encode-url and --decode-url round-trip a scenario', () => {
    const encoded = sim(['--encode-url', '-'], scenario);
    expect(encoded.status).toBe(0);
    const fragment = encoded.stdout.trim();
    expect(fragment).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    const decoded = sim(['--decode-url', `https://example.org/zooscope/${fragment}`]);
    expect(decoded.status).toBe(0);
    const json = JSON.parse(decoded.stdout);
    expect(json.steps).toEqual(JSON.parse(scenario).steps);
    expect(json.seed).toBe(3);
    expect(sim(['--trace', '-'], decoded.stdout).stdout).toBe(sim(['--trace', '-'], scenario).stdout);
  });

  it('--decode-url rejects a corrupt fragment with exit 2', () => {
    const result = sim(['--decode-url', '#s=1.AAAA']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sim: share URL: /);
  });
});
