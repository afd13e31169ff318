import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Provider } from '../../../shared/domain/types';
import { addMonths, addYears, monthEnd } from '../../../shared/time/months';
import { computeTrends, packSnapshot, type SnapshotRow } from '../../../shared/time/trends';

const provider = (id: string, status: Provider['status'], dates: Partial<Pick<Provider, 'startDate' | 'endDate'>> = {}): Provider => ({
  id,
  name: id,
  cqcId: null,
  lat: 52.6,
  lon: -1.2,
  status,
  services: ['home-care', 'live-in'],
  startDate: dates.startDate ?? null,
  endDate: dates.endDate ?? null,
});
// P2 leaves the framework on 30 September; P3, a new bidder, starts on 15 October.
const providers = [provider('P1', 'on-framework'), provider('P2', 'on-framework', { endDate: '2026-09-30' }), provider('P3', 'new-bidder', { startDate: '2026-10-15' })];
const areaIndex = new Map([['A1', 0], ['A2', 1], ['B1', 2]]);
const providerIndex = new Map(providers.map((p, i) => [p.id, i]));
const row = (providerId: string, areaCode: string, values: Partial<SnapshotRow>): SnapshotRow => ({ providerId, areaCode, service: 'home-care', committed: 0, delivered: 0, unsourced: 0, waiting: 0, handbacks: 0, ...values });

const september = packSnapshot(
  '2026-09',
  [
    row('P1', 'A1', { committed: 40, delivered: 30 }),
    row('P2', 'A2', { committed: 20, delivered: 20, handbacks: 1 }),
    row('P3', 'B1', { committed: 50 }),
    row('', 'A1', { unsourced: 10, waiting: 1 }),
    row('', 'B1', { unsourced: 40, waiting: 4 }),
    row('P1', 'A1', { service: 'live-in', committed: 168, delivered: 168 }),
  ],
  areaIndex,
  providerIndex,
);
const october = packSnapshot(
  '2026-10',
  [
    row('P1', 'A1', { committed: 40, delivered: 35 }),
    row('P2', 'A2', { committed: 20, delivered: 10 }),
    row('P3', 'B1', { committed: 50, delivered: 30 }),
    row('', 'A1', { unsourced: 5, waiting: 1 }),
    row('', 'A2', { unsourced: 10, waiting: 1 }),
    row('', 'B1', { unsourced: 10, waiting: 1 }),
  ],
  areaIndex,
  providerIndex,
);
const zones = [
  { id: 'Z1', name: 'One' },
  { id: 'Z2', name: 'Two' },
];
const settings = { ...DEFAULT_SETTINGS };

describe('computeTrends', () => {
  it('counts cover by who is on the framework at each month end, demand as care in place plus care waiting', () => {
    const t = computeTrends({ snapshots: [september, october], zoneOfArea: Int32Array.from([0, 0, 1]), zones, providers, lot: 'all', settings });
    expect(t.months).toEqual(['2026-09', '2026-10']);
    const [one, two] = t.zones;
    // September: P1 40 + P2 20 (still on until the 30th) against 30 + 20 in place and 10 waiting: 60 / 60.
    // October: P2 has gone: 40 against 35 + 10 in place and 5 + 10 waiting: 40 / 60.
    expect(one!.cover).toEqual([60, 40]);
    expect(one!.demand).toEqual([60, 60]);
    expect(one!.coverage[0]).toBe(1);
    expect(one!.coverage[1]).toBeCloseTo(2 / 3, 12);
    expect(one!.coverageClass).toEqual(['covered', 'red']);
    expect(one!.waiting).toEqual([1, 2]);
    expect(one!.handbacks).toEqual([1, 0]);
    // Two: P3 starts on 15 October, so its 50 hours count from October: 0 / 40, then 50 / 40.
    expect(two!.coverage).toEqual([0, 1.25]);
    expect(two!.coverageClass).toEqual(['red', 'covered']);
    // The plan: 60 / 100, then 90 / 100. Live-in weeks are never added to hours.
    expect(t.plan.coverage).toEqual([0.6, 0.9]);
    expect(t.plan.unsourced).toEqual([50, 25]);
  });

  it('follows a redrawn plan: each zone shows the history of its own areas', () => {
    // A2 moves from One to Two.
    const t = computeTrends({ snapshots: [september, october], zoneOfArea: Int32Array.from([0, 1, 1]), zones, providers, lot: 'all', settings });
    const [one, two] = t.zones;
    // One is A1 alone: 40 / (30 + 10), then 40 / (35 + 5).
    expect(one!.coverage).toEqual([1, 1]);
    // Two is A2 and B1: (20 + 0) / (20 + 40), then 50 / (10 + 10 + 30 + 10).
    expect(two!.coverage[0]).toBeCloseTo(1 / 3, 12);
    expect(two!.coverage[1]).toBeCloseTo(50 / 60, 12);
    expect(two!.handbacks).toEqual([1, 0]);
    // The plan's totals do not depend on the plan's zones.
    expect(t.plan.coverage).toEqual([0.6, 0.9]);
  });

  it('keeps lots apart, live-in in weeks', () => {
    const t = computeTrends({ snapshots: [september, october], zoneOfArea: Int32Array.from([0, 0, 1]), zones, providers, lot: 'live-in', settings });
    expect(t.zones[0]!.cover).toEqual([1, 0]);
    expect(t.zones[0]!.coverage).toEqual([1, null]);
    expect(t.zones[0]!.coverageClass).toEqual(['covered', 'no-demand']);
  });

  it('counts exiting providers only when the settings count at-risk supply', () => {
    const exiting = [provider('P1', 'exiting-framework', { endDate: '2027-03-31' }), providers[1]!, providers[2]!];
    const off = computeTrends({ snapshots: [october], zoneOfArea: Int32Array.from([0, 0, 1]), zones, providers: exiting, lot: 'all', settings });
    const on = computeTrends({ snapshots: [october], zoneOfArea: Int32Array.from([0, 0, 1]), zones, providers: exiting, lot: 'all', settings: { ...settings, countAtRisk: 1 } });
    expect(off.zones[0]!.cover).toEqual([0]);
    expect(on.zones[0]!.cover).toEqual([40]);
  });
});

describe('months', () => {
  it('ends a month on its last day and steps over years', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-09')).toBe('2026-09-30');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addYears('2026-04-01', 5)).toBe('2031-04-01');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
