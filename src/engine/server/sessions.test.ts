import { describe, expect, it } from 'vitest';
import {
  checkSession, createSessionTracker, expireSessions, negotiateTimeoutMs, nextExpiryCheckMs, roundToNextIntervalMs,
  setSessionClosing, touchSession, trackSession,
} from './sessions';

// SessionTrackerImpl + ExpiryQueue (facts 3.2), timeout clamp (facts 0, 3.1).
describe('session tracker', () => {
  it('rounds to the first tick boundary strictly after t (ExpiryQueue.roundToNextInterval)', () => {
    expect(roundToNextIntervalMs(0, 2000)).toBe(2000);
    expect(roundToNextIntervalMs(1999, 2000)).toBe(2000);
    expect(roundToNextIntervalMs(2000, 2000)).toBe(4000);
    expect(roundToNextIntervalMs(10_500, 250)).toBe(10_750);
  });
  it('negotiates timeouts into [2, 20] ticks', () => {
    expect(negotiateTimeoutMs(30000, 2000)).toBe(30000);
    expect(negotiateTimeoutMs(30000, 250)).toBe(5000);
    expect(negotiateTimeoutMs(100, 250)).toBe(500);
    expect(negotiateTimeoutMs(100, 250, 100, 1000)).toBe(100);
  });
  it('expires a session on the bucket after last touch + timeout, and touches push it out', () => {
    const tracker = createSessionTracker(250, 1000);
    expect(nextExpiryCheckMs(tracker)).toBe(1250);
    trackSession(tracker, 7, 500, 1010); // expiry bucket = round(1510) = 1750
    expect(tracker.sessions['7']!.expiryMs).toBe(1750);
    expect(expireSessions(tracker, 1500)).toEqual([]);
    expect(touchSession(tracker, 7, 1400)).toBe(true); // -> round(1900) = 2000
    expect(expireSessions(tracker, 1750)).toEqual([]);
    expect(nextExpiryCheckMs(tracker)).toBe(2000);
    expect(expireSessions(tracker, 2000)).toEqual([7]);
    expect(tracker.sessions['7']!.closing).toBe(true);
    expect(expireSessions(tracker, 2250)).toEqual([]); // not twice
  });
  it('expires a whole bucket in id order when the expirer catches up', () => {
    const tracker = createSessionTracker(100, 0);
    trackSession(tracker, 9, 200, 0);
    trackSession(tracker, 3, 200, 0);
    trackSession(tracker, 5, 400, 0);
    expect(expireSessions(tracker, 1000)).toEqual([3, 9, 5]);
  });
  it('closing sessions refuse touches; checkSession reports UNKNOWNSESSION / SESSIONEXPIRED / SESSIONMOVED', () => {
    const tracker = createSessionTracker(100, 0);
    expect(checkSession(tracker, 1, 1)).toBe('UNKNOWNSESSION');
    trackSession(tracker, 1, 200, 0);
    expect(checkSession(tracker, 1, 1)).toBeNull();
    expect(checkSession(tracker, 1, 2)).toBe('SESSIONMOVED');
    setSessionClosing(tracker, 1);
    expect(touchSession(tracker, 1, 50)).toBe(false);
    expect(checkSession(tracker, 1, 1)).toBe('SESSIONEXPIRED');
  });
});
