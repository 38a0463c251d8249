// Whether a server runs its client-facing ZooKeeperServer, from state alone.
import type { ZabBug } from './options';
import type { ZabServerState } from './state';

/** A leader in BROADCAST, or a learner after UPTODATE (or, in the bug lab, one that serves early). */
export function isServingState(state: ZabServerState, bugs: readonly ZabBug[] = []): boolean {
  if (!state.running) return false;
  if (state.role === 'LEADING') return state.phase === 'BROADCAST';
  if (state.learner === null) return false;
  if (state.learner.stage === 'BROADCAST') return true;
  return bugs.includes('serve-before-uptodate') && state.learner.stage !== 'REGISTERING';
}
