// The one animation loop of the app (STYLE.md: "One shared animation loop"). Subscribers run on
// each requestAnimationFrame; the loop keeps going while any of them asks for another frame and
// sleeps otherwise (a paused run costs nothing), until something wakes it.

/** Runs once per frame; returns true to be called again next frame. */
export type FrameCallback = (nowMs: number) => boolean;

export interface FrameScheduler {
  request(callback: (nowMs: number) => void): number;
  cancel(handle: number): void;
}

export interface FrameLoop {
  /** Adds a callback; returns a function that removes it. */
  add(callback: FrameCallback): () => void;
  /** Makes sure a frame runs soon (after new data arrived). */
  wake(): void;
  /** Stops for good. */
  dispose(): void;
}

/** The browser's requestAnimationFrame, as a scheduler. */
export const browserScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** Creates a loop on `scheduler` (tests pass a manual one). */
export function createFrameLoop(scheduler: FrameScheduler = browserScheduler): FrameLoop {
  const callbacks: FrameCallback[] = [];
  let handle: number | null = null;
  let disposed = false;

  const tick = (nowMs: number): void => {
    handle = null;
    let again = false;
    for (const callback of [...callbacks]) {
      try {
        if (callback(nowMs)) again = true;
      } catch (error) {
        // One broken subscriber must not stop the others (or the worker's frame requests).
        console.warn('ZooScope: a frame callback failed', error);
      }
    }
    if (again) schedule();
  };

  const schedule = (): void => {
    if (handle === null && !disposed) handle = scheduler.request(tick);
  };

  return {
    add(callback) {
      callbacks.push(callback);
      schedule();
      return () => {
        const index = callbacks.indexOf(callback);
        if (index !== -1) callbacks.splice(index, 1);
      };
    },
    wake: schedule,
    dispose() {
      disposed = true;
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      callbacks.length = 0;
    },
  };
}
