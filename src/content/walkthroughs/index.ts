// Every guided walkthrough, in the order of the interview notes' questions (FORMAT.md).
// To add one: create its folder (walkthrough.ts, en.md, zh-CN.md), add ONE import line below,
// and its name to the list. tests/walkthroughs.test.ts fails if a folder is missing here.
import type { WalkthroughDef } from './types';
import { walkthrough as howZookeeperWorks } from './how-zookeeper-works/walkthrough';
import { walkthrough as election } from './election/walkthrough';
import { walkthrough as consistency } from './consistency/walkthrough';
import { walkthrough as loadBalancing } from './load-balancing/walkthrough';
import { walkthrough as distributedLock } from './distributed-lock/walkthrough';
import { walkthrough as dataSync } from './data-sync/walkthrough';
import { walkthrough as membershipChange } from './membership-change/walkthrough';
import { walkthrough as clientDisconnect } from './client-disconnect/walkthrough';
import { walkthrough as sessionExpiry } from './session-expiry/walkthrough';
import { walkthrough as clientTimeout } from './client-timeout/walkthrough';
import { walkthrough as networkFaults } from './network-faults/walkthrough';
import { walkthrough as logStorage } from './log-storage/walkthrough';
import { walkthrough as scaleOut } from './scale-out/walkthrough';
import { walkthrough as scaleIn } from './scale-in/walkthrough';
import { walkthrough as lockCode } from './lock-code/walkthrough';
import { walkthrough as watches } from './watches/walkthrough';
import { walkthrough as concurrentRequests } from './concurrent-requests/walkthrough';
import { walkthrough as persistence } from './persistence/walkthrough';
import { walkthrough as crashRecovery } from './crash-recovery/walkthrough';
import { walkthrough as networkPartition } from './network-partition/walkthrough';
import { walkthrough as concurrencyControl } from './concurrency-control/walkthrough';

export const WALKTHROUGHS: readonly WalkthroughDef[] = [
  howZookeeperWorks,
  election,
  consistency,
  loadBalancing,
  distributedLock,
  dataSync,
  membershipChange,
  clientDisconnect,
  sessionExpiry,
  watches,
  concurrentRequests,
  persistence,
  crashRecovery,
  networkPartition,
  concurrencyControl,
  clientTimeout,
  networkFaults,
  logStorage,
  scaleOut,
  scaleIn,
  lockCode,
];
