import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { unpackLayerBundle } from '../../../shared/geo/layer-bundle';
import { dispatch } from '../../../shared/api/dispatch';
import { createServices, type Services } from '../../../electron/services';
import { tempDir } from '../../helpers/temp';

let services: Services;
const call = (method: string, payload: unknown) => dispatch(services.handlers, method, payload);

beforeEach(() => {
  const dir = tempDir();
  services = createServices({ host: 'web', userData: dir });
  services.session.create(path.join(dir, 'sample.carecover'), 'default');
});

describe('coverage API on the default project', () => {
  it('lists the plan and answers metrics for the current plan', async () => {
    const plans = await call('listPlans', {});
    expect(plans).toMatchObject({ ok: true, value: [{ name: 'Sample framework zones', isCurrent: true }] });
    const result = await call('getPlanMetrics', {});
    expect(result.ok).toBe(true);
    const value = (result as { value: { metrics: { zones: unknown[]; totals: { zones: number } } } }).value;
    expect(value.metrics.zones).toHaveLength(14);
    expect(value.metrics.totals.zones).toBe(14);
  });

  it('sends the area layer apart from the map state, as bytes naming the revision the state names; another project has another', async () => {
    const state = (await call('getMapData', {})) as { ok: true; value: { layerRevision: string; zoneIds: unknown[] } & Record<string, unknown> };
    expect(state.value).not.toHaveProperty('layer');
    const bytes = (await call('getAreaLayer', {})) as { ok: true; value: Uint8Array };
    expect(bytes.value).toBeInstanceOf(Uint8Array);
    const layer = unpackLayerBundle(bytes.value);
    expect(layer.revision).toBe(state.value.layerRevision);
    // Every area's rings, code, name and district; and the state's zone of each, in the same order.
    expect(Math.max(...layer.ringArea) + 1).toBe(layer.areas.codes.length);
    expect(state.value.zoneIds).toHaveLength(layer.areas.codes.length);
    expect(new Set([layer.areas.codes.length, layer.areas.names.length, layer.areas.districts.length]).size).toBe(1);
    expect(layer.districtOutlines.length).toBeGreaterThan(0);
    expect(layer.districtOutlines.every((d) => d.lines.length > 0 && d.name.length > 0)).toBe(true);

    // The same template in another file is another project: its layer is not taken for this one's.
    const dir = tempDir();
    services.session.create(path.join(dir, 'other.carecover'), 'default');
    const other = (await call('getMapData', {})) as typeof state;
    expect(other.value.layerRevision).not.toBe(state.value.layerRevision);
    expect(unpackLayerBundle(((await call('getAreaLayer', {})) as typeof bytes).value).revision).toBe(other.value.layerRevision);
  });

  it('finds contingency candidates for a red zone and refuses an unknown zone', async () => {
    const result = await call('getContingency', { zoneId: 'Z14' });
    expect(result).toMatchObject({ ok: true, value: { zoneId: 'Z14', gapKind: 'shortfall' } });
    expect(await call('getContingency', { zoneId: 'Z99' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('simulates a withdrawal and validates the cut', async () => {
    const result = await call('simulateWithdrawal', { providerId: 'P32', cutPercent: 100 });
    expect(result).toMatchObject({ ok: true, value: { providerName: 'Belvoir Care at Home' } });
    expect(await call('simulateWithdrawal', { providerId: 'P32', cutPercent: 0 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call('simulateWithdrawal', { providerId: 'P999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('stores valid settings, and the metrics follow at once', async () => {
    const before = services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z07')!;
    expect(before.coverageClass).toBe('amber');
    const saved = await call('updateSettings', { settings: { redBelow: 0.95, amberBelow: 1.0 } });
    expect(saved).toMatchObject({ ok: true, value: { settings: { redBelow: 0.95 } } });
    expect(services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z07')!.coverageClass).toBe('red');
  });

  it('rejects settings that break the rules and stores nothing', async () => {
    const before = services.coverage.settings();
    const result = await call('updateSettings', { settings: { redBelow: 1.2, amberBelow: 1.0 }, bands: [{ ...before.bands[0]!, hourlyRate: 25 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/red line must not be above the amber line/);
    expect(services.coverage.settings()).toEqual(before);
    expect(await call('updateSettings', { settings: { distanceLimitKm: -3 } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call('updateSettings', { bands: [{ ...before.bands[0]!, floor: 99 }] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('changes a band rate and the cost follows', async () => {
    const { bands } = services.coverage.settings();
    const rural = bands.find((b) => b.id === 'rural')!;
    const cost = services.coverage.metrics().metrics.totals.annualCost;
    await call('updateSettings', { bands: [{ ...rural, hourlyRate: rural.hourlyRate + 1, ceiling: null }] });
    expect(services.coverage.metrics().metrics.totals.annualCost).toBeGreaterThan(cost);
  });

  it('answers no-project when none is open', async () => {
    services.close();
    expect(await call('getPlanMetrics', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });
  });
});
