// The Web Worker entry: only wiring. All logic is in handler.ts.
import { createWorkerHandler } from './handler';
import type { WorkerCommand } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const handler = createWorkerHandler(() => performance.now());

self.onmessage = (event: MessageEvent<WorkerCommand>) => {
  for (const reply of handler.handle(event.data)) self.postMessage(reply);
};
