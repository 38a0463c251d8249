// "Why it wins or loses" in words, for judgements the engine made about real notifications.
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../engine/scenario/demos';
import { parseRunJson } from '../../engine/scenario/run-input';
import { createWorld, type World } from '../../engine/world';
import type { VoteJudgement } from '../../engine/sim/vote-judgement';
import { translate, type Language, type Translate } from '../i18n/translate';
import { explainVote, voteTuple } from './vote-explanation';

const tr = (language: Language): Translate => (key, params) => translate(language, key, params);

function judgements(id: string, atMs: number): { world: World; votes: VoteJudgement[]; states: string[] } {
  const demo = DEMOS.find((entry) => entry.id === id)!;
  const run = parseRunJson(demo.scenario);
  const world = createWorld(run.scenario, run.inputs);
  world.runUntil(atMs);
  const details = world.view().messages.map((message) => world.messageDetail(message.id)!).filter((detail) => detail.vote !== null);
  return { world, votes: details.map((detail) => detail.vote!), states: details.map((detail) => detail.fields.find((entry) => entry.name === 'state')!.value) };
}

describe('vote explanation', () => {
  const first = judgements('first-election', 1);

  it('says a higher sid wins when epochs and zxids are equal, in both languages', () => {
    const index = first.votes.findIndex((vote) => vote.winner === 'incoming' && vote.incoming.leader === 5 && vote.receiver === 1);
    const vote = first.votes[index]!;
    expect(explainVote(vote, first.states[index]!, tr('en'))).toEqual([
      "This vote beats server 1's: same peerEpoch and zxid, higher sid (5 > 1).",
      'If it arrives now, server 1 adopts it and tells every peer.',
    ]);
    const zh = explainVote(vote, first.states[index]!, tr('zh-CN'));
    expect(zh[0]).toContain('sid 更高（5 > 1）');
    expect(voteTuple(vote.incoming, tr('en'))).toBe('(peerEpoch 0, zxid 0:0, sid 5), round 1');
  });

  it('says a lower sid loses and the receiver keeps its vote', () => {
    const vote = first.votes.find((entry) => entry.winner === 'current' && entry.incoming.leader === 1 && entry.receiver === 4)!;
    expect(explainVote(vote, 'LOOKING', tr('en'))).toEqual([
      "This vote loses to server 4's: same peerEpoch and zxid, lower sid (1 < 4).",
      'If it arrives now, server 4 keeps its own vote.',
    ]);
  });

  it('says a higher peerEpoch wins whatever the sid', () => {
    const later = judgements('zxid-beats-sid', 1316);
    const vote = later.votes.find((entry) => entry.decidedBy === 'peerEpoch' && entry.winner === 'incoming' && entry.receiverRole === 'LOOKING')!;
    const [sentence] = explainVote(vote, 'LOOKING', tr('en'));
    expect(sentence).toBe(`This vote beats server ${vote.receiver}'s: higher peerEpoch (${vote.incoming.peerEpoch} > ${vote.current.peerEpoch}).`);
    expect(explainVote(vote, 'LOOKING', tr('zh-CN'))[0]).toContain('peerEpoch 更高');
    // A notification the network loses is never weighed, whatever its vote.
    expect(explainVote(vote, 'LOOKING', tr('en'), true)[1]).toBe(`But it will not arrive: server ${vote.receiver} never weighs it.`);
  });

  it('explains that a server that is not LOOKING does not weigh the vote, and a down one loses it', () => {
    const base = first.votes[0]!;
    expect(explainVote({ ...base, receiverRole: 'FOLLOWING' }, 'LOOKING', tr('en'))[0]).toContain('not LOOKING');
    expect(explainVote({ ...base, receiverRole: 'DOWN' }, 'LOOKING', tr('en'))).toEqual([`Server ${base.receiver} is down: this notification is lost.`]);
  });
});
