import { describe, expect, it } from 'vitest';
import { bandFor } from '../../../shared/coverage/bands';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { bands, smallPlan } from '../../fixtures/small-plan';

// Every expected number below is worked out by hand from test/fixtures/small-plan.ts.
const metrics = computePlanMetrics(smallPlan());
const zone = (id: string) => metrics.zones.find((z) => z.zoneId === id)!;

describe('zone metrics on the small plan', () => {
  it('sums demand over a zone\'s areas and services', () => {
    expect(zone('ZA').demandHours).toBe(100);
    expect(zone('ZB').demandHours).toBe(200);
    expect(zone('ZB').demandByService).toEqual({ 'home-care': 180, chc: 20, 'live-in': 0 });
    expect(zone('ZB').packages).toBe(18);
    expect(zone('ZA').areaCount).toBe(2);
    expect(zone('ZA').population).toBe(2000);
  });

  it('sums contracted and additional hours and works out spare and shortfall', () => {
    expect(zone('ZA')).toMatchObject({ contractedHours: 110, additionalHours: 5, spareHours: 15, shortfallHours: 0 });
    expect(zone('ZB')).toMatchObject({ contractedHours: 170, additionalHours: 10, spareHours: 10, shortfallHours: 30 });
    expect(zone('ZC')).toMatchObject({ contractedHours: 240, additionalHours: 20, spareHours: 110, shortfallHours: 0 });
    expect(zone('ZD')).toMatchObject({ contractedHours: 0, spareHours: 0, shortfallHours: 50 });
  });

  it('gives each provider its extra offer plus its share of the surplus as spare', () => {
    const za = zone('ZA').providers;
    expect(za.map((p) => p.providerId)).toEqual(['P1', 'P2']);
    expect(za[0]!.spareHours).toBeCloseTo((10 * 70) / 110, 10);
    expect(za[1]!.spareHours).toBeCloseTo(5 + (10 * 40) / 110, 10);
    expect(zone('ZC').providers.find((p) => p.providerId === 'P4')!.spareHours).toBeCloseTo(42.5, 10);
  });

  it('computes coverage, N-1 coverage, provider counts and the largest share', () => {
    expect(zone('ZA')).toMatchObject({ coverage: 1.1, providerCount: 2, largestProviderId: 'P1' });
    expect(zone('ZA').n1Coverage).toBeCloseTo(0.4, 12);
    expect(zone('ZA').largestShare).toBeCloseTo(70 / 110, 12);
    expect(zone('ZB').coverage).toBeCloseTo(0.85, 12);
    expect(zone('ZB').n1Coverage).toBeCloseTo(0.25, 12);
    expect(zone('ZC')).toMatchObject({ coverage: 1.6, n1Coverage: 1.2, largestShare: 0.25, providerCount: 4 });
    expect(zone('ZD')).toMatchObject({ coverage: 0, providerCount: 0, largestProviderId: null, largestShare: null });
    expect(zone('ZE').coverage).toBeCloseTo(0.95, 12);
  });

  it('classes coverage red below 90%, amber below 100%', () => {
    expect(metrics.zones.map((z) => [z.zoneId, z.coverageClass])).toEqual([
      ['ZA', 'covered'],
      ['ZB', 'red'],
      ['ZC', 'covered'],
      ['ZD', 'red'],
      ['ZE', 'amber'],
    ]);
  });

  it('flags no provider, low coverage and fragility, with reasons in words', () => {
    expect(metrics.zones.map((z) => [z.zoneId, z.flags])).toEqual([
      ['ZA', ['fragile']],
      ['ZB', ['low-coverage', 'fragile']],
      ['ZC', []],
      ['ZD', ['no-provider', 'low-coverage']],
      ['ZE', ['low-coverage', 'fragile']],
    ]);
    expect(zone('ZA').reasons).toEqual([
      'Without its largest provider (Provider P1) cover would fall to 40%, below 100%.',
      "One provider (Provider P1) holds 64% of the zone's hours, more than 50%.",
    ]);
    expect(zone('ZB').reasons[0]).toBe('Contracted hours cover 85% of demand (red below 90%): 30 hours a week short.');
    expect(zone('ZE').reasons[0]).toBe('Contracted hours cover 95% of demand (amber below 100%): 4 hours a week short.');
    expect(zone('ZD').reasons[0]).toBe('No provider holds contracted hours in this zone.');
  });

  it('puts zones in bands by rural population share, honouring overrides', () => {
    expect(zone('ZA')).toMatchObject({ ruralShare: 0.5, bandId: 'rural', hourlyRate: 30, bandOverridden: false });
    expect(zone('ZB')).toMatchObject({ ruralShare: 1, bandId: 'rural' });
    expect(zone('ZC')).toMatchObject({ ruralShare: 0, bandId: 'urban' });
    expect(zone('ZD')).toMatchObject({ ruralShare: 1, bandId: 'urban', bandOverridden: true });
  });

  it('costs demand at the band rate, weekly and yearly', () => {
    expect(metrics.zones.map((z) => z.weeklyCost)).toEqual([3000, 6000, 3000, 1000, 1600]);
    expect(zone('ZB').annualCost).toBe(312_000);
  });

  it('totals the plan and compares its cost with the budget', () => {
    expect(metrics.totals).toMatchObject({
      zones: 5,
      areas: 6,
      demandHours: 580,
      contractedHours: 596,
      additionalHours: 35,
      shortfallHours: 84,
      weeklyCost: 14_600,
      annualCost: 759_200,
      budgetPerYear: 750_000,
      budgetHeadroom: -9_200,
      flaggedZones: 4,
      redZones: 2,
      amberZones: 1,
      fragileZones: 3,
      noProviderZones: 1,
    });
  });

  it('follows the settings: a lower red line and a looser fragility rule', () => {
    const relaxed = computePlanMetrics(smallPlan({ settings: { ...smallPlan().settings, redBelow: 0.8, fragileN1Below: 0.3, fragileMaxShare: 0.7 } }));
    const zb = relaxed.zones.find((z) => z.zoneId === 'ZB')!;
    expect(zb.coverageClass).toBe('amber');
    expect(zb.flags).toEqual(['low-coverage', 'fragile']); // N-1 25% < 30%, share 71% > 70%
    expect(relaxed.zones.find((z) => z.zoneId === 'ZA')!.flags).toEqual([]); // N-1 40% ≥ 30%, share 64% ≤ 70%
  });

  it('treats a zone without demand as no-demand, unflagged', () => {
    const plan = smallPlan();
    plan.demand = plan.demand.filter((d) => d.areaCode !== 'E1');
    const ze = computePlanMetrics(plan).zones.find((z) => z.zoneId === 'ZE')!;
    expect(ze).toMatchObject({ coverage: null, coverageClass: 'no-demand', n1Coverage: null, flags: [] });
  });
});

describe('bandFor', () => {
  it('picks the highest threshold reached', () => {
    expect(bandFor(0.49, bands).band.id).toBe('urban');
    expect(bandFor(0.5, bands).band.id).toBe('rural');
    const three = [...bands, { id: 'remote', name: 'Remote', hourlyRate: 35, floor: null, ceiling: null, minRuralShare: 0.9 }];
    expect(bandFor(0.95, three).band.id).toBe('remote');
    expect(bandFor(0.7, three).band.id).toBe('rural');
  });
  it('ignores an override naming no band', () => {
    expect(bandFor(0.7, bands, 'gone')).toMatchObject({ band: { id: 'rural' }, overridden: false });
  });
});
