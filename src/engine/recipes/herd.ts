// The herd effect, measured (ZooKeeper Recipes doc: a lock where every waiter watches the same
// node wakes them all on each release). One holder and `waiters` contenders, each its own client;
// once all of them wait, the holder releases; we count the watch notifications that reach the
// contenders' clients in the half hold that follows. The recipe lock (watch your predecessor)
// gives 1; the naive lock (everyone watches the lock node) gives about one per waiter.
import { parseScenarioJson } from '../scenario/parse';
import { createWorld } from '../world';

const HOLD_MS = 20_000;
const RUN_LIMIT_MS = 600_000;

/** Watch notifications delivered to lock clients per release, with `waiters` waiting. */
export function herdNotificationsPerRelease(waiters: number, recipe: 'lock' | 'naive-lock'): number {
  if (!Number.isInteger(waiters) || waiters < 1) throw new Error('waiters: must be a positive integer');
  const path = recipe === 'lock' ? '/herd' : '/herd/lock';
  const actors = Array.from({ length: waiters + 1 }, (_, index) => ({
    id: `A${index}`, recipe, client: `h${index}`, path, holdMs: HOLD_MS, rounds: 1,
    // The first one starts alone so that it is the holder; the others queue up behind it.
    ...(index === 0 ? {} : { startMs: 1000 }),
  }));
  const scenario = parseScenarioJson({ version: 1, seed: 1, title: `herd ${recipe} ${waiters}`, steps: [], actors });
  const world = createWorld(scenario, [], { traceMessages: false, snapshotEveryMs: RUN_LIMIT_MS });
  let waiting = 0;
  let releasedAtMs: number | null = null;
  let notifications = 0;
  while (world.timeMs() <= RUN_LIMIT_MS && world.stepEvent()) {
    for (const record of world.drain()) {
      if (record.type === 'actor' && record.event === 'waiting') waiting++;
      if (record.type === 'actor' && record.event === 'released' && releasedAtMs === null) {
        if (waiting < waiters) throw new Error(`herd: only ${waiting} of ${waiters} waiting at the first release`);
        releasedAtMs = record.t;
      }
      if (record.type === 'watch' && releasedAtMs !== null && record.path.startsWith(path)) notifications++;
    }
    if (releasedAtMs !== null && world.timeMs() >= releasedAtMs + HOLD_MS / 2) return notifications;
  }
  throw new Error('herd: the run ended before a release');
}
