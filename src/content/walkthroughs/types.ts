// A guided walkthrough: one interview question answered in the simulation. The scenario plays to
// checkpoints; at each one the narration (per-language Markdown, see FORMAT.md) points at what is
// on screen, and a prediction quiz may ask what happens next before the run goes on.
import type { WorldView } from '../../engine/world/view';

/** What a checkpoint's narration talks about; the app highlights it. */
export type FocusTarget =
  | { server: number }
  | { client: string }
  | { znode: string }
  /** Messages in flight with this label (e.g. 'PROPOSAL', 'NOTIFICATION'). */
  | { message: string }
  /** A recipe actor of the scenario (its row in the recipe panel). */
  | { actor: string };

export interface CheckpointDef {
  /** Matches `## Checkpoint <id>` (and `## Quiz <id>`) in every language's Markdown. */
  id: string;
  /** Simulated time (ms) where playback pauses: a scenario is deterministic, so time is exact. */
  atMs: number;
  focus?: FocusTarget[];
  /** A prediction quiz asked here, about what the run shows next: `answer` is the 0-based index
   * of the correct option in the Markdown's option list, `options` how many there are. */
  quiz?: { options: number; answer: number };
  /** The outcome the narration claims, judged on the view at `atMs`: why it fails, or null. */
  expect?: (view: WorldView) => string | null;
}

export interface WalkthroughDef {
  /** Kebab-case; the folder name under src/content/walkthroughs/. */
  id: string;
  /** The numbers of the questions of ../shared/seed's interview notes it answers (0: the lock programs). */
  questions: number[];
  /** A form B scenario (CONTRACT.md section 1), e.g. one of the classroom demos' scenarios. */
  scenario: Record<string, unknown>;
  /** In time order; the last one is where the walkthrough ends. */
  checkpoints: CheckpointDef[];
}
