// Which server's tree the Znodes tab shows: null = the leader's (from the view, the default).
// Kept apart from the main store because only the Znodes tab reads it; the worker sends the chosen
// server's tree (client.showTree) only while the tab is on screen.
import { create } from 'zustand';

export interface TreeChoice {
  server: number | null;
  choose(server: number | null): void;
}

export const useTreeChoice = create<TreeChoice>()((set) => ({
  server: null,
  choose: (server) => set({ server }),
}));
