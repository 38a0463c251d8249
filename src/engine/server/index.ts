// Public surface of the server-side semantics (one module per job; see each file for sources).
export * from './errors';
export * from './zxid';
export * from './utf8';
export * from './path';
export * from './sha1';
export * from './acl';
export * from './createMode';
export * from './stat';
export * from './tree';
export * from './txn';
export * from './prep';
export * from './apply';
export * from './reads';
export * from './watches';
export * from './sessions';
export * from './packetSize';
export * from './format';
