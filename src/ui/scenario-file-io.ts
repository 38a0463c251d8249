// Scenario files in the browser: "Export JSON" saves the run on screen (the worker's share
// fragment, decoded: scenario + recorded actions), "Import JSON" and dropping a file open one.
// A file is read and validated here, before the worker sees it, so a bad file leaves the current
// run exactly as it was and only the error banner says what was wrong.
import { decodeShareFragment } from '../engine/scenario/codec';
import { ScenarioError } from '../engine/scenario/parse';
import { decodeScenarioFile, encodeScenarioFile, SCENARIO_FILE_CHARS_MAX, scenarioFileName } from '../engine/scenario/scenario-file';
import { scenarioToJson } from '../engine/scenario/serialize';
import { download } from './model/export-svg';
import type { ZooStoreApi } from './store';
import type { ZooClient } from './worker-client';

/** The current run as a scenario file, or null before anything loaded. */
export function currentScenarioFile(store: ZooStoreApi): { name: string; text: string } | null {
  const { shareFragment, view } = store.getState();
  if (!shareFragment) return null;
  const run = decodeShareFragment(shareFragment);
  return { name: scenarioFileName(run.scenario.title, view?.timeMs ?? 0), text: encodeScenarioFile(run) };
}

/** Downloads the current run as a scenario file. */
export function exportScenarioFile(store: ZooStoreApi): void {
  const file = currentScenarioFile(store);
  if (file) download(new Blob([file.text], { type: 'application/json' }), file.name);
}

/** Reads, validates and opens a scenario file; a bad one only sets the error banner. */
export async function importScenarioFile(file: Blob, store: ZooStoreApi, client: ZooClient): Promise<boolean> {
  let json: Record<string, unknown>;
  try {
    // Checked before reading: a huge file is refused without loading it into memory.
    if (file.size > SCENARIO_FILE_CHARS_MAX * 4) throw new ScenarioError(`file: too large (${file.size} bytes, at most ${SCENARIO_FILE_CHARS_MAX})`);
    const run = decodeScenarioFile(await file.text());
    json = scenarioToJson(run.scenario, run.inputs);
  } catch (error) {
    const message = error instanceof ScenarioError ? error.message : `file: cannot be read (${(error as Error).message})`;
    store.getState().setError({ kind: 'import', message });
    return false;
  }
  store.getState().setError(null);
  // Opens like a demo: playing from the start.
  await client.start({ kind: 'json', json }, { play: true });
  return true;
}
