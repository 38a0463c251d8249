// The message inspector's "why this vote wins or loses", in words: the judgement itself comes
// from the engine (its own total order, src/engine/zab/judge-vote.ts); this only phrases it.
import { formatZxidPair } from '../../engine/sim/format';
import type { JudgedVote, VoteJudgement } from '../../engine/sim/vote-judgement';
import type { Translate } from '../i18n/translate';

/** A vote as "(peerEpoch 1, zxid 1:0, sid 3), round 2". */
export function voteTuple(vote: JudgedVote, t: Translate): string {
  return t('vote.tuple', { peerEpoch: vote.peerEpoch, zxid: formatZxidPair(Math.max(0, vote.zxid)), sid: vote.leader, round: vote.electionEpoch });
}

/** The sentences explaining a judgement; `senderState` is the notification's state field,
 * `dropped` whether the network will lose it (then the receiver never weighs it). */
export function explainVote(judgement: VoteJudgement, senderState: string, t: Translate, dropped = false): string[] {
  const { receiver, incoming, current } = judgement;
  if (judgement.receiverRole === 'DOWN') return [t('vote.down', { receiver })];
  if (judgement.receiverRole !== 'LOOKING') return [t('vote.notLooking', { receiver, role: judgement.receiverRole })];
  const sentences: string[] = [];
  if (judgement.round === 'newer') sentences.push(t('vote.newer', { receiver, round: incoming.electionEpoch, receiverRound: judgement.receiverRound }));
  if (judgement.round === 'older') sentences.push(t('vote.older', { receiver, round: incoming.electionEpoch, receiverRound: judgement.receiverRound }));
  if (judgement.winner === 'tie') sentences.push(t('vote.tie', { receiver }));
  else {
    const field = judgement.decidedBy;
    const [a, b] = field === 'peerEpoch' ? [incoming.peerEpoch, current.peerEpoch]
      : field === 'zxid' ? [formatZxidPair(incoming.zxid), formatZxidPair(current.zxid)]
      : [incoming.leader, current.leader];
    sentences.push(t(judgement.winner === 'incoming' ? `vote.wins.${field}` : `vote.loses.${field}`, { receiver, a, b }));
  }
  if (dropped) sentences.push(t('vote.dropped', { receiver }));
  else if (senderState !== 'LOOKING') sentences.push(t('vote.decided', { receiver, state: senderState }));
  else if (judgement.round !== 'older') sentences.push(t(judgement.winner === 'incoming' ? 'vote.switch' : 'vote.keep', { receiver }));
  return sentences;
}
