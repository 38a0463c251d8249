// What the user picked to break: servers for "partition selected from the rest" (shift/ctrl-click,
// long-press, the multi-select toggle for touch, or the Network tab's checkboxes) and one link for
// loss, delay or a one-way cut (a click on a link of the ring, or the Network tab's two pickers).
// Only a choice: the faults themselves go to the worker as actions, into the input log.
import { create } from 'zustand';

export interface PickedLink {
  from: number;
  to: number;
}

export interface FaultSelection {
  servers: number[];
  /** Taps add servers to the selection instead of opening the inspector (touch). */
  multiMode: boolean;
  link: PickedLink | null;
  toggleServer(id: number): void;
  clearServers(): void;
  setMultiMode(on: boolean): void;
  pickLink(link: PickedLink | null): void;
}

export const useFaultSelection = create<FaultSelection>()((set) => ({
  servers: [],
  multiMode: false,
  link: null,
  toggleServer: (id) => set((state) => ({
    servers: state.servers.includes(id) ? state.servers.filter((other) => other !== id) : [...state.servers, id].sort((a, b) => a - b),
  })),
  clearServers: () => set({ servers: [] }),
  setMultiMode: (multiMode) => set({ multiMode }),
  pickLink: (link) => set({ link }),
}));

/** The partition that isolates `selected` from the other servers (null when it would cut nothing). */
export function partitionGroups(selected: readonly number[], all: readonly number[]): number[][] | null {
  const chosen = all.filter((id) => selected.includes(id));
  const rest = all.filter((id) => !selected.includes(id));
  return chosen.length === 0 || rest.length === 0 ? null : [chosen, rest];
}
