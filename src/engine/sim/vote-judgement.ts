// Why an FLE notification's vote wins or loses against the receiver's vote: plain data that the
// protocol computes with its own total order (no UI logic re-implements the order).

/** A vote as FLE compares it: (peerEpoch, zxid, leader sid) plus the round it belongs to. */
export interface JudgedVote {
  leader: number;
  zxid: number;
  peerEpoch: number;
  electionEpoch: number;
}

export interface VoteJudgement {
  /** The receiving server. */
  receiver: number;
  /** The receiver's role now (only a LOOKING receiver weighs the vote). */
  receiverRole: string;
  /** The notification's vote. */
  incoming: JudgedVote;
  /** What the incoming vote is measured against: the receiver's proposal now (or, when the
   * notification opens a newer round, the receiver's own initial vote, as FLE does). */
  current: JudgedVote;
  /** The receiver's round (logicalclock) now. */
  receiverRound: number;
  /** How the notification's round compares with the receiver's. */
  round: 'same' | 'newer' | 'older';
  /** Which vote the total order prefers ('tie': the same vote). */
  winner: 'incoming' | 'current' | 'tie';
  /** The field that decided it: the first one, in the order's sequence, that favours the winner;
   * 'not-voter' when the loser proposes a server that cannot lead. */
  decidedBy: 'peerEpoch' | 'zxid' | 'sid' | 'not-voter' | 'none';
}
