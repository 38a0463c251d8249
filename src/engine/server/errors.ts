// KeeperException.Code names and numbers, spelled exactly as the Java enum (and the realzk oracle)
// prints them. Source: zookeeper-server/.../KeeperException.java (enum Code).

export const ERROR_CODES = {
  OK: 0,
  SYSTEMERROR: -1,
  RUNTIMEINCONSISTENCY: -2,
  DATAINCONSISTENCY: -3,
  CONNECTIONLOSS: -4,
  MARSHALLINGERROR: -5,
  UNIMPLEMENTED: -6,
  OPERATIONTIMEOUT: -7,
  BADARGUMENTS: -8,
  UNKNOWNSESSION: -12,
  NEWCONFIGNOQUORUM: -13,
  RECONFIGINPROGRESS: -14,
  APIERROR: -100,
  NONODE: -101,
  NOAUTH: -102,
  BADVERSION: -103,
  NOCHILDRENFOREPHEMERALS: -108,
  NODEEXISTS: -110,
  NOTEMPTY: -111,
  SESSIONEXPIRED: -112,
  INVALIDCALLBACK: -113,
  INVALIDACL: -114,
  AUTHFAILED: -115,
  SESSIONMOVED: -118,
  NOTREADONLY: -119,
  EPHEMERALONLOCALSESSION: -120,
  NOWATCHER: -121,
  REQUESTTIMEOUT: -122,
  RECONFIGDISABLED: -123,
  SESSIONCLOSEDREQUIRESASLAUTH: -124,
  QUOTAEXCEEDED: -125,
  THROTTLEDOP: -127,
} as const;

/** A KeeperException.Code name, e.g. "NONODE". */
export type ErrorName = keyof typeof ERROR_CODES;

/** Numeric code of an error name (NONODE -> -101). */
export function errorCode(name: ErrorName): number {
  return ERROR_CODES[name];
}

/** Error name for a numeric code, or null when ZooKeeper has no such code. */
export function errorName(code: number): ErrorName | null {
  for (const name of Object.keys(ERROR_CODES).sort() as ErrorName[]) {
    if (ERROR_CODES[name] === code) return name;
  }
  return null;
}

/** True for a name that is a real code (guards input coming from scenarios or the UI). */
export function isErrorName(name: string): name is ErrorName {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, name);
}
