import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services';
import type { CostsReport, ScenarioComparison } from '../../../shared/costs/schemas';
import { apiCaller } from '../../helpers/api';
import { tempDir } from '../../helpers/temp';

let services: Services;
let file: string;
const { call, value } = apiCaller(() => services);

beforeEach(() => {
  const dir = tempDir();
  file = path.join(dir, 'sample.carecover');
  services = createServices({ host: 'web', userData: dir });
  services.session.create(file, 'default');
});

describe('costs API on the default project', () => {
  it('holds today\'s rates over the term in the base: every year costs the same', async () => {
    const base = await value<CostsReport>('getCosts', {});
    expect(base.scenario.name).toBe('Base');
    expect(base.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]);
    expect(new Set(base.years.map((y) => Math.round(y.totalCost))).size).toBe(1);
    expect(base.bands).toHaveLength(6);
    // The default project's rural bands cost more to run than they are paid: travel and miles, not a flat uplift.
    const rural = base.bands.find((b) => b.bandId === 'rural' && b.lot === 'home-care')!;
    const urban = base.bands.find((b) => b.bandId === 'urban' && b.lot === 'home-care')!;
    expect(rural.modelledRate).toBeGreaterThan(urban.modelledRate);
    expect(rural.inputs.travelMinutesPerVisit).toBeGreaterThan(urban.inputs.travelMinutesPerVisit);
    expect(base.termTotal).toBeCloseTo(base.years.reduce((t, y) => t + y.totalCost, 0), 6);
  });

  it('prices an unsaved change, saves it as a scenario, compares it and undoes the save', async () => {
    const base = await value<CostsReport>('getCosts', {});
    const change = { nlw: 12.71, cpi: 0.03, growth: 0.02 };
    const tried = await value<CostsReport>('getCosts', { change });
    expect(tried.edited).toBe(true);
    expect(tried.termTotal).toBeGreaterThan(base.termTotal);
    expect(tried.years[1]!.demandHours).toBeCloseTo(tried.years[0]!.demandHours * 1.02, 3);

    const saved = await value<CostsReport>('savePricingScenario', { scenario: { ...tried.scenario, name: 'NLW 2026' }, view: { scenario: 'NLW 2026' } });
    expect(saved.scenarios).toEqual(['Base', 'NLW 2026']);
    expect(saved.edited).toBe(false);
    expect(saved.termTotal).toBeCloseTo(tried.termTotal, 6);

    const comparison = await value<ScenarioComparison>('comparePricingScenarios', {});
    expect(comparison.rows.map((r) => r.scenario)).toEqual(['Base', 'NLW 2026']);
    expect(comparison.rows[1]!.difference).toBeCloseTo(tried.termTotal - base.termTotal, 4);

    // Saved in the project file: a fresh session reads it back.
    services.close();
    services = createServices({ host: 'web', userData: tempDir() });
    await services.session.open(file);
    expect(services.costs.scenarios().map((s) => s.name)).toEqual(['Base', 'NLW 2026']);
    await value('undo', {});
    expect(services.costs.scenarios().map((s) => s.name)).toEqual(['Base']);
  });

  it('refuses a bad scenario, a save over the base and an unknown one, storing nothing', async () => {
    const bad = await call('getCosts', { change: { nlw: -1, nlwFrom: '1 April' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(bad)).toMatch(/nlw: must be more than £0/);
    expect(JSON.stringify(bad)).toMatch(/nlwFrom: must be a date written YYYY-MM-DD/);
    const base = services.costs.base();
    expect(await call('savePricingScenario', { scenario: base, view: {} })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('getCosts', { scenario: 'Nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('deletePricingScenario', { name: 'Nope', view: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('savePricingScenario', { scenario: { ...base, name: 'Bids', bids: { low: 0.8, mid: 0.5, high: 1 } }, view: {} })).toMatchObject({ ok: false });
    expect(services.costs.scenarios()).toHaveLength(1);
  });

  it('stores a band\'s cost inputs and the framework term, and the costs follow', async () => {
    const before = await value<CostsReport>('getCosts', {});
    const urban = before.bands.find((b) => b.bandId === 'urban' && b.lot === 'home-care')!;
    const after = await value<CostsReport>('setCostInputs', { row: { bandId: 'urban', service: 'home-care', inputs: { ...urban.inputs, travelMinutesPerVisit: urban.inputs.travelMinutesPerVisit + 6 } }, view: {} });
    expect(after.bands.find((b) => b.bandId === 'urban' && b.lot === 'home-care')!.modelledRate).toBeGreaterThan(urban.modelledRate);
    expect(await call('setCostInputs', { row: { bandId: 'nowhere', service: 'home-care', inputs: urban.inputs }, view: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('setCostInputs', { row: { bandId: 'urban', service: 'home-care', inputs: { ...urban.inputs, visitMinutes: 0 } }, view: {} })).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const term = await value<CostsReport>('setFrameworkTerm', { term: { start: '2026-09-01', end: '2034-08-31', envelope: 14_000_000, envelopeRise: 0.02, baseNlw: 12.21 }, view: {} });
    expect(term.years).toHaveLength(8);
    expect(term.years[1]!.envelope).toBeCloseTo(14_280_000, 4);
    expect(services.coverage.settings().settings.budgetPerYear).toBe(14_000_000);
    expect(await call('setFrameworkTerm', { term: { start: '2030-01-01', end: '2026-01-01', envelope: 1, envelopeRise: 0, baseNlw: 12 }, view: {} })).toMatchObject({ ok: false });
  });

  it("compares plans' costs over the term under every pricing scenario", async () => {
    const base = await value<CostsReport>('getCosts', {});
    await value('savePricingScenario', { scenario: { ...base.scenario, name: 'Growth', growth: 0.03 }, view: {} });
    await value('copyPlan', { from: 'Sample framework zones', name: 'Copy' });
    const same = await value<{ rows: { measure: string; a: number; b: number; difference: number }[] }>('comparePlans', { a: 'Sample framework zones', b: 'Copy' });
    const term = same.rows.filter((r) => r.measure.startsWith('Cost over the term'));
    expect(term.map((r) => r.measure)).toEqual(['Cost over the term, Base (£)', 'Cost over the term, Growth (£)']);
    expect(term[0]!.a).toBeCloseTo(base.termTotal, 4);
    expect(term.every((r) => Math.abs(r.difference) < 1e-6)).toBe(true);
    expect(term[1]!.a).toBeGreaterThan(term[0]!.a);
  });
});
