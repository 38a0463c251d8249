// Swarm testing (TigerBeetle's VOPR): each seed draws its own mix of faults, so many seeds
// explore many different runs. Used by the swarm tests and the benchmarks.
import { chance, createRng, intInRange, pick } from '../sim/rng';
import { DEFAULT_ENSEMBLE, type FaultAction, type Scenario, type Step } from './types';

export interface SwarmOptions {
  servers: number;
  /** Faults happen in [0, faultPhaseMs); then everything heals. */
  faultPhaseMs: number;
  faultsMax: number;
}

/** A scenario whose faults are drawn from `seed`: crashes, restarts, partitions, cuts, loss, delay. */
export function randomFaultScenario(seed: number, options: SwarmOptions): Scenario {
  const rng = createRng(seed, 'swarm');
  const ids = Array.from({ length: options.servers }, (_, index) => index + 1);
  const faultCount = intInRange(rng, 0, options.faultsMax);
  const steps: Step[] = [];
  const weights = { crash: intInRange(rng, 0, 4), partition: intInRange(rng, 0, 4), cut: intInRange(rng, 0, 2), loss: intInRange(rng, 0, 2), delay: intInRange(rng, 0, 2), pause: intInRange(rng, 0, 2) };
  const kinds = (Object.keys(weights) as (keyof typeof weights)[]).flatMap((kind) => Array<keyof typeof weights>(weights[kind]).fill(kind));
  for (let index = 0; index < faultCount && kinds.length > 0; index++) {
    const at = intInRange(rng, 0, options.faultPhaseMs - 1);
    const action = drawFault(rng, pick(rng, kinds), ids);
    steps.push({ kind: 'fault', at, ...action });
    if (chance(rng, 2, 3)) steps.push({ kind: 'fault', at: intInRange(rng, at, options.faultPhaseMs), ...undoFault(action) });
  }
  steps.sort((left, right) => (left.at ?? 0) - (right.at ?? 0));
  steps.push({ kind: 'fault', at: options.faultPhaseMs, fault: 'heal' });
  for (const id of ids) steps.push({ kind: 'fault', at: options.faultPhaseMs, fault: 'restart', server: id });
  for (const id of ids) steps.push({ kind: 'fault', at: options.faultPhaseMs, fault: 'resume', server: id });
  return {
    version: 1, title: `swarm seed ${seed}`, seed, ensemble: { ...DEFAULT_ENSEMBLE, servers: options.servers },
    clients: {}, steps, actors: [], bugs: [], oracleMode: false,
  };
}

function drawFault(rng: ReturnType<typeof createRng>, kind: string, ids: number[]): FaultAction {
  const server = pick(rng, ids);
  switch (kind) {
    case 'crash': return { fault: 'crash', server };
    case 'partition': {
      const shuffled = [...ids].sort((a, b) => ((a * 7919 + intInRange(rng, 0, 1000)) % 97) - ((b * 7919) % 97));
      const cut = intInRange(rng, 1, ids.length - 1);
      return { fault: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] };
    }
    case 'cut': {
      const to = pick(rng, ids.filter((id) => id !== server));
      return { fault: 'cut', from: server, to };
    }
    case 'loss': return { fault: 'loss', ratio: intInRange(rng, 1, 30) / 100 };
    case 'delay': return { fault: 'delay', from: server, latencyMsMin: 50, latencyMsMax: intInRange(rng, 50, 1500) };
    default: return { fault: 'pause', server, durationMs: intInRange(rng, 100, 15_000) };
  }
}

function undoFault(action: FaultAction): FaultAction {
  switch (action.fault) {
    case 'crash': return { fault: 'restart', server: action.server! };
    case 'cut': return { fault: 'uncut', from: action.from!, to: action.to! };
    case 'pause': return { fault: 'resume', server: action.server! };
    default: return { fault: 'heal' };
  }
}
