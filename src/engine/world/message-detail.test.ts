// The message inspector's data: every field of a real packet in flight, and whether an FLE
// notification's vote beats the receiver's (by the engine's own order), from short demo runs.
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../scenario/demos';
import { parseRunJson } from '../scenario/run-input';
import { createWorld, type World } from '../world';
import type { MessageDetailView } from './message-detail';

function demoWorld(id: string): World {
  const demo = DEMOS.find((entry) => entry.id === id)!;
  const run = parseRunJson(demo.scenario);
  return createWorld(run.scenario, run.inputs);
}

/** The first message in flight matching `wanted`, in full. */
function inFlight(world: World, wanted: (detail: MessageDetailView) => boolean): MessageDetailView {
  for (const message of world.view().messages) {
    const detail = world.messageDetail(message.id);
    if (detail && wanted(detail)) return detail;
  }
  throw new Error('no such message in flight');
}

const field = (detail: MessageDetailView, name: string) => detail.fields.find((entry) => entry.name === name)?.value;

describe('message detail', () => {
  it('shows every field of an FLE notification and who wins by sid in the first election', () => {
    const world = demoWorld('first-election');
    world.runUntil(1);
    const fromTwoToOne = inFlight(world, (detail) => detail.from === 2 && detail.to === 1 && detail.label === 'NOTIFICATION');
    expect(fromTwoToOne.summary).toBe('NOTIFICATION LOOKING leader=2 zxid=0x0 peerEpoch=0 round=1');
    expect(field(fromTwoToOne, 'state')).toBe('LOOKING');
    expect(field(fromTwoToOne, 'leader')).toBe('2');
    expect(field(fromTwoToOne, 'zxid')).toBe('0:0 (0x0)');
    expect(field(fromTwoToOne, 'electionEpoch')).toBe('1');
    expect(field(fromTwoToOne, 'peerEpoch')).toBe('0');
    expect(fromTwoToOne.dropped).toBeNull();
    expect(fromTwoToOne.deliverTimeMs).toBeGreaterThan(fromTwoToOne.sendTimeMs);
    // Server 1 still proposes itself: sid 2 beats sid 1 with equal epochs and zxids.
    expect(fromTwoToOne.vote).toMatchObject({ receiver: 1, receiverRole: 'LOOKING', winner: 'incoming', decidedBy: 'sid', round: 'same', current: { leader: 1 } });

    const fromOneToTwo = inFlight(world, (detail) => detail.from === 1 && detail.to === 2 && detail.label === 'NOTIFICATION');
    expect(fromOneToTwo.vote).toMatchObject({ receiver: 2, winner: 'current', decidedBy: 'sid', incoming: { leader: 1 }, current: { leader: 2 } });
    expect(structuredClone(fromOneToTwo)).toEqual(fromOneToTwo);
  });

  it('decides by peerEpoch when a server comes back with an older epoch, and shows a PROPOSAL\'s zxid and txn', () => {
    const world = demoWorld('zxid-beats-sid');
    world.runUntil(1260);
    const proposal = inFlight(world, (detail) => detail.label === 'PROPOSAL');
    expect(field(proposal, 'zxid')).toBe('2:1 (0x200000001)');
    expect(field(proposal, 'txn')).toContain('createSession');
    expect(proposal.vote).toBeNull();

    world.runUntil(1316);
    const newer = inFlight(world, (detail) => detail.vote?.decidedBy === 'peerEpoch' && detail.vote.winner === 'incoming');
    expect(newer.vote!.incoming.peerEpoch).toBeGreaterThan(newer.vote!.current.peerEpoch);
    const older = inFlight(world, (detail) => detail.vote?.decidedBy === 'peerEpoch' && detail.vote.winner === 'current');
    expect(older.vote!.incoming.peerEpoch).toBeLessThan(older.vote!.current.peerEpoch);
  });

  it('is null once the message has been delivered', () => {
    const world = demoWorld('first-election');
    world.runUntil(1);
    const id = world.view().messages[0]!.id;
    expect(world.messageDetail(id)).not.toBeNull();
    world.runUntil(400);
    expect(world.messageDetail(id)).toBeNull();
  });
});
