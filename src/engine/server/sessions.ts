// The leader's session tracker (SessionTrackerImpl + ExpiryQueue) as pure functions over plain
// data. Expiry is bucketed by tickTime: a touch at t moves the session to the bucket
// roundToNextInterval(t + timeout); the expirer wakes at each bucket boundary and expires the
// whole bucket. Timeouts are negotiated into [minSessionTimeout, maxSessionTimeout].

import type { ErrorName } from './errors';
import { compareStrings } from './path';

/** One tracked session. */
export interface TrackedSession {
  sessionId: number;
  timeoutMs: number;
  /** Bucket time at which it expires unless touched again. */
  expiryMs: number;
  /** Set once expiry or close began: further touches are refused (SessionImpl.isClosing). */
  closing: boolean;
  /** Opaque id of the server connection that owns it (for SESSIONMOVED), null until first checked. */
  owner: number | null;
}

export interface SessionTracker {
  tickMs: number;
  /** Next bucket the expirer looks at (ExpiryQueue.nextExpirationTime). */
  nextExpirationMs: number;
  sessions: { [sessionKey: string]: TrackedSession };
}

/** ExpiryQueue.roundToNextInterval: the first tick boundary strictly after timeMs. */
export function roundToNextIntervalMs(timeMs: number, tickMs: number): number {
  return (Math.floor(timeMs / tickMs) + 1) * tickMs;
}

/** A tracker started at nowMs (a new leader re-tracks sessions from its database with trackSession). */
export function createSessionTracker(tickMs: number, nowMs: number): SessionTracker {
  return { tickMs, nextExpirationMs: roundToNextIntervalMs(nowMs, tickMs), sessions: {} };
}

/** ZooKeeperServer: clamp a requested timeout into [min, max], defaults 2 and 20 ticks. */
export function negotiateTimeoutMs(requestedMs: number, tickMs: number, minMs = 2 * tickMs, maxMs = 20 * tickMs): number {
  return Math.min(Math.max(requestedMs, minMs), maxMs);
}

/** trackSession: add (or re-touch) a session with a full timeout from nowMs. Returns true when added. */
export function trackSession(tracker: SessionTracker, sessionId: number, timeoutMs: number, nowMs: number): boolean {
  const key = String(sessionId);
  const existing = tracker.sessions[key];
  if (existing !== undefined) {
    existing.expiryMs = roundToNextIntervalMs(nowMs + existing.timeoutMs, tracker.tickMs);
    return false;
  }
  tracker.sessions[key] = { sessionId, timeoutMs, expiryMs: roundToNextIntervalMs(nowMs + timeoutMs, tracker.tickMs), closing: false, owner: null };
  return true;
}

/** touchSession: any request or ping pushes expiry out; refused (false) for unknown or closing sessions. */
export function touchSession(tracker: SessionTracker, sessionId: number, nowMs: number): boolean {
  const session = tracker.sessions[String(sessionId)];
  if (session === undefined || session.closing) return false;
  session.expiryMs = roundToNextIntervalMs(nowMs + session.timeoutMs, tracker.tickMs);
  return true;
}

/** setSessionClosing: prep of a closeSession marks it so no touch revives it. */
export function setSessionClosing(tracker: SessionTracker, sessionId: number): void {
  const session = tracker.sessions[String(sessionId)];
  if (session !== undefined) session.closing = true;
}

/** removeSession: after the closeSession txn is applied. */
export function removeSession(tracker: SessionTracker, sessionId: number): void {
  delete tracker.sessions[String(sessionId)];
}

/**
 * checkSession for a write at prep: UNKNOWNSESSION if not tracked, SESSIONEXPIRED if closing,
 * SESSIONMOVED if another connection owns it; the first check records the owner. null = fine.
 */
export function checkSession(tracker: SessionTracker, sessionId: number, owner: number): ErrorName | null {
  const session = tracker.sessions[String(sessionId)];
  if (session === undefined) return 'UNKNOWNSESSION';
  if (session.closing) return 'SESSIONEXPIRED';
  if (session.owner === null) session.owner = owner;
  else if (session.owner !== owner) return 'SESSIONMOVED';
  return null;
}

/** Record a new owner when a session is (re)validated through another server (setOwner). */
export function setSessionOwner(tracker: SessionTracker, sessionId: number, owner: number): void {
  const session = tracker.sessions[String(sessionId)];
  if (session !== undefined) session.owner = owner;
}

/** When the expirer next has work to check (ExpiryQueue.getWaitTime = this - now). */
export function nextExpiryCheckMs(tracker: SessionTracker): number {
  return tracker.nextExpirationMs;
}

/**
 * The expirer thread at nowMs: every bucket whose time has come is polled, its sessions are
 * marked closing and returned (sorted by expiry then id) for the caller to submit closeSession
 * for each. Sessions already closing are not returned twice.
 */
export function expireSessions(tracker: SessionTracker, nowMs: number): number[] {
  if (nowMs < tracker.nextExpirationMs) return [];
  const due = Object.keys(tracker.sessions).sort(compareStrings)
    .map((key) => tracker.sessions[key] as TrackedSession)
    .filter((session) => !session.closing && session.expiryMs <= nowMs)
    .sort((left, right) => left.expiryMs - right.expiryMs || left.sessionId - right.sessionId);
  for (const session of due) session.closing = true;
  // Polling walks one bucket per interval; after catching up the next bucket is the first after now.
  tracker.nextExpirationMs = roundToNextIntervalMs(nowMs, tracker.tickMs);
  return due.map((session) => session.sessionId);
}
