// What components need besides the store: the worker client, the frame loop and the draw tracker.
// One instance per app, provided at the root (tests provide fakes).
import { createContext, useContext } from 'react';
import type { DrawTracker } from './draw-tracker';
import type { FrameLoop } from './frame-loop';
import type { ZooClient } from './worker-client';

export interface AppServices {
  client: ZooClient;
  loop: FrameLoop;
  tracker: DrawTracker;
}

export const ServicesContext = createContext<AppServices | null>(null);

/** The app's services; throws if used outside the provider (a wiring bug, not a user error). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ZooScope services are missing: render inside <ServicesContext.Provider>');
  return services;
}
