// A server's log in the view: only the newest entries travel (the view is rebuilt and sent to the
// UI for every frame), while its counts cover the whole log.
import { describe, expect, it } from 'vitest';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createWorld } from '../src/engine/world';
import { VIEW_LOG_ENTRIES_MAX } from '../src/engine/zab/view';

interface LogView {
  log: { zxid: number; committed: boolean }[];
  logOmitted: number;
  logEntries: number;
  logCommitted: number;
  lastLoggedZxid: number;
}

const WRITES = 3 * VIEW_LOG_ENTRIES_MAX;

function steadyWrites() {
  const steps = [];
  for (let index = 0; index < WRITES; index++) steps.push({ at: 1000 + index * 20, client: 'c1', op: 'setData', path: '/', data: String(index) });
  return parseRunJson({ version: 1, seed: 3, ensemble: { servers: 3 }, clients: { c1: { server: 1 } }, steps }).scenario;
}

describe('the log in a server view', () => {
  it('carries the newest entries and counts the whole log', () => {
    const world = createWorld(steadyWrites());
    world.runUntil(1000 + WRITES * 20 + 2000);
    for (const server of world.view().servers) {
      const detail = server.detail as unknown as LogView;
      // createSession + every setData, all committed once the run settles.
      expect(detail.logEntries).toBe(WRITES + 1);
      expect(detail.logCommitted).toBe(WRITES + 1);
      expect(detail.log).toHaveLength(VIEW_LOG_ENTRIES_MAX);
      expect(detail.logOmitted).toBe(WRITES + 1 - VIEW_LOG_ENTRIES_MAX);
      expect(detail.log[detail.log.length - 1]!.zxid).toBe(detail.lastLoggedZxid);
      expect(detail.log.every((entry, index) => index === 0 || entry.zxid > detail.log[index - 1]!.zxid)).toBe(true);
    }
  });

  it('counts an uncommitted tail the same way the entries mark it', () => {
    const world = createWorld(steadyWrites());
    let sawTail = false;
    // Step through the writes: whenever an entry is logged but not committed, the counts agree.
    for (let t = 1000; t < 1000 + WRITES * 20; t += 3) {
      world.runUntil(t);
      for (const server of world.view().servers) {
        const detail = server.detail as unknown as LogView;
        const uncommitted = detail.log.filter((entry) => !entry.committed).length;
        expect(detail.logEntries - detail.logCommitted).toBe(uncommitted);
        if (uncommitted > 0) sawTail = true;
      }
    }
    expect(sawTail).toBe(true);
  });
});
