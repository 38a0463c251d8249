// The controller against a fake client: where each action takes the run, and what the address
// would say. The real worker's exact stop is tested in src/worker/play-until.test.ts.
import { describe, expect, it } from 'vitest';
import type { WorldView } from '../../engine/world/view';
import { WALKTHROUGHS } from '../../content/walkthroughs/index';
import { addressFragment } from '../page-sync';
import { createZooStore, type ZooStoreApi } from '../store';
import type { ZooClient } from '../worker-client';
import { createWalkthroughController } from './walkthrough-controller';

const election = WALKTHROUGHS.find((def) => def.id === 'election')!;

function fakeClient(store: ZooStoreApi) {
  const calls: string[] = [];
  const at = (timeMs: number): void => store.setState({ view: { timeMs } as WorldView });
  const client = {
    async start(source, options = {}) {
      calls.push(`start ${source.kind} ${options.atMs ?? 0}`);
      store.setState({ loads: store.getState().loads + 1, playing: options.play === true, shareFragment: '#s=1.x' });
      at(options.atMs ?? 0);
    },
    async play(speed, untilMs) {
      calls.push(`play ${untilMs ?? '∞'} fast enough: ${speed !== undefined && speed > 0}`);
      store.setState({ playing: true });
    },
    async pause() {
      calls.push('pause');
      store.setState({ playing: false });
    },
    async seek(timeMs) {
      calls.push(`seek ${timeMs}`);
      at(timeMs);
    },
  } as Partial<ZooClient> as ZooClient;
  return { client, calls };
}

describe('walkthrough controller', () => {
  it('opens at a checkpoint, plays to the next one, seeks back, records answers, and the address follows', async () => {
    const store = createZooStore();
    const { client, calls } = fakeClient(store);
    const controller = createWalkthroughController(client, store);
    expect(await controller.open('election', 2)).toBe(true);
    expect(calls).toEqual([`start json ${election.checkpoints[1]!.atMs}`]);
    expect(store.getState().walkthrough).toMatchObject({ id: 'election', step: 2 });

    controller.answer(1);
    controller.answer(0); // the first answer stands
    expect(store.getState().walkthrough!.answers[1]).toBe(1);
    expect(addressFragment(store.getState())).toBe('#w=election&cp=2&q=2');

    await controller.next();
    expect(calls.at(-1)).toBe(`play ${election.checkpoints[2]!.atMs} fast enough: true`);
    expect(store.getState().walkthrough!.step).toBe(3);

    await controller.previous();
    expect(calls.slice(-2)).toEqual(['pause', `seek ${election.checkpoints[1]!.atMs}`]);
    store.getState().setLanguage('zh-CN');
    store.getState().setPresenter(true);
    expect(addressFragment(store.getState())).toBe('#w=election&cp=2&q=2&present=1&lang=zh-CN');

    await controller.goTo(election.checkpoints.length);
    await controller.next();
    expect(store.getState().walkthrough!.step).toBe(election.checkpoints.length + 1);
    expect(addressFragment(store.getState())).toMatch(/^#w=election&cp=answer/);
  });

  it('another run loaded ends the walkthrough; bad addresses say why', async () => {
    const store = createZooStore();
    const { client } = fakeClient(store);
    const controller = createWalkthroughController(client, store);
    await controller.open('election');
    await client.start({ kind: 'default' });
    expect(store.getState().walkthrough).toBeNull();

    await controller.openRequest({ id: 'nope', cp: '', q: '' });
    expect(store.getState().error).toMatchObject({ kind: 'walkthrough', message: expect.stringContaining('"nope"') });
    expect(store.getState().walkthrough).toBeNull();

    await controller.openRequest({ id: 'election', cp: '99', q: '' });
    expect(store.getState().error).toMatchObject({ kind: 'walkthrough', message: expect.stringContaining('"99"') });
    expect(store.getState().walkthrough).toMatchObject({ id: 'election', step: 0 });

    await controller.openRequest({ id: 'election', cp: '1', q: '9' });
    expect(store.getState().error?.message).toContain('"9"');
    controller.dispose();
  });
});
