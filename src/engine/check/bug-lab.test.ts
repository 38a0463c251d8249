// Mutation testing of the checkers (issue "See correctness"): every deliberately broken variant
// of the engine is caught by the checker meant for it within 50 swarm seeds of the whole world.
import { describe, expect, it } from 'vitest';
import { runWorldSwarmSeed } from './swarm';

const CASES: { bug: string; checks: RegExp }[] = [
  { bug: 'election-ignores-zxid', checks: /CommittedNeverLost|PrefixConsistency|PrimaryIntegrity/ },
  { bug: 'commit-before-quorum', checks: /CommittedNeverLost|PrefixConsistency|PrimaryIntegrity/ },
  { bug: 'serve-before-uptodate', checks: /ServeCommittedOnly/ },
  { bug: 'skip-trunc', checks: /PrefixConsistency|CommittedNeverLost|PrimaryIntegrity|ShouldNotBeTriggered/ },
  { bug: 'unreplicated-session-expiry', checks: /ReplicasAgree/ },
];

describe('bug lab: each broken variant is caught', () => {
  for (const { bug, checks } of CASES) {
    it(`${bug} is caught within 50 seeds`, () => {
      let caughtAt: number | null = null;
      let messages: string[] = [];
      for (let seed = 1; seed <= 50 && caughtAt === null; seed++) {
        const result = runWorldSwarmSeed(seed, { bugs: [bug], stopAtViolation: true });
        if (result.violations.length > 0) {
          caughtAt = seed;
          messages = result.violations.map((violation) => violation.message);
        }
      }
      expect(caughtAt, `${bug} was never caught`).not.toBeNull();
      expect(messages.some((message) => checks.test(message)), messages.join('\n')).toBe(true);
    }, 300_000);
  }
});
