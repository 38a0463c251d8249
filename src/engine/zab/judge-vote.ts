// "Why does this vote win or lose?": the receiver weighs an incoming notification exactly as
// election.ts does (same round rules, same `beats`), and this says which field decided it.
import type { JudgedVote, VoteJudgement } from '../sim/vote-judgement';
import type { ZabContext } from './context';
import { beats, initialProposal } from './election';
import type { Notification } from './packets';
import { isVoter } from './quorum';

type Fields = Pick<JudgedVote, 'leader' | 'zxid' | 'peerEpoch'>;

/** Judges `notification` against the receiver's vote now (context.state is the receiver). */
export function judgeNotification(context: ZabContext, notification: Notification): VoteJudgement {
  const state = context.state;
  const election = state.election;
  const looking = state.running && state.role === 'LOOKING';
  const receiverRound = election.logicalClock;
  const round = notification.electionEpoch > receiverRound ? 'newer' : notification.electionEpoch < receiverRound ? 'older' : 'same';
  // A newer round resets the receiver to its own initial vote before comparing (lookForLeader).
  const base: Fields = looking
    ? (round === 'newer' ? initialProposal(context) : election.proposal)
    : { leader: election.currentVote.leader, zxid: election.currentVote.zxid, peerEpoch: election.currentVote.peerEpoch };
  const incoming: Fields = { leader: notification.leader, zxid: notification.zxid, peerEpoch: notification.peerEpoch };
  const incomingWins = beats(context, incoming, base);
  const currentWins = beats(context, base, incoming);
  const winner = incomingWins ? 'incoming' : currentWins ? 'current' : 'tie';
  return {
    receiver: state.id,
    receiverRole: state.running ? state.role : 'DOWN',
    incoming: { ...incoming, electionEpoch: notification.electionEpoch },
    current: { ...base, electionEpoch: round === 'newer' && looking ? notification.electionEpoch : receiverRound },
    receiverRound,
    round,
    winner,
    decidedBy: winner === 'tie' ? 'none' : decidingField(context, winner === 'incoming' ? incoming : base, winner === 'incoming' ? base : incoming),
  };
}

/** The first field, in the order's sequence (peerEpoch, zxid, sid), where the winner is ahead.
 * Fields the order ignores (a bug-lab variant) are skipped because they would not favour it. */
function decidingField(context: ZabContext, winner: Fields, loser: Fields): VoteJudgement['decidedBy'] {
  if (!isVoter(context.state.config, loser.leader)) return 'not-voter';
  if (winner.peerEpoch !== loser.peerEpoch) return winner.peerEpoch > loser.peerEpoch ? 'peerEpoch' : 'none';
  if (winner.zxid > loser.zxid) return 'zxid';
  if (winner.leader > loser.leader) return 'sid';
  return 'none';
}
