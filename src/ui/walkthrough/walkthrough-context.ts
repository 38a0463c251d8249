// The walkthrough controller for components (one per app, made in main.tsx next to the client).
import { createContext, useContext } from 'react';
import type { WalkthroughController } from './walkthrough-controller';

export const WalkthroughContext = createContext<WalkthroughController | null>(null);

export function useWalkthroughController(): WalkthroughController {
  const controller = useContext(WalkthroughContext);
  if (!controller) throw new Error('ZooScope: render inside <WalkthroughContext.Provider>');
  return controller;
}
