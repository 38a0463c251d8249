// Which batch the screen shows: the animation loop reports each batch it has drawn, and the test
// API waits on it ("ready() resolves when the first complete frame is drawn", CONTRACT.md §3).

export interface DrawTracker {
  /** The animation loop drew the view of batch `seq` (batches are numbered from 1). */
  markDrawn(seq: number): void;
  drawnSeq(): number;
  /** Resolves once batch `seq` (or a later one) has been drawn. */
  whenDrawn(seq: number): Promise<void>;
}

export function createDrawTracker(): DrawTracker {
  let drawn = 0;
  let waiters: { seq: number; resolve: () => void }[] = [];
  return {
    markDrawn(seq) {
      if (seq <= drawn) return;
      drawn = seq;
      const due = waiters.filter((waiter) => waiter.seq <= drawn);
      waiters = waiters.filter((waiter) => waiter.seq > drawn);
      for (const waiter of due) waiter.resolve();
    },
    drawnSeq: () => drawn,
    whenDrawn(seq) {
      if (seq <= drawn) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ seq, resolve }));
    },
  };
}
