// `npm run sim`: the headless runner (CONTRACT.md sections 1 and 2). Bad input exits 2 with one
// line on stderr naming what is wrong, and prints nothing on stdout.
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE } from './args';
import { runToLines } from './run';
import { decodeShareFragment, encodeShareFragment } from '../engine/scenario/codec';
import { parseRunText, toInputEntries } from '../engine/scenario/run-input';
import { ScenarioError } from '../engine/scenario/parse';
import { scenarioToJson } from '../engine/scenario/serialize';

function readSource(source: string): string {
  try {
    return source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  } catch (error) {
    throw new ScenarioError(`input: cannot read ${source === '-' ? 'standard input' : source} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function main(argv: readonly string[]): number {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`sim: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (command.mode) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'decode-url': {
        const run = decodeShareFragment(command.url);
        toInputEntries(run.scenario, run.inputs);
        process.stdout.write(`${JSON.stringify(scenarioToJson(run.scenario, run.inputs), null, 2)}\n`);
        return 0;
      }
      case 'encode-url': {
        const input = parseRunText(readSource(command.source));
        const inputs = input.inputs.map((entry) => ({ atMs: entry.atMs, action: stripKind(entry.action) }));
        process.stdout.write(`${encodeShareFragment({ scenario: input.scenario, inputs })}\n`);
        return 0;
      }
      case 'run': {
        const input = parseRunText(readSource(command.source));
        const lines = runToLines(input, { stable: command.stable, trace: command.trace, messages: command.messages });
        process.stdout.write(lines.join('\n') + '\n');
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof ScenarioError) {
      process.stderr.write(`sim: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function stripKind(action: object): Record<string, unknown> {
  const { kind: _kind, ...rest } = action as { kind?: string };
  return rest;
}

process.exitCode = main(process.argv.slice(2));
