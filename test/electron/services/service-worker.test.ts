import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvelopeJson, inThisThread, type ApiCaller } from '../../../electron/api-caller';
import { createServices } from '../../../electron/services';
import { ReadyAnswers, ServiceWorker } from '../../../electron/services/service-worker';
import { FIRST_SCREEN_CALLS } from '../../../shared/api/first-screen';
import type { Envelope } from '../../../shared/api/errors';
import { tempDir } from '../../helpers/temp';

const running: ServiceWorker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.close()));
});
function start(options: Partial<ConstructorParameters<typeof ServiceWorker>[0]> = {}): ServiceWorker {
  const worker = new ServiceWorker({ host: 'web', userData: tempDir(), ...options });
  running.push(worker);
  return worker;
}

/** How many turns this thread's event loop makes while `call` is in flight: none when the call's work runs here. */
async function turnsDuring(call: Promise<Envelope<unknown>>): Promise<{ turns: number; answer: Envelope<unknown> }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  const answer = await call;
  done = true;
  return { turns, answer };
}

describe('ServiceWorker', () => {
  it('answers the API from its own thread, validated by the contract both ways', async () => {
    const services = start();
    const project = await services.openStartupProject();
    expect(project.name).toBe('Leicestershire sample');
    expect(await services.call('getProject', {})).toMatchObject({ ok: true, value: { path: project.path } });
    expect(await services.call('getMapData', { plan: 12 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await services.call('dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await services.call('openProject', { path: path.join(tempDir(), 'none.carecover') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("for the browser host (answers: 'json'), gives successful answers as their envelope's JSON text, made in the worker; errors and binary answers as before", async () => {
    const userData = tempDir();
    const text = start({ userData, answers: 'json' });
    const objects = start({ userData: tempDir() });
    const project = await text.openStartupProject();
    await objects.call('openProject', { path: project.path });
    const parsed = (envelope: Envelope<unknown>) => {
      expect(envelope.ok && envelope.value).toBeInstanceOf(EnvelopeJson);
      return JSON.parse(new TextDecoder().decode((envelope as { value: EnvelopeJson }).value.bytes)) as unknown;
    };
    // The same answer either way, as the host writes it: the first screen's kept answers and answers asked for later.
    for (const [method, request] of [['getMapData', {}], ['getPlanMetrics', { lot: 'all' }], ['getProject', {}]] as const) {
      const expected = JSON.parse(JSON.stringify(await objects.call(method, request))) as Envelope<unknown>;
      expect(parsed(await text.call(method, request))).toEqual(expected);
      expect(parsed(await text.call(method, request))).toEqual(expected);
    }
    // An error stays an object (the host reads its code for the status); the area layer stays bytes.
    expect(await text.call('getMapData', { plan: 12 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const layer = await text.call('getAreaLayer', {});
    expect(layer.ok && layer.value).toBeInstanceOf(Uint8Array);
    expect(layer).toEqual(await objects.call('getAreaLayer', {}));
  });

  it('leaves this thread free while it works: the event loop keeps turning through a first map, which in this thread it cannot', async () => {
    const userData = tempDir();
    const services = start({ userData });
    // Opened through the API, not at startup, so nothing is warmed up before the map is asked for.
    expect(await services.call('createProject', { path: path.join(userData, 'a.carecover'), template: 'default' })).toMatchObject({ ok: true });
    const away = await turnsDuring(services.call('getMapData', {}));
    expect(away.answer.ok).toBe(true);

    // The control: the same first map from services in this thread holds the loop for the whole of its work.
    const here = createServices({ host: 'web', userData });
    here.session.create(path.join(userData, 'b.carecover'), 'default');
    const call: ApiCaller = inThisThread(here.handlers);
    const local = await turnsDuring(call('getMapData', {}));
    here.close();
    expect(local.answer.ok).toBe(true);
    expect(local.turns).toBeLessThanOrEqual(2);
    expect(away.turns).toBeGreaterThan(10);
  });

  it('in the desktop app, asks this thread for dialogs and accepts only the files granted from here', async () => {
    const folder = tempDir();
    const chosen = path.join(folder, 'Melton review.carecover');
    const asked: string[] = [];
    const services = start({
      host: 'electron',
      dialogs: {
        chooseProjectFile: async (purpose) => (asked.push(purpose), chosen),
        chooseExportFile: async () => null,
      },
    });
    const picked = (await services.call('chooseProjectFile', { purpose: 'save' })) as Envelope<{ path: string }>;
    expect(asked).toEqual(['save']);
    expect(picked.ok && picked.value.path).toMatch(/^carecover-file:/);
    const created = await services.call('createProject', { path: picked.ok ? picked.value.path : '', template: 'empty' });
    expect(created).toMatchObject({ ok: true, value: { path: chosen } });

    // A path the page typed is refused; the same file granted by this thread (a menu's dialog) is not.
    expect(await services.call('openProject', { path: chosen })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const handle = await services.offer(chosen, 'project');
    expect(await services.call('openProject', { path: handle })).toMatchObject({ ok: true, value: { path: chosen } });
  });

  it('when its thread dies, starts again on the project that was open, a few times at most', async () => {
    const errors: unknown[] = [];
    const services = start({ onInternalError: (error) => errors.push(error) });
    const project = await services.openStartupProject();
    const crash = () => (services as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    for (let i = 0; i < 3; i++) {
      await crash();
      await expect.poll(async () => services.call('getProject', {}), { timeout: 10_000 }).toMatchObject({ ok: true, value: { path: project.path } });
    }
    expect(String(errors.at(-1))).toMatch(/started again \(3 of 3\)/);
    // The project opened again can be written to: nothing the dead thread held is in the way.
    expect(await services.call('updateZone', { zoneId: 'Z14', name: 'After the crash' })).toMatchObject({ ok: true, value: { zones: [{ name: 'After the crash' }] } });
    // A fourth crash: the app says to restart it rather than looping.
    await crash();
    await expect.poll(async () => services.call('getProject', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/restart CareCover/) } });
  });

  it('hands over the first screen\'s answers as the project opens, and gives none made before a change', async () => {
    const services = start();
    await services.openStartupProject();
    const kept = () => (services as unknown as { ready: { answers: Map<string, unknown> } }).ready.answers.size;
    // Every first-screen answer is made and handed over while nothing asks: the page's first calls wait on no warm-up.
    await expect.poll(kept, { timeout: 20_000 }).toBe(FIRST_SCREEN_CALLS.length);
    expect(await services.call('getMapData', {})).toMatchObject({ ok: true });
    expect(kept()).toBe(FIRST_SCREEN_CALLS.length - 1);
    // A change drops the rest: the metrics kept from before it name the zone as it was.
    expect(await services.call('updateZone', { zoneId: 'Z14', name: 'Renamed meanwhile' })).toMatchObject({ ok: true });
    expect(kept()).toBe(0);
    const metrics = (await services.call('getPlanMetrics', { lot: 'all' })) as Envelope<{ metrics: { zones: { zoneId: string; name: string }[] } }>;
    expect(metrics.ok && metrics.value.metrics.zones.find((z) => z.zoneId === 'Z14')?.name).toBe('Renamed meanwhile');
  });

  it('after closing, answers every call with a clear message instead of hanging', async () => {
    const services = start();
    await services.close();
    expect(await services.call('getProject', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'CareCover is closing.' } });
  });
});

describe('ReadyAnswers', () => {
  const answer = (value: unknown): Envelope<unknown> => ({ ok: true, value });

  it('gives each answer once, to a read asked as it was made', async () => {
    const ready = new ReadyAnswers();
    ready.keep('getSettings', {}, answer('settings'));
    ready.keep('getAreaLayer', { overview: true }, answer('overview'));
    expect(ready.take('getAreaLayer', {})).toBeUndefined(); // another request: the full layer
    expect(await ready.take('getAreaLayer', { overview: true })).toEqual(answer('overview'));
    expect(ready.take('getAreaLayer', { overview: true })).toBeUndefined();
    expect(await ready.take('getSettings', {})).toEqual(answer('settings'));
  });

  it('keeps no answer made after the same read was asked (and sent on), nor any once a change is asked for', async () => {
    const ready = new ReadyAnswers();
    expect(ready.take('getHistory', {})).toBeUndefined();
    ready.keep('getHistory', {}, answer('late'));
    expect(ready.take('getHistory', {})).toBeUndefined();

    ready.keep('getSettings', {}, answer('before'));
    expect(ready.take('updateSettings', {})).toBeUndefined();
    expect(ready.take('getSettings', {})).toBeUndefined();
    ready.keep('getProviders', {}, answer('after'));
    expect(ready.take('getProviders', {})).toBeUndefined();
  });
});
