// The swarm (TigerBeetle's VOPR): each seed draws its own ensemble, fault mix and client write
// workload, runs the whole world (Zab + the data tree + clients) with every invariant checked
// after every event, then heals everything and requires a converged, serving ensemble within a
// deadline. A failing seed is replayed with `runWorldSwarmSeed(seed)`.
import { randomFaultScenario } from '../scenario/random-faults';
import type { Step } from '../scenario/types';
import { createRng, intInRange, pick } from '../sim/rng';
import { createWorld, type InvariantViolation, type World } from '../world';
import { fingerprint } from '../sim/fingerprint';
import { allCheckers } from './world-checkers';

export interface WorldSwarmResult {
  seed: number;
  violations: InvariantViolation[];
  /** Simulated ms from the heal to a converged ensemble, or null if it never converged. */
  convergedAfterMs: number | null;
  events: number;
  description: string;
}

export interface WorldSwarmOptions {
  faultPhaseMs: number;
  healDeadlineMs: number;
  /** Bug-lab variants to run instead of the correct engine (CONTRACT.md "bugs"). */
  bugs: string[];
  /** Stop at the first violation (bug hunting). */
  stopAtViolation: boolean;
}

const DEFAULTS: WorldSwarmOptions = { faultPhaseMs: 20_000, healDeadlineMs: 60_000, bugs: [], stopAtViolation: false };
const CONVERGENCE_POLL_MS = 500;

/** Builds the scenario of one seed: random faults plus three clients writing now and then. */
export function worldSwarmScenario(seed: number, options: WorldSwarmOptions = DEFAULTS) {
  const rng = createRng(seed, 'swarm-shape');
  const servers = pick(rng, [3, 3, 5]);
  const scenario = randomFaultScenario(seed, { servers, faultPhaseMs: options.faultPhaseMs, faultsMax: 8 });
  scenario.ensemble = { ...scenario.ensemble, tickMs: pick(rng, [200, 2000]), syncLimit: pick(rng, [2, 5]), latencyMsMax: pick(rng, [8, 30]) };
  const labels = ['c1', 'c2', 'c3'];
  labels.forEach((label, index) => {
    scenario.clients[label] = { server: (index % servers) + 1, sessionTimeoutMs: pick(rng, [4_000, 10_000, 30_000]), connectAtStart: true };
  });
  const writes: Step[] = [];
  for (let index = 0; index < intInRange(rng, 5, 25); index++) {
    const at = intInRange(rng, 500, options.faultPhaseMs - 1);
    const client = pick(rng, labels);
    writes.push(pick(rng, [
      { kind: 'op', at, client, op: 'create', path: `/k${index}`, data: `v${index}` },
      { kind: 'op', at, client, op: 'create', path: `/e-${client}-`, mode: 'EPHEMERAL_SEQUENTIAL' },
      { kind: 'op', at, client, op: 'setData', path: '/k0', data: `w${index}` },
      { kind: 'op', at, client, op: 'delete', path: `/k${index - 1}` },
    ] as Step[]));
  }
  scenario.steps = [...scenario.steps, ...writes].sort((left, right) => (left.at ?? 0) - (right.at ?? 0));
  return scenario;
}

/** Runs one seed; checks safety throughout and liveness after the heal. */
export function runWorldSwarmSeed(seed: number, partial: Partial<WorldSwarmOptions> = {}): WorldSwarmResult {
  const options = { ...DEFAULTS, ...partial };
  const scenario = { ...worldSwarmScenario(seed, options), bugs: options.bugs };
  const world = createWorld(scenario, [], { checkers: allCheckers(options.bugs as never), traceMessages: false, snapshotEveryMs: 1_000_000 });
  if (options.stopAtViolation) {
    for (let timeMs = 250; timeMs <= options.faultPhaseMs && world.invariants().violations.length === 0; timeMs += 250) world.runUntil(timeMs);
    if (world.invariants().violations.length > 0) {
      return { seed, violations: world.invariants().violations, convergedAfterMs: null, events: world.eventsProcessed(), description: `bugs=${options.bugs.join(',')}` };
    }
  }
  world.runUntil(options.faultPhaseMs);
  let convergedAfterMs: number | null = null;
  for (let elapsed = 0; elapsed <= options.healDeadlineMs; elapsed += CONVERGENCE_POLL_MS) {
    world.runUntil(options.faultPhaseMs + elapsed);
    world.drain();
    if (converged(world)) {
      convergedAfterMs = elapsed;
      break;
    }
  }
  const ensemble = scenario.ensemble;
  return {
    seed, violations: world.invariants().violations, convergedAfterMs, events: world.eventsProcessed(),
    description: `servers=${ensemble.servers} tickMs=${ensemble.tickMs} syncLimit=${ensemble.syncLimit} faults=${scenario.steps.filter((step) => step.kind === 'fault').length}`,
  };
}

/** One leader, every server alive and serving, and the same data tree everywhere. */
function converged(world: World): boolean {
  const view = world.view();
  const leaders = view.servers.filter((server) => server.role === 'LEADING');
  if (leaders.length !== 1 || view.servers.some((server) => !server.alive || !server.serving)) return false;
  // The same znodes and sessions everywhere (how a server got there, DIFF or SNAP, may differ).
  const trees = world.snapshot().state.servers.map((slot) => {
    const tree = (slot.state as { db: { nodes: unknown; sessions: unknown } }).db;
    return fingerprint({ nodes: tree.nodes, sessions: tree.sessions });
  });
  return trees.every((tree) => tree === trees[0]);
}
