// Swarm testing (TigerBeetle's VOPR style): each seed draws its own ensemble and fault mix
// (crashes, restarts, partitions, client writes), runs the checkers after every event, then heals
// everything and requires a working, converged ensemble within a deadline.
import { checkZab, createLedger, type Violation } from '../../check/zab-invariants';
import { summarizeZab, type ReplicaSummary } from '../../check/replica';
import { createRng, intInRange, pick, type RngState } from '../../sim/rng';
import type { ZabBug } from '../options';
import type { ZabServerState } from '../state';
import { kvMachine } from './kv-machine';
import { clientSend, crashServer, createHarness, partition, serverIds, startServers, stepOnce, type Harness } from './harness';

export interface SwarmResult {
  seed: number;
  violations: Violation[];
  /** Simulated ms from heal to convergence, or null if it never converged. */
  convergedAfterMs: number | null;
  events: number;
  commits: number;
  description: string;
}

export interface SwarmOptions {
  faultPhaseMs: number;
  healDeadlineMs: number;
  bugs: ZabBug[];
  /** Stop at the first violation (bug hunting) instead of finishing the run. */
  stopAtViolation: boolean;
}

const DEFAULT_SWARM: SwarmOptions = { faultPhaseMs: 20_000, healDeadlineMs: 120_000, bugs: [], stopAtViolation: true };

/** Runs one seed of the swarm. */
export function runSwarmSeed(seed: number, partial: Partial<SwarmOptions> = {}): SwarmResult {
  const options = { ...DEFAULT_SWARM, ...partial };
  const rng = createRng(seed, 'swarm');
  const servers = pick(rng, [3, 3, 5]);
  const observers = intInRange(rng, 0, 1);
  const zab = { commitLogCount: pick(rng, [3, 10, 500]), snapCount: pick(rng, [10, 40, 100_000]), snapRetainCount: 2, fsyncDelayMs: pick(rng, [0, 0, 2]), bugs: options.bugs };
  const harness = createHarness(kvMachine, { seed, servers, observers, tickMs: pick(rng, [200, 2000]), initLimit: 10, syncLimit: pick(rng, [2, 5]), latencyMsMin: 1, latencyMsMax: pick(rng, [5, 30]), zab }) as unknown as Harness;
  const description = `servers=${servers} observers=${observers} tickMs=${harness.options.tickMs} syncLimit=${harness.options.syncLimit} ${JSON.stringify(zab)}`;
  const ledger = createLedger();
  const violations: Violation[] = [];
  let events = 0;
  const check = () => {
    events++;
    const found = checkZab(ledger, summaries(harness, options.bugs));
    if (found.length > 0 && violations.length < 20) violations.push(...found.slice(0, 20 - violations.length));
  };
  startServers(harness);
  const faultUntil = harness.nowMs + options.faultPhaseMs;
  let nextActionMs = harness.nowMs + intInRange(rng, 200, 1500);
  let requestId = 1;
  for (let guard = 0; guard < 5_000_000 && harness.nowMs < faultUntil; guard++) {
    if (options.stopAtViolation && violations.length > 0) break;
    if (!stepOnce(harness, Math.min(nextActionMs, faultUntil))) {
      harness.nowMs = Math.min(nextActionMs, faultUntil);
      if (harness.nowMs >= nextActionMs) {
        randomAction(harness, rng, requestId++);
        nextActionMs = harness.nowMs + intInRange(rng, 50, 1500);
      }
      continue;
    }
    check();
  }
  const convergedAfterMs = violations.length > 0 && options.stopAtViolation ? null : heal(harness, rng, options.healDeadlineMs, check, requestId);
  const commits = harness.records.filter((record) => record.kind === 'trace' && record.record.type === 'commit').length;
  return { seed, violations, convergedAfterMs, events, commits, description };
}

function summaries(harness: Harness, bugs: ZabBug[]): ReplicaSummary[] {
  return harness.servers.map((state, index) => summarizeZab(state as ZabServerState, harness.alive[index]!, bugs));
}

function randomAction(harness: Harness, rng: RngState, requestId: number): void {
  const ids = serverIds(harness);
  const roll = intInRange(rng, 0, 99);
  if (roll < 12) {
    const alive = ids.filter((id) => harness.alive[id - 1]);
    if (alive.length > 0) crashServer(harness, pick(rng, alive));
  } else if (roll < 26) {
    const down = ids.filter((id) => !harness.alive[id - 1]);
    if (down.length > 0) startServers(harness, [pick(rng, down)]);
  } else if (roll < 34) {
    const groups: number[][] = [[], []];
    for (const id of ids) groups[intInRange(rng, 0, 1)]!.push(id);
    partition(harness, groups.filter((group) => group.length > 0));
  } else if (roll < 42) {
    partition(harness, null);
  } else {
    const client = 1000 + intInRange(rng, 0, 3);
    clientSend(harness, client, pick(rng, ids), { type: 'CLIENT_WRITE', requestId, request: { op: 'set', key: `k${intInRange(rng, 0, 9)}`, value: `v${requestId}` } });
  }
}

/** Heals everything, then waits for one leader in BROADCAST with every server synced to it and
 * a fresh write applied everywhere with identical databases. */
function heal(harness: Harness, rng: RngState, deadlineMs: number, check: () => void, requestId: number): number | null {
  const healedAt = harness.nowMs;
  partition(harness, null);
  startServers(harness);
  const deadline = healedAt + deadlineMs;
  let probeZxid: number | null = null;
  for (let guard = 0; guard < 5_000_000 && harness.nowMs < deadline; guard++) {
    const states = harness.servers as ZabServerState[];
    const leader = states.find((state) => state.role === 'LEADING' && state.phase === 'BROADCAST');
    const allServing = states.every((state) => state.phase === 'BROADCAST');
    if (leader && allServing && probeZxid === null) {
      clientSend(harness, 1099, leader.id, { type: 'CLIENT_WRITE', requestId, request: { op: 'set', key: 'probe', value: `p${intInRange(rng, 0, 999)}` } });
      probeZxid = leader.leader!.lastProposedZxid + 1;
    }
    if (probeZxid !== null && converged(states, probeZxid)) return harness.nowMs - healedAt;
    if (probeZxid !== null && !allServing) probeZxid = null; // lost the leader again: probe anew
    if (!stepOnce(harness, deadline)) break;
    check();
  }
  return null;
}

function converged(states: ZabServerState[], probeZxid: number): boolean {
  const leader = states.find((state) => state.role === 'LEADING');
  if (!leader || !states.every((state) => state.phase === 'BROADCAST' && state.lastCommittedZxid >= probeZxid)) return false;
  const reference = JSON.stringify(leader.db);
  return states.every((state) => JSON.stringify(state.db) === reference);
}
