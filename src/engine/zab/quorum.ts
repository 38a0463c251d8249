// Majority quorums (QuorumMaj): voters only; observers never count.
import type { EndpointId } from '../sim/network';
import type { ZabConfig } from './state';

/** Whether `sid` is a voter (a participant with non-zero weight). */
export function isVoter(config: ZabConfig, sid: EndpointId): boolean {
  return config.voters.includes(sid);
}

/** QuorumMaj.containsQuorum: more than half of the voters are in `sids`. */
export function containsQuorum(config: ZabConfig, sids: readonly EndpointId[]): boolean {
  let count = 0;
  for (const sid of config.voters) if (sids.includes(sid)) count++;
  return count > Math.floor(config.voters.length / 2);
}
