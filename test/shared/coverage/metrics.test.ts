import { describe, expect, it } from 'vitest';
import { bandFor, rateFor } from '../../../shared/coverage/bands';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { bands, smallPlan } from '../../fixtures/small-plan';

// Every expected number below is worked out by hand from test/fixtures/small-plan.ts.
const metrics = computePlanMetrics(smallPlan());
const zone = (id: string) => metrics.zones.find((z) => z.zoneId === id)!;

describe('zone metrics on the small plan', () => {
  it("sums demand and people over a zone's areas (all lots: hours of home care and CHC)", () => {
    expect(zone('ZA').demandHours).toBe(100);
    expect(zone('ZB').demandHours).toBe(200);
    expect(zone('ZB').people).toBe(18);
    expect(zone('ZB').lots.map((l) => [l.service, l.demand, l.people])).toEqual([
      ['home-care', 180, 17],
      ['chc', 20, 1],
      ['live-in', 0, 0],
    ]);
    expect(zone('ZA').areaCount).toBe(2);
    expect(zone('ZA').population).toBe(2000);
  });

  it('sums supply over the areas: committed, additional, delivered, spare (committed − delivered), unsourced, shortfall', () => {
    // ZA: P1 42+28, P2 24+16 committed; delivered 40+20+18+16; A1 60−58 and A2 40−36 unsourced.
    expect(zone('ZA')).toMatchObject({ committedHours: 110, coverHours: 110, additionalHours: 5, deliveredHours: 94, spareHours: 16, unsourcedHours: 6, shortfallHours: 0 });
    // ZB: home care 180 − 160 delivered and CHC 20 − 0.
    expect(zone('ZB')).toMatchObject({ committedHours: 170, additionalHours: 10, deliveredHours: 160, spareHours: 10, unsourcedHours: 40, shortfallHours: 30 });
    expect(zone('ZC')).toMatchObject({ committedHours: 240, additionalHours: 20, deliveredHours: 140, spareHours: 100, unsourcedHours: 10, shortfallHours: 0 });
    expect(zone('ZD')).toMatchObject({ committedHours: 0, deliveredHours: 0, spareHours: 0, unsourcedHours: 50, shortfallHours: 50, basis: 'none' });
    expect(zone('ZA').deliveredCoverage).toBeCloseTo(0.94, 12);
    expect(zone('ZA').basis).toBe('recorded');
  });

  it('lists each provider with its committed, delivered and spare hours and its share of cover', () => {
    const za = zone('ZA').providers;
    expect(za.map((p) => [p.providerId, p.committedHours, p.deliveredHours, p.spareHours, p.additionalHours])).toEqual([
      ['P1', 70, 60, 10, 0],
      ['P2', 40, 34, 6, 5],
    ]);
    expect(za[0]!.share).toBeCloseTo(70 / 110, 12);
    expect(za[0]!.supplyClass).toBe('secure');
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
      "One provider (Provider P1) holds 64% of the zone's cover, more than 50%.",
    ]);
    expect(zone('ZB').reasons[0]).toBe('Secure committed hours cover 85% of demand (red below 90%): 30 hours a week short.');
    expect(zone('ZE').reasons[0]).toBe('Secure committed hours cover 95% of demand (amber below 100%): 4 hours a week short.');
    expect(zone('ZD').reasons[0]).toBe('No on-framework provider holds committed hours in this zone.');
  });

  it('puts zones in bands by rural population share, honouring overrides', () => {
    expect(zone('ZA')).toMatchObject({ ruralShare: 0.5, bandId: 'rural', hourlyRate: 30, bandOverridden: false });
    expect(zone('ZB')).toMatchObject({ ruralShare: 1, bandId: 'rural' });
    expect(zone('ZC')).toMatchObject({ ruralShare: 0, bandId: 'urban' });
    expect(zone('ZD')).toMatchObject({ ruralShare: 1, bandId: 'urban', bandOverridden: true });
  });

  it('costs every lot at its own band rate, and the council only for what it funds', () => {
    // ZB: home care 180 × £30 + CHC 20 × £32 (the rural CHC rate); CHC is NHS-funded.
    expect(metrics.zones.map((z) => z.weeklyCost)).toEqual([3000, 6040, 3000, 1000, 1600]);
    expect(zone('ZB').annualCost).toBe(6040 * 52);
    expect(zone('ZB').councilAnnualCost).toBe(5400 * 52);
  });

  it('totals the plan and compares the council-funded cost with the budget', () => {
    expect(metrics.totals).toMatchObject({
      lot: 'all',
      unit: 'hour',
      zones: 5,
      areas: 6,
      demandHours: 580,
      people: 56,
      committedHours: 596,
      secureHours: 596,
      atRiskHours: 0,
      spotHours: 0,
      deliveredHours: 464,
      unsourcedHours: 116,
      additionalHours: 35,
      shortfallHours: 84,
      weeklyCost: 14_640,
      annualCost: 761_280,
      councilAnnualCost: 728_000,
      budgetPerYear: 750_000,
      budgetHeadroom: 22_000,
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

describe('secure, at-risk and spot supply', () => {
  // In ZC, P8 goes off the framework (spot) and P9 is leaving it (at risk until 2027-03-31).
  const plan = smallPlan();
  plan.providers = plan.providers.map((p) =>
    p.id === 'P8' ? { ...p, status: 'non-framework' } : p.id === 'P9' ? { ...p, status: 'exiting-framework', endDate: '2027-03-31' } : p,
  );
  const zc = (p = plan) => computePlanMetrics(p).zones.find((z) => z.zoneId === 'ZC')!;

  it('counts only secure supply as cover by default, showing at-risk and spot beside it', () => {
    expect(zc()).toMatchObject({ committedHours: 240, secureHours: 120, atRiskHours: 60, spotHours: 60, coverHours: 120, coverage: 0.8, coverageClass: 'red', providerCount: 2 });
    expect(zc().reasons).toContain('Not counted as cover: 60 hours a week from exiting providers (at risk) and 60 hours a week bought off the framework (spot).');
  });

  it('counts at-risk and spot supply when the settings say so', () => {
    expect(zc(smallPlan({ ...plan, settings: { ...plan.settings, countAtRisk: 1 } })).coverHours).toBe(180);
    expect(zc(smallPlan({ ...plan, settings: { ...plan.settings, countAtRisk: 1, countSpot: 1 } })).coverage).toBe(1.6);
  });

  it('drops an exiting provider after its end date and counts a new bidder from its start date', () => {
    expect(zc(smallPlan({ ...plan, asAt: '2027-04-01' })).atRiskHours).toBe(0);
    const bidder = smallPlan();
    bidder.providers = bidder.providers.map((p) => (p.id === 'P5' ? { ...p, startDate: '2027-04-01' } : p));
    bidder.supply.push({ providerId: 'P5', areaCode: 'D1', service: 'home-care', committedHours: 50, additionalHours: 0, deliveredHours: 0, people: 0, basis: 'estimated' });
    const zd = (asAt: string) => computePlanMetrics({ ...bidder, asAt }).zones.find((z) => z.zoneId === 'ZD')!;
    expect(zd('2027-03-31')).toMatchObject({ coverHours: 0, committedHours: 0 });
    expect(zd('2027-04-01')).toMatchObject({ coverHours: 50, coverage: 1, basis: 'estimated' });
  });
});

describe('lots', () => {
  it('gives each lot its own demand, supply, coverage and flags', () => {
    const chc = computePlanMetrics(smallPlan(), 'chc');
    const zb = chc.zones.find((z) => z.zoneId === 'ZB')!;
    expect(zb).toMatchObject({ lot: 'chc', unit: 'hour', demandHours: 20, coverHours: 0, coverage: 0, flags: ['no-provider', 'low-coverage'], rate: 32, weeklyCost: 640, councilAnnualCost: 0 });
    expect(chc.totals).toMatchObject({ demandHours: 20, weeklyCost: 640, councilAnnualCost: 0 });
    const home = computePlanMetrics(smallPlan(), 'home-care');
    expect(home.zones.find((z) => z.zoneId === 'ZB')!).toMatchObject({ demandHours: 180, coverHours: 170, people: 17 });
  });

  it('counts and prices live-in care in weeks, and never adds weeks to hours', () => {
    const plan = smallPlan();
    // Two people in 24-hour care in C1 (2 × 168 hours), one week of it committed by P4.
    plan.demand.push({ areaCode: 'C1', service: 'live-in', hours: 336, people: 2 });
    plan.supply.push({ providerId: 'P4', areaCode: 'C1', service: 'live-in', committedHours: 168, additionalHours: 0, deliveredHours: 168, people: 1, basis: 'recorded' });
    const liveIn = computePlanMetrics(plan, 'live-in').zones.find((z) => z.zoneId === 'ZC')!;
    expect(liveIn).toMatchObject({ unit: 'week', demandHours: 2, coverHours: 1, coverage: 0.5, unsourcedHours: 1, people: 2, rate: 1000, weeklyCost: 2000 });
    const all = computePlanMetrics(plan).zones.find((z) => z.zoneId === 'ZC')!;
    expect(all).toMatchObject({ demandHours: 150, committedHours: 240 }); // hours only
    expect(all.weeklyCost).toBe(150 * 20 + 2 * 1000); // every lot priced
    expect(all.lots.find((l) => l.service === 'live-in')).toMatchObject({ demand: 2, cover: 1, unit: 'week' });
  });

  it('charges the council its share of a jointly funded lot', () => {
    const plan = smallPlan();
    plan.lots = plan.lots.map((l) => (l.service === 'chc' ? { ...l, funder: 'joint', councilShare: 0.25 } : l));
    expect(computePlanMetrics(plan).zones.find((z) => z.zoneId === 'ZB')!.councilAnnualCost).toBe((5400 + 640 * 0.25) * 52);
  });
});

describe('bandFor and rateFor', () => {
  it('picks the highest threshold reached', () => {
    expect(bandFor(0.49, bands).band.id).toBe('urban');
    expect(bandFor(0.5, bands).band.id).toBe('rural');
    const three = [...bands, { id: 'remote', name: 'Remote', hourlyRate: 35, floor: null, ceiling: null, minRuralShare: 0.9, chcHourlyRate: null, liveInWeeklyRate: 1300 }];
    expect(bandFor(0.95, three).band.id).toBe('remote');
    expect(bandFor(0.7, three).band.id).toBe('rural');
  });
  it('ignores an override naming no band', () => {
    expect(bandFor(0.7, bands, 'gone')).toMatchObject({ band: { id: 'rural' }, overridden: false });
  });
  it('gives CHC the home-care rate unless the band sets its own, and live-in a weekly rate', () => {
    expect(rateFor(bands[0]!, 'chc')).toBe(20);
    expect(rateFor(bands[1]!, 'chc')).toBe(32);
    expect(rateFor(bands[1]!, 'live-in')).toBe(1200);
  });
});
