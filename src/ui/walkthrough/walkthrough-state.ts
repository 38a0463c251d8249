// Where the learner is in a guided walkthrough. Kept in the app's store so that the address bar,
// the panel, the keys and the test API all read the same thing.

export interface WalkthroughState {
  id: string;
  /** 0: the question (before the first checkpoint); 1..n: checkpoint n; n + 1: the answer and myths. */
  step: number;
  /** The option (0-based) the learner chose at each checkpoint's quiz, by checkpoint index; null: not answered. */
  answers: (number | null)[];
  /** The store's `loads` count of the run this walkthrough opened: another load ends the walkthrough. */
  load: number;
}

/** The checkpoint index (0-based) a step shows, or null for the question and the answer. */
export function checkpointIndex(step: number, checkpoints: number): number | null {
  return step >= 1 && step <= checkpoints ? step - 1 : null;
}
