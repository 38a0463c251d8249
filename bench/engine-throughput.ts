// Entry of the shipped-engine throughput figure: bench/engine-shipped.ts bundles this file with
// Vite, as the worker's engine is bundled, and runs it in a fresh Node process.
// Usage: node <bundle> <runs> <simulatedMs>; prints the median events per second.
import { engineEventsPerSecond } from './engine';

const runs = Number(process.argv[2]);
const simulatedMs = Number(process.argv[3]);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(simulatedMs) || simulatedMs < 1000) {
  process.stderr.write('usage: engine-throughput <runs> <simulatedMs>\n');
  process.exit(2);
}
process.stdout.write(`${engineEventsPerSecond(runs, simulatedMs)}\n`);
