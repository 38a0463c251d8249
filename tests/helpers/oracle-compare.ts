// Comparison of simulator output with recorded real-ZooKeeper output, by the project's own rules:
// it runs the shared script ../shared/tools/compare-oracle.mjs itself, so the normalisation
// (zxid counters, ephemeralOwner ignored, event sets per op, clientState/summary lines) is
// exactly the one external checks use.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpList } from './standalone-driver';

export const COMPARE_SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'compare-oracle.mjs');

export interface Comparison {
  /** compare-oracle.mjs exited 0. */
  passed: boolean;
  /** Its stdout: one paragraph per difference, then "N passed, M failed". */
  report: string;
  passedOps: number;
  failedOps: number;
}

/** A scratch directory for the actual-output files; call dispose() when done. */
export function createCompareWorkspace(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'oracle-compare-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compare the recorded expected .jsonl file with the simulator's lines (JSON text, one per line). */
export function compareWithOracle(workDir: string, expectedFile: string, actualText: string): Comparison {
  const actualFile = join(workDir, 'actual.jsonl');
  writeFileSync(actualFile, actualText);
  let passed = true;
  let report: string;
  try {
    report = execFileSync('node', [COMPARE_SCRIPT, expectedFile, actualFile], { encoding: 'utf8' });
  } catch (error) {
    passed = false;
    report = String((error as { stdout?: string }).stdout ?? error);
  }
  const counts = /(\d+) passed, (\d+) failed\s*$/.exec(report);
  return { passed, report, passedOps: Number(counts?.[1] ?? 0), failedOps: Number(counts?.[2] ?? -1) };
}

/** Run an op-list file through the standalone driver and return its printed lines as JSONL text. */
export function simulateFile(inputFile: string): string {
  const input: unknown = JSON.parse(readFileSync(inputFile, 'utf8'));
  return runOpList(input).map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** Op list file -> its recorded output file (NNN-topic.json -> NNN-topic.out.jsonl). */
export function expectedFileOf(inputFile: string): string {
  return inputFile.replace(/\.json$/, '.out.jsonl');
}
