import { afterEach, describe, expect, it } from 'vitest';
import { partitionGroups, useFaultSelection } from './fault-selection';

describe('servers picked for a partition', () => {
  afterEach(() => useFaultSelection.getState().clearServers());

  it('the picked servers against all the others, in id order', () => {
    expect(partitionGroups([5, 4], [1, 2, 3, 4, 5])).toEqual([[4, 5], [1, 2, 3]]);
  });

  it('no partition when nothing or everything is picked (it would cut nobody off)', () => {
    expect(partitionGroups([], [1, 2, 3])).toBeNull();
    expect(partitionGroups([1, 2, 3], [1, 2, 3])).toBeNull();
  });

  it('ids of servers that no longer exist are ignored', () => {
    expect(partitionGroups([7, 2], [1, 2, 3])).toEqual([[2], [1, 3]]);
  });

  it('toggling picks and unpicks, keeping ids sorted', () => {
    const { toggleServer } = useFaultSelection.getState();
    toggleServer(3);
    toggleServer(1);
    expect(useFaultSelection.getState().servers).toEqual([1, 3]);
    toggleServer(3);
    expect(useFaultSelection.getState().servers).toEqual([1]);
  });
});
