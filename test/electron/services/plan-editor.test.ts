import path from 'node:path';
import type { PlanDelta } from '../../../shared/api/contract';
import type { LotFilter } from '../../../shared/coverage/supply';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services';
import { readAssignments } from '../../../electron/store/model-data';
import { currentPlanId } from '../../../electron/store/plans';
import { tempDir } from '../../helpers/temp';
import { apiCaller } from '../../helpers/api';

let dir: string;
let file: string;
let services: Services;
const assignments = () => readAssignments(services.session.db(), currentPlanId(services.session.db())!);
const zoneOf = (code: string) => assignments().get(code);
const areasOf = (zoneId: string) => [...assignments()].filter(([, z]) => z === zoneId).map(([a]) => a).sort();

beforeEach(() => {
  dir = tempDir();
  services = createServices({ host: 'web', userData: dir });
  file = services.session.create(path.join(dir, 'plan.carecover'), 'default').path;
});

describe('zone edits', () => {
  it('paints areas into a zone, with undo and redo surviving a restart', async () => {
    const moving = areasOf('Z13').slice(0, 3);
    const before = services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z14')!.demandHours;
    services.editor.assignAreas(undefined, 'Z14', moving);
    expect(moving.map(zoneOf)).toEqual(['Z14', 'Z14', 'Z14']);
    expect(services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z14')!.demandHours).toBeGreaterThan(before);
    expect(services.editor.history().canUndo).toBe('Move 3 areas to Vale of Belvoir & North Melton');

    // Restart: the edit and its history are in the project file.
    services.close();
    services = createServices({ host: 'web', userData: dir });
    await services.session.open(file);
    expect(moving.map(zoneOf)).toEqual(['Z14', 'Z14', 'Z14']);
    expect(services.editor.undo()?.description).toMatch(/^Move 3 areas/);
    expect(moving.map(zoneOf)).toEqual(['Z13', 'Z13', 'Z13']);
    services.close();
    services = createServices({ host: 'web', userData: dir });
    await services.session.open(file);
    expect(services.editor.history().canRedo).toMatch(/^Move 3 areas/);
    services.editor.redo();
    expect(moving.map(zoneOf)).toEqual(['Z14', 'Z14', 'Z14']);
  });

  it('a new edit drops what was undone', () => {
    const [a, b] = areasOf('Z13');
    services.editor.assignAreas(undefined, 'Z14', [a!]);
    services.editor.undo();
    services.editor.assignAreas(undefined, 'Z14', [b!]);
    expect(services.editor.history().canRedo).toBeNull();
    expect(services.editor.redo()).toBeNull();
  });

  it("undoing another plan's edit switches to that plan and says so, never changing it out of sight", async () => {
    const [a] = areasOf('Z13');
    services.editor.assignAreas(undefined, 'Z14', [a!]);
    services.editor.copyPlan('current', 'Other');
    services.editor.switchPlan('Other');
    expect(services.editor.history().canUndo).toBe('Move 1 area to Vale of Belvoir & North Melton (in the plan “Sample framework zones”)');
    const undone = await services.handlers.undo({});
    expect(undone.switchedTo).toBe('Sample framework zones');
    expect(services.coverage.plans().find((p) => p.isCurrent)!.name).toBe('Sample framework zones');
    expect(zoneOf(a!)).toBe('Z13');
    // The copy kept the move: undo touched only the plan it belongs to.
    expect(services.coverage.inputs('Other').assignments.get(a!)).toBe('Z14');
    const redone = await services.handlers.redo({});
    expect(redone.switchedTo).toBeNull();
    expect(zoneOf(a!)).toBe('Z14');
  });

  it("sets a provider's contracted hours in a zone as one undoable edit, keeping delivered hours", async () => {
    const zone = () => services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z14')!;
    const held = zone().providers[0]!;
    const delivered = held.deliveredHours;
    const { value } = apiCaller(() => services);
    const { history } = await value<{ history: { canUndo: string } }>('setContract', { zoneId: 'Z14', providerId: held.providerId, committedHours: 400, additionalHours: held.additionalHours });
    expect(history.canUndo).toBe(`Set ${held.providerName}'s contract in Vale of Belvoir & North Melton to 400 hours a week`);
    const after = zone().providers.find((p) => p.providerId === held.providerId)!;
    expect(after.committedHours).toBeCloseTo(400, 6);
    expect(after.deliveredHours).toBeCloseTo(delivered, 6);
    services.editor.undo();
    expect(zone().providers.find((p) => p.providerId === held.providerId)!.committedHours).toBeCloseTo(held.committedHours, 6);
    expect((await apiCaller(() => services).call('setContract', { zoneId: 'Z14', providerId: 'P999', committedHours: 1 })).ok).toBe(false);
  });

  it('settings changes are undoable too', async () => {
    await services.handlers.updateSettings({ settings: { redBelow: 0.95 } });
    expect(services.coverage.settings().settings.redBelow).toBe(0.95);
    services.editor.undo();
    expect(services.coverage.settings().settings.redBelow).toBe(0.9);
  });

  it('a locked zone can be painted neither into nor out of, and its figures say it is locked', () => {
    const locked = services.editor.updateZone(undefined, 'Z14', { locked: true });
    expect(locked.zones.map((z) => [z.zoneId, z.locked])).toEqual([['Z14', true]]);
    expect(services.coverage.metrics().metrics.zones.filter((z) => z.locked).map((z) => z.zoneId)).toEqual(['Z14']);
    const into = areasOf('Z13').slice(0, 1);
    expect(() => services.editor.assignAreas(undefined, 'Z14', into)).toThrow(/locked/);
    expect(() => services.editor.assignAreas(undefined, 'Z13', areasOf('Z14').slice(0, 1))).toThrow(/locked/);
    expect(zoneOf(into[0]!)).toBe('Z13');
    services.editor.updateZone(undefined, 'Z14', { locked: false });
    services.editor.assignAreas(undefined, 'Z14', into);
    expect(zoneOf(into[0]!)).toBe('Z14');
  });

  it('merges two zones, their areas and their providers\' hours; undo restores both', () => {
    const total = services.coverage.metrics().metrics.totals;
    const z13 = areasOf('Z13');
    services.editor.mergeZones(undefined, 'Z14', 'Z13');
    const merged = services.coverage.metrics().metrics;
    expect(merged.zones.map((z) => z.zoneId)).not.toContain('Z14');
    expect(merged.totals.committedHours).toBeCloseTo(total.committedHours, 6);
    expect(merged.totals.deliveredHours).toBeCloseTo(total.deliveredHours, 6);
    expect(areasOf('Z13').length).toBeGreaterThan(z13.length);
    services.editor.undo();
    expect(services.coverage.metrics().metrics.totals).toEqual(total);
    expect(areasOf('Z13')).toEqual(z13);
  });

  it('splits a zone along a line into two zones', () => {
    const before = areasOf('Z01');
    // A north–south line through Loughborough (drawn from south to north: areas to the west go to the new zone).
    const result = services.editor.splitZone(undefined, 'Z01', { type: 'line', coordinates: [[-1.2, 52.6], [-1.2, 52.9]] }, 'West Loughborough');
    expect(result.areas.length).toBeGreaterThan(0);
    expect(result.areas.length).toBeLessThan(before.length);
    expect(areasOf(result.zoneId)).toEqual(result.areas);
    expect([...areasOf('Z01'), ...result.areas].sort()).toEqual(before);
    expect(() => services.editor.splitZone(undefined, 'Z02', { type: 'line', coordinates: [[-2, 52], [-2, 53]] }, 'Nothing')).toThrow(/does not divide/);
  });

  it('finds zones in several pieces, empty zones and unassigned areas', () => {
    expect(services.editor.checks()).toEqual({ disconnected: [], emptyZones: [], belowMinimumDemand: [], unassignedAreas: [] });
    // Move one area of Z14 far away into Z01: Z01 is now in two pieces.
    const lone = areasOf('Z14')[0]!;
    services.editor.assignAreas(undefined, 'Z01', [lone]);
    const checks = services.editor.checks(undefined, 500);
    expect(checks.disconnected.find((d) => d.zoneId === 'Z01')?.pieces).toContainEqual([lone]);
    expect(checks.belowMinimumDemand.map((z) => z.zoneId)).toContain('Z14');
    services.editor.assignAreas(undefined, 'Z01', areasOf('Z12'));
    expect(services.editor.checks().emptyZones).toEqual(['Z12']);
  });
});

describe('scenarios and plan files', () => {
  it('copies, renames, switches and deletes plans; compares two', () => {
    services.editor.copyPlan('current', 'Rural rebalance');
    expect(() => services.editor.copyPlan('current', 'rural REBALANCE')).toThrow(/already a plan/);
    services.editor.switchPlan('Rural rebalance');
    expect(services.coverage.plans().find((p) => p.isCurrent)!.name).toBe('Rural rebalance');
    const moving = areasOf('Z13').slice(0, 4);
    services.editor.assignAreas(undefined, 'Z14', moving);
    const comparison = services.editor.compare('Sample framework zones', 'Rural rebalance');
    expect(comparison.areasMoved).toEqual(moving.map((areaCode) => expect.objectContaining({ areaCode, fromZone: 'Z13', fromZoneName: 'Melton Mowbray', toZone: 'Z14', toZoneName: 'Vale of Belvoir & North Melton', areaName: expect.stringMatching(/^Melton/) })));
    expect(comparison.rows.find((r) => r.measure === 'Zones')).toEqual({ measure: 'Zones', a: 14, b: 14, difference: 0 });
    services.editor.renamePlan('Rural rebalance', 'Option B');
    services.editor.deletePlan('Option B');
    expect(services.coverage.plans().map((p) => p.name)).toEqual(['Sample framework zones']);
    expect(() => services.editor.deletePlan('current')).toThrow(/last one/);
  });

  it('exports a plan as area_code,zone_id,zone_name and applies one back as one edit', () => {
    const csv = services.editor.exportCsv();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('area_code,zone_id,zone_name');
    expect(lines).toHaveLength(397);
    const moving = areasOf('Z13').slice(0, 2);
    const edited = csv.replace(`${moving[0]},Z13,Melton Mowbray`, `${moving[0]},Z14,x`).replace(`${moving[1]},Z13,Melton Mowbray`, `${moving[1]},Z14,x`);
    expect(services.editor.assignCsv(undefined, edited)).toEqual({ moved: 2 });
    expect(moving.map(zoneOf)).toEqual(['Z14', 'Z14']);
    services.editor.undo();
    expect(moving.map(zoneOf)).toEqual(['Z13', 'Z13']);
  });

  it('rejects a plan file with unknown areas or zones, changing nothing', () => {
    const before = [...assignments()];
    const bad = 'area_code,zone_id,zone_name\nE01025610,Z99,Nowhere\nE09999999,Z01,Loughborough\n';
    expect(() => services.editor.assignCsv(undefined, bad, 'bad.csv')).toThrow(/bad.csv was not applied, nothing changed: line 2, zone_id: there is no zone "Z99".*line 3, area_code: there is no area "E09999999"/);
    expect([...assignments()]).toEqual(before);
    expect(services.editor.history().canUndo).toBeNull();
  });
});

/** Figures to a millionth of an hour or pound: moving an area out and back in adds and takes away floats, which need not cancel to the last bit. */
const rounded = <T>(value: T): T => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))) as T;

describe('a paint answers with what it changed (one round trip)', () => {
  /** The same project read afresh by a second set of services: what a full reload would show. */
  async function fresh() {
    const other = createServices({ host: 'web', userData: tempDir() });
    await other.session.open(file);
    return other;
  }

  /** A delta's figures, checks and outlines are what a second session reading the file shows; zones it removed are gone there. */
  async function expectMatchesReload(delta: PlanDelta, lot: LotFilter = 'all'): Promise<void> {
    const other = await fresh();
    const metrics = other.coverage.metrics(undefined, lot).metrics;
    expect(rounded(delta.totals)).toEqual(rounded(metrics.totals));
    const ids = new Set(delta.zones.map((z) => z.zoneId));
    expect(rounded(delta.zones)).toEqual(rounded(metrics.zones.filter((z) => ids.has(z.zoneId))));
    for (const removed of delta.removedZones ?? []) expect(metrics.zones.some((z) => z.zoneId === removed)).toBe(false);
    expect(delta.checks).toEqual(other.editor.checks());
    const map = other.coverage.mapData();
    for (const o of delta.zoneOutlines) expect(o).toEqual(map.zoneOutlines.find((m) => m.zoneId === o.zoneId));
    // What this session now answers (patched in place, or read afresh) is what the reload answers.
    expect(services.coverage.mapData()).toEqual(map);
    expect(services.editor.checks()).toEqual(other.editor.checks());
    other.close();
  }

  it.each([
    ['after the map, metrics and checks were loaded (patched in place)', true],
    ['with nothing loaded before (read afresh)', false],
  ])('%s: the delta and every later answer match a reload', async (_, warm) => {
    if (warm) {
      services.coverage.mapData();
      services.coverage.metrics(undefined, 'home-care');
      services.editor.checks();
    }
    // Two areas of Z13 and one of Z12 into Z14: three zones touched.
    const moving = [...areasOf('Z13').slice(0, 2), areasOf('Z12')[0]!];
    const delta = services.editor.assignAreas(undefined, 'Z14', moving, 'home-care');
    expect(delta.assignments).toEqual(moving.map((code) => [code, 'Z14']));
    expect(delta.zones.map((z) => z.zoneId).sort()).toEqual(['Z12', 'Z13', 'Z14']);
    expect(delta.zoneOutlines.map((o) => o.zoneId).sort()).toEqual(['Z12', 'Z13', 'Z14']);
    expect(delta.history.canUndo).toBe('Move 3 areas to Vale of Belvoir & North Melton');

    const other = await fresh();
    const metrics = other.coverage.metrics(undefined, 'home-care').metrics;
    expect(rounded(delta.totals)).toEqual(rounded(metrics.totals));
    expect(rounded(delta.zones)).toEqual(rounded(metrics.zones).filter((z) => ['Z12', 'Z13', 'Z14'].includes(z.zoneId)));
    expect(delta.checks).toEqual(other.editor.checks());
    const map = other.coverage.mapData();
    expect(delta.zoneOutlines.sort((x, y) => x.zoneId.localeCompare(y.zoneId))).toEqual(map.zoneOutlines.filter((o) => delta.zones.some((z) => z.zoneId === o.zoneId)).sort((x, y) => x.zoneId.localeCompare(y.zoneId)));
    // What this session now answers (from what it patched, when warm) is what the reload answers.
    expect(services.coverage.mapData()).toEqual(map);
    expect(rounded(services.coverage.metrics().metrics)).toEqual(rounded(other.coverage.metrics().metrics));
    expect(services.editor.checks()).toEqual(other.editor.checks());
    other.close();
  });

  it('undoing and redoing a paint answer with the same kind of delta, matching a reload each time', async () => {
    services.coverage.mapData();
    services.editor.checks();
    const moving = [...areasOf('Z13').slice(0, 2), areasOf('Z12')[0]!];
    services.editor.assignAreas(undefined, 'Z14', moving, 'home-care');
    for (const step of ['undo', 'redo'] as const) {
      const done = await services.handlers[step]({ lot: 'home-care' });
      const delta = done.delta!;
      expect(delta.assignments.sort()).toEqual(moving.map((code, i) => [code, step === 'undo' ? (i < 2 ? 'Z13' : 'Z12') : 'Z14']).sort());
      expect(delta.zones.map((z) => z.zoneId).sort()).toEqual(['Z12', 'Z13', 'Z14']);
      expect(delta.history).toEqual({ canUndo: done.canUndo, canRedo: done.canRedo });
      await expectMatchesReload(delta, 'home-care');
    }
  });

  it('renaming, banding and setting a contract answer with the zone\'s new figures, the totals and the checks, as a reload shows them', async () => {
    services.coverage.metrics(undefined, 'home-care');
    const renamed = await services.handlers.updateZone({ zoneId: 'Z14', name: 'Belvoir', colour: '#123456', lot: 'home-care' });
    expect(renamed.assignments).toEqual([]);
    expect(renamed.zones.map((z) => [z.zoneId, z.name, z.colour])).toEqual([['Z14', 'Belvoir', '#123456']]);
    const banded = await services.handlers.updateZone({ zoneId: 'Z14', bandOverride: 'urban' });
    expect(banded.zones[0]!.bandOverridden).toBe(true);
    const provider = banded.zones[0]!.providers[0]!;
    const contracted = await services.handlers.setContract({ zoneId: 'Z14', providerId: provider.providerId, committedHours: provider.committedHours + 100 });
    expect(contracted.history.canUndo).toMatch(/contract/);
    expect(contracted.zones.map((z) => z.zoneId)).toEqual(['Z14']);
    await expectMatchesReload(contracted);
  });

  it('making, splitting and merging zones answer with deltas that name new and removed zones, as a reload shows them', async () => {
    services.coverage.mapData();
    services.editor.checks();
    const made = await services.handlers.createZone({ name: 'Melton town', areaCodes: areasOf('Z13').slice(0, 2), lot: 'chc' });
    expect(made.delta.zones.map((z) => z.zoneId).sort()).toEqual(['Z13', made.zoneId].sort());
    expect(made.delta.assignments.every(([, zone]) => zone === made.zoneId)).toBe(true);
    await expectMatchesReload(made.delta, 'chc');
    const split = await services.handlers.splitZone({ zoneId: 'Z01', name: 'West Loughborough', shape: { type: 'line', coordinates: [[-1.2, 52.6], [-1.2, 52.9]] } });
    expect(split.delta.zones.map((z) => z.zoneId).sort()).toEqual(['Z01', split.zoneId].sort());
    await expectMatchesReload(split.delta);
    const merged = await services.handlers.mergeZones({ from: 'Z14', into: 'Z13' });
    expect(merged.removedZones).toEqual(['Z14']);
    expect(merged.zones.map((z) => z.zoneId)).toEqual(['Z13']);
    expect(merged.history.canUndo).toMatch(/^Merge /);
    await expectMatchesReload(merged);
    expect(services.coverage.mapData().zoneOutlines.some((o) => o.zoneId === 'Z14')).toBe(false);
  });

  it('undoing and redoing zone edits (a new zone, a merge, a rename) and a contract answer with deltas; and a settings change', async () => {
    services.coverage.mapData();
    services.editor.checks();
    const moved = areasOf('Z13').slice(0, 2);
    const { zoneId } = services.editor.createZone(undefined, 'Melton town', moved);
    const undone = await services.handlers.undo({});
    expect(undone.delta!.removedZones).toEqual([zoneId]);
    expect(undone.delta!.assignments.sort()).toEqual(moved.map((code) => [code, 'Z13']).sort());
    expect(undone.canRedo).toMatch(/Melton town/);
    await expectMatchesReload(undone.delta!);
    const redone = await services.handlers.redo({});
    expect(redone.delta!.zones.map((z) => z.zoneId).sort()).toEqual(['Z13', zoneId].sort());
    await expectMatchesReload(redone.delta!);

    services.editor.mergeZones(undefined, 'Z14', 'Z13');
    const unmerged = await services.handlers.undo({});
    expect(unmerged.delta!.zones.map((z) => z.zoneId).sort()).toEqual(['Z13', 'Z14']);
    await expectMatchesReload(unmerged.delta!);

    services.editor.updateZone(undefined, 'Z12', { name: 'Renamed' });
    const unrenamed = await services.handlers.undo({});
    expect(unrenamed.delta!.zones.map((z) => [z.zoneId, z.name])).toEqual([['Z12', 'East Leicestershire Villages']]);
    await expectMatchesReload(unrenamed.delta!);

    // A contract put back answers as setContract does: the zone's figures with the provider's hours as they were.
    const held = services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z14')!.providers[0]!;
    services.editor.setContract(undefined, held.providerId, 'Z14', held.committedHours + 50);
    for (const [step, hours] of [['undo', held.committedHours], ['redo', held.committedHours + 50]] as const) {
      const done = await services.handlers[step]({});
      expect(done.delta!.assignments).toEqual([]);
      expect(done.delta!.zones.map((z) => z.zoneId)).toEqual(['Z14']);
      expect(done.delta!.zones[0]!.providers.find((p) => p.providerId === held.providerId)!.committedHours).toBeCloseTo(hours, 6);
      await expectMatchesReload(done.delta!);
    }

    // A settings change put back or done again answers with the settings and every zone's figures.
    const before = services.coverage.settings();
    const band = before.bands[0]!;
    services.coverage.updateSettings({ settings: { redBelow: 0.5, distanceLimitKm: before.settings.distanceLimitKm + 10 }, bands: [{ ...band, hourlyRate: band.hourlyRate + 3, ceiling: null }] });
    const after = services.coverage.settings();
    const zoneCount = services.coverage.metrics().metrics.zones.length;
    for (const [step, settings] of [['undo', before], ['redo', after]] as const) {
      const done = await services.handlers[step]({ lot: 'home-care' });
      expect(done.delta!.settings).toEqual(settings);
      expect(done.delta!.assignments).toEqual([]);
      expect(done.delta!.zones).toHaveLength(zoneCount);
      await expectMatchesReload(done.delta!, 'home-care');
    }
  });

  it('moves nothing, and records no edit, when every area is already in the zone', () => {
    const delta = services.editor.assignAreas(undefined, 'Z14', areasOf('Z14').slice(0, 2));
    expect(delta.assignments).toEqual([]);
    expect(delta.zones.map((z) => z.zoneId)).toEqual(['Z14']);
    expect(delta.history.canUndo).toBeNull();
  });
});
