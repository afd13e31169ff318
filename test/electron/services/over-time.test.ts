import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services';
import type { ReopeningBrief, Timeline, Transition, TrendResponse } from '../../../shared/time/schemas';
import { apiCaller } from '../../helpers/api';
import { tempDir } from '../../helpers/temp';

let services: Services;
const { call, value } = apiCaller(() => services);

beforeEach(() => {
  const dir = tempDir();
  services = createServices({ host: 'web', userData: dir });
  services.session.create(path.join(dir, 'sample.carecover'), 'default');
});

describe('over time on the default project', () => {
  it('holds eighteen modelled months whose October matches the model, with the rural hand-back and the new bidder visible', async () => {
    const t = await value<TrendResponse>('getTrend', {});
    expect(t.months).toHaveLength(18);
    expect(t.months[0]).toBe('2026-04');
    expect(t.months.at(-1)).toBe('2027-09');
    const october = t.months.indexOf('2026-10');
    const { metrics } = services.coverage.metrics();
    for (const zone of metrics.zones) expect(t.zones.find((z) => z.zoneId === zone.zoneId)!.coverage[october]).toBeCloseTo(zone.coverage!, 9);
    // East Leicestershire Villages loses cover while Billesdon hands back packages, and recovers when Meridian joins in April 2027.
    const z12 = t.zones.find((z) => z.zoneId === 'Z12')!;
    const at = (month: string) => z12.coverage[t.months.indexOf(month)]!;
    expect(at('2027-01')).toBeLessThan(at('2026-10') - 0.1);
    expect(z12.handbacks[t.months.indexOf('2026-11')]).toBeGreaterThan(0);
    expect(at('2027-04')).toBeGreaterThan(at('2027-03') + 0.15);
    expect((await value<{ source: string }[]>('listSnapshots', {})).every((s) => s.source === 'sample')).toBe(true);
  });

  it('follows a redrawn plan: a zone painted bigger shows its new areas\' history, the plan\'s total unchanged', async () => {
    const before = await value<TrendResponse>('getTrend', {});
    const inputs = services.coverage.inputs();
    const z13 = [...inputs.assignments].filter(([, z]) => z === 'Z13').map(([code]) => code);
    await value('assignAreas', { zoneId: 'Z14', areaCodes: z13 });
    const after = await value<TrendResponse>('getTrend', {});
    const z14 = after.zones.find((z) => z.zoneId === 'Z14')!;
    const was = (id: string) => before.zones.find((z) => z.zoneId === id)!;
    for (let m = 0; m < after.months.length; m++) {
      expect(z14.cover[m]).toBeCloseTo(was('Z14').cover[m]! + was('Z13').cover[m]!, 6);
      expect(z14.demand[m]).toBeCloseTo(was('Z14').demand[m]! + was('Z13').demand[m]!, 6);
      expect(after.total.coverage[m]).toBeCloseTo(before.total.coverage[m]!, 12);
    }
    expect(after.zones.find((z) => z.zoneId === 'Z13')!.demand.every((d) => d === 0)).toBe(true);
  });

  it('puts joins, exits, hand-backs and re-openings on the timeline, and who is on the framework on a date', async () => {
    const timeline = await value<Timeline>('getTimeline', {});
    expect(timeline).toMatchObject({ start: '2026-04-01', end: '2034-03-31', reopenings: ['2027-04-01', '2031-04-01'], at: '2026-10-01' });
    const kinds = (providerId: string) => timeline.events.filter((e) => e.providerId === providerId).map((e) => `${e.date} ${e.kind}`);
    expect(kinds('P41')).toContain('2027-04-01 join');
    expect(kinds('P42')).toContain('2027-03-31 exit');
    expect(kinds('P29').some((k) => k.endsWith('handback'))).toBe(true);
    const on = (t: Timeline) => t.onFramework.map((p) => p.providerId);
    expect(on(timeline)).toContain('P42');
    expect(on(timeline)).not.toContain('P41');
    const later = await value<Timeline>('getTimeline', { at: '2027-04-02' });
    expect(on(later)).toContain('P41');
    expect(on(later)).not.toContain('P42');
    const moved = await value<Timeline>('setReopenings', { dates: ['2027-10-01'] });
    expect(moved.reopenings).toEqual(['2027-10-01']);
    expect((await value<Timeline>('setReopenings', { dates: null })).reopenings).toEqual(['2027-04-01', '2031-04-01']);
  });

  it('moves an exiting provider\'s care: moved plus extension or spot is what it holds, zone by zone and in total', async () => {
    const transition = await value<Transition>('getTransition', { providerId: 'P43' });
    expect(transition).toMatchObject({ providerName: 'Gateway Care Ltd', by: '2027-06-30', nextReopening: '2031-04-01' });
    expect(transition.rows.length).toBeGreaterThan(0);
    for (const r of transition.rows) expect(r.moved + r.extensionOrSpot).toBeCloseTo(r.withProvider, 6);
    for (const t of transition.totals) {
      const rows = transition.rows.filter((r) => r.lot === t.lot);
      expect(t.moved + t.extensionOrSpot).toBeCloseTo(t.withProvider, 6);
      expect(rows.reduce((n, r) => n + r.withProvider, 0)).toBeCloseTo(t.withProvider, 6);
    }
    // What Gateway delivers is what it holds: its supply's delivered hours.
    const held = services.coverage.inputs().supply.filter((r) => r.providerId === 'P43' && r.service === 'home-care').reduce((n, r) => n + r.deliveredHours, 0);
    expect(transition.totals.find((t) => t.lot === 'home-care')!.withProvider).toBeCloseTo(held, 6);
    expect(transition.summary).toMatch(/^Gateway Care Ltd holds [\d,]+ hours of care a week to move by 2027-06-30/);
    expect(await call('getTransition', { providerId: 'P999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('briefs the next re-opening with the exits before it', async () => {
    const brief = await value<ReopeningBrief>('getReopeningBrief', {});
    expect(brief.date).toBe('2027-04-01');
    expect(brief.changes.map((c) => `${c.providerId} ${c.kind}`)).toEqual(expect.arrayContaining(['P42 exit', 'P41 join']));
    expect(brief.zones.length).toBeGreaterThan(0);
    for (const z of brief.zones) expect(z.toInvite).toBeCloseTo(Math.max(0, z.demand - z.cover), 6);
  });

  it('saves the model as a month and deletes a month', async () => {
    const list = await value<{ month: string; source: string; rows: number }[]>('saveSnapshot', { month: '2026-10' });
    const october = list.find((s) => s.month === '2026-10')!;
    expect(october.source).toBe('model');
    const t = await value<TrendResponse>('getTrend', {});
    const { metrics } = services.coverage.metrics();
    const z = t.zones.find((x) => x.zoneId === 'Z05')!;
    expect(z.coverage[t.months.indexOf('2026-10')]).toBeCloseTo(metrics.zones.find((x) => x.zoneId === 'Z05')!.coverage!, 9);
    expect((await value<unknown[]>('deleteSnapshot', { month: '2026-10' })).length).toBe(17);
    expect(await call('deleteSnapshot', { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('saveSnapshot', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
