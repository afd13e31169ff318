import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../electron/services';
import * as areaCache from '../../../electron/store/area-cache';
import * as modelData from '../../../electron/store/model-data';
import { unpackLayerBundle } from '../../../shared/geo/layer-bundle';
import { layerCodes, pageMap } from '../../helpers/map';
import { tempDir } from '../../helpers/temp';

// Counts the reads of the areas' topology, which a project opened again should not need for its first map.
vi.mock('../../../electron/store/area-cache', async (original) => {
  const actual = await original<typeof import('../../../electron/store/area-cache')>();
  return { ...actual, loadTopology: vi.fn(actual.loadTopology), readTopologyCodes: vi.fn(actual.readTopologyCodes) };
});
const topologyReads = () => vi.mocked(areaCache.loadTopology).mock.calls.length;
const codeReads = () => vi.mocked(areaCache.readTopologyCodes).mock.calls.length;
// Counts the reads of a plan's whole inputs, which a first map should not need either.
vi.mock('../../../electron/store/model-data', async (original) => {
  const actual = await original<typeof import('../../../electron/store/model-data')>();
  return { ...actual, readPlanInputs: vi.fn(actual.readPlanInputs), readAssignments: vi.fn(actual.readAssignments) };
});
const inputReads = () => vi.mocked(modelData.readPlanInputs).mock.calls.length;
const assignmentReads = () => vi.mocked(modelData.readAssignments).mock.calls.length;

let file: string;

beforeEach(() => {
  const dir = tempDir();
  file = path.join(dir, 'sample.carecover');
  const maker = createServices({ host: 'web', userData: tempDir() });
  maker.session.create(file, 'default');
  maker.close();
  vi.mocked(areaCache.loadTopology).mockClear();
});

async function open(): Promise<Services> {
  const services = createServices({ host: 'web', userData: tempDir() });
  await services.session.open(file);
  return services;
}

/** The first map as a session opening the file draws it: the layer's bytes and the plan's map state. */
async function firstMap(): Promise<{ layer: Uint8Array; map: ReturnType<Services['coverage']['mapData']>; topologyReads: number }> {
  const services = await open();
  const before = topologyReads();
  const layer = services.coverage.areaLayer();
  const map = services.coverage.mapData();
  const reads = topologyReads() - before;
  services.close();
  return { layer, map, topologyReads: reads };
}

/** What is kept for the first map, emptied by another connection (as an older CareCover would leave a file): the next open works it out from the topology. */
function forgetKeptMap(): void {
  const db = new Database(file);
  db.exec('DELETE FROM plan_map_cache; UPDATE area_cache SET map_layer = NULL');
  db.close();
}

describe('the first map kept with the project', () => {
  it('is worked out from the topology once, then read as kept: the same layer and map state, without the topology', async () => {
    forgetKeptMap();
    const worked = await firstMap();
    expect(worked.topologyReads).toBe(1);
    const kept = await firstMap();
    expect(kept.topologyReads).toBe(0);
    expect(kept.layer).toEqual(worked.layer);
    expect(kept.map).toEqual(worked.map);
  });

  it('after an edit, is kept again as the edited plan when the project closes, and drawn the same as from the topology', async () => {
    await firstMap();
    const editing = await open();
    const start = pageMap(editing);
    const code = start.areas.codes.find((_, i) => start.areas.zoneIds[i] !== 'Z14')!;
    editing.editor.assignAreas(undefined, 'Z14', [code]);
    const edited = editing.coverage.mapData();
    editing.close();

    const reopened = await firstMap();
    expect(reopened.topologyReads).toBe(0);
    expect(reopened.map).toEqual(edited);
    expect(reopened.map.zoneIds[layerCodes(reopened.layer).indexOf(code)]).toBe('Z14');
    forgetKeptMap();
    expect((await firstMap()).map).toEqual(edited);
  });

  it('is never drawn stale after another connection (the CLI) changed the plan', async () => {
    const first = await firstMap();
    const before = first.map;
    const code = layerCodes(first.layer).find((_, i) => before.zoneIds[i] !== 'Z14')!;
    const db = new Database(file);
    db.prepare("UPDATE assignments SET zone_id = 'Z14' WHERE area_code = ?").run(code);
    db.close();
    const after = await firstMap();
    expect(after.topologyReads).toBe(1);
    forgetKeptMap();
    expect(after.map).toEqual((await firstMap()).map);
    expect(after.map.zoneOutlines).not.toEqual(before.zoneOutlines);
  });

  it('is not written to a project opened read-only, which still opens and draws', async () => {
    forgetKeptMap();
    const services = await open();
    const db = services.session.db();
    // As a file the user may not write: SQLite refuses every write on this connection.
    db.pragma('query_only = ON');
    expect(() => services.coverage.mapData()).not.toThrow();
    services.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM plan_map_cache').pluck().get()).toBe(0);
    check.close();
  });
});

describe('closing a project with no plan yet', () => {
  it('closes it, keeping nothing, with the topology read', async () => {
    const empty = path.join(tempDir(), 'empty.carecover');
    const services = createServices({ host: 'web', userData: tempDir() });
    services.session.create(empty, 'empty');
    services.coverage.prepareEditing();
    const warn = vi.spyOn(console, 'warn');
    expect(() => services.close()).not.toThrow();
    expect(services.session.file).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('a first map before the metrics', () => {
  it("is read as kept: it needs neither the plan's assignments nor the layer's codes to say which zone each area is in", async () => {
    const worked = await firstMap();
    const reads = { assignments: assignmentReads(), codes: codeReads() };
    const kept = await firstMap();
    expect({ assignments: assignmentReads(), codes: codeReads() }).toEqual(reads);
    expect(kept.map).toEqual(worked.map);
    // The zones as kept are each area's in the layer's order, as the assignments say.
    const db = new Database(file, { readonly: true });
    const assigned = new Map(db.prepare('SELECT area_code, zone_id FROM assignments WHERE plan_id = ?').raw().all(kept.map.plan.id) as [string, string][]);
    db.close();
    expect(kept.map.zoneIds).toEqual(layerCodes(kept.layer).map((code) => assigned.get(code) ?? null));
    expect(kept.map.zoneIds.filter((z) => z === null).length).toBeLessThan(kept.map.zoneIds.length);
  });

  it('reads no inputs; an edit before the metrics are read leaves the map, inputs and metrics as a fresh read of the file', async () => {
    await firstMap();
    const services = await open();
    const before = inputReads();
    const map = pageMap(services);
    expect(inputReads()).toBe(before);
    const code = map.areas.codes.find((_, i) => map.areas.zoneIds[i] !== 'Z14')!;
    services.editor.assignAreas(undefined, 'Z14', [code]);
    expect(services.coverage.inputs().assignments.get(code)).toBe('Z14');
    const after = { map: services.coverage.mapData(), metrics: services.coverage.metrics().metrics };
    services.close();
    const fresh = await open();
    expect(after.map.zoneIds).toEqual(fresh.coverage.mapData().zoneIds);
    expect(after.metrics).toEqual(fresh.coverage.metrics().metrics);
    fresh.close();
  });
});

describe('reading ahead for edits', () => {
  it('reads the topology and codes the first map did not, so the first edit does not wait for them', async () => {
    await firstMap();
    const services = await open();
    const map = pageMap(services);
    services.coverage.prepareEditing();
    const reads = topologyReads();
    const codes = codeReads();
    expect(reads).toBeGreaterThan(0);
    const code = map.areas.codes.find((_, i) => map.areas.zoneIds[i] !== 'Z14')!;
    services.editor.assignAreas(undefined, 'Z14', [code]);
    expect(topologyReads()).toBe(reads);
    expect(codeReads()).toBe(codes); // nor the codes, which the first map no longer read
    services.close();
  });
});

describe('the kept area layer', () => {
  it('keeps the overview the first map is drawn from beside the layer, emptied with it, and sends it for the file it is in now', async () => {
    const services = await open();
    const overview = services.coverage.areaOverview();
    const full = services.coverage.areaLayer();
    services.close();
    // The sample county's layer is too small to thin (shared/geo/layer-overview.ts): it is its own overview.
    expect(Buffer.from(overview).equals(Buffer.from(full))).toBe(true);
    expect(unpackLayerBundle(overview).overview).toBeUndefined();
    const kept = () => {
      const db = new Database(file, { readonly: true });
      const row = db.prepare('SELECT length(map_layer) AS layer, length(map_overview) AS overview FROM area_cache').get() as { layer: number | null; overview: number | null };
      db.close();
      return row;
    };
    expect(kept()).toEqual({ layer: full.length, overview: overview.length });
    // A copy of the file sends it under the copy's revision, as the layer.
    const copy = path.join(tempDir(), 'copy.carecover');
    fs.copyFileSync(file, copy);
    const other = createServices({ host: 'web', userData: tempDir() });
    await other.session.open(copy);
    const state = other.coverage.mapData();
    expect(unpackLayerBundle(other.coverage.areaOverview()).revision).toBe(state.layerRevision);
    other.close();
    // Renaming an area empties both.
    const db = new Database(file);
    db.prepare("UPDATE areas SET name = 'Renamed' WHERE rowid = 1").run();
    db.close();
    expect(kept()).toEqual({ layer: null, overview: null });
  });

  it('is sent for the file it is in now: a copy of the project names its own revision, with the same rings', async () => {
    const kept = await firstMap();
    const copy = path.join(tempDir(), 'copy.carecover');
    fs.copyFileSync(file, copy);
    const services = createServices({ host: 'web', userData: tempDir() });
    await services.session.open(copy);
    const layer = unpackLayerBundle(services.coverage.areaLayer());
    const map = services.coverage.mapData();
    services.close();
    expect(map.layerRevision).not.toBe(kept.map.layerRevision);
    expect(layer.revision).toBe(map.layerRevision);
    const original = unpackLayerBundle(kept.layer);
    for (const name of ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'positions'] as const) expect(layer[name]).toEqual(original[name]);
  });
});

describe("the first screen's metrics kept with the project", () => {
  /** What is kept of the metrics, emptied by another connection, as a project from before migration 17 has none. */
  function forgetKeptMetrics(): void {
    const db = new Database(file);
    db.exec('DELETE FROM metrics_cache');
    db.close();
  }
  function otherConnection(sql: string): void {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  }
  /** The current plan's metrics as a session opening the file gives them, and whether it read the plan's inputs for them. */
  async function firstMetrics(lot?: 'all' | 'chc'): Promise<{ metrics: ReturnType<Services['coverage']['metrics']>['metrics']; inputReads: number }> {
    const services = await open();
    const before = inputReads();
    services.coverage.prepareMetrics(undefined, lot);
    const { metrics } = services.coverage.metrics(undefined, lot);
    const reads = inputReads() - before;
    services.close();
    return { metrics, inputReads: reads };
  }
  /** The metrics worked out afresh from the file, nothing kept. */
  async function workedOut(): Promise<ReturnType<Services['coverage']['metrics']>['metrics']> {
    forgetKeptMetrics();
    const fresh = await firstMetrics();
    expect(fresh.inputReads).toBe(1);
    return fresh.metrics;
  }

  it("are worked out from the plan's inputs once, then read as kept: the same metrics, without the inputs", async () => {
    const worked = await workedOut();
    const kept = await firstMetrics();
    expect(kept.inputReads).toBe(0);
    expect(kept.metrics).toEqual(worked);
    expect(kept.metrics.zones.length).toBeGreaterThan(0);
    // Per lot: another lot's are its own, worked out once too.
    const chc = await firstMetrics('chc');
    expect(chc.inputReads).toBe(1);
    expect(chc.metrics).not.toEqual(worked);
    expect(await firstMetrics('chc')).toEqual({ metrics: chc.metrics, inputReads: 0 });
  });

  it('after an edit, are kept again as the edited plan when the project closes, the same as worked out afresh', async () => {
    const before = (await firstMetrics()).metrics;
    const editing = await open();
    const map = pageMap(editing);
    const code = map.areas.codes.find((_, i) => map.areas.zoneIds[i] !== 'Z14')!;
    editing.editor.assignAreas(undefined, 'Z14', [code]);
    editing.close();
    const reopened = await firstMetrics();
    expect(reopened.inputReads).toBe(0);
    expect(reopened.metrics).not.toEqual(before);
    expect(reopened.metrics).toEqual(await workedOut());
  });

  it("of another lot, read as kept, are not given once a paint in the session has moved an area", async () => {
    await firstMetrics('chc');
    const services = await open();
    const kept = services.coverage.metrics(undefined, 'chc').metrics;
    const map = pageMap(services);
    // A rural area whose CHC demand moves with it, into a zone far from it.
    const chcDemand = new Map(services.coverage.inputs().demand.filter((d) => d.service === 'chc' && d.hours > 0).map((d) => [d.areaCode, d.hours]));
    const code = map.areas.codes.find((c, i) => map.areas.zoneIds[i] !== 'Z14' && chcDemand.has(c))!;
    services.editor.assignAreas(undefined, 'Z14', [code]);
    const after = services.coverage.metrics(undefined, 'chc').metrics;
    services.close();
    expect(after).not.toEqual(kept);
    const fresh = await open();
    expect(after).toEqual(fresh.coverage.metrics(undefined, 'chc').metrics);
    fresh.close();
  });

  it('follow a change made in the session at once, not as kept', async () => {
    await firstMetrics();
    const services = await open();
    const kept = services.coverage.metrics().metrics;
    services.coverage.updateSettings({ settings: { ...services.coverage.settings().settings, redBelow: 0.99, amberBelow: 1.2 } });
    const changed = services.coverage.metrics().metrics;
    services.close();
    expect(changed.zones.map((z) => z.coverageClass)).not.toEqual(kept.zones.map((z) => z.coverageClass));
    expect(changed).toEqual(await workedOut());
  });

  it.each([
    ['supply delivered', "UPDATE supply SET delivered_hours = committed_hours"],
    ['demand', 'UPDATE demand SET hours = hours * 2'],
    ['a provider gone', "DELETE FROM providers WHERE id = (SELECT min(id) FROM providers)"],
    ['the "as at" date', "INSERT OR REPLACE INTO project_meta VALUES ('as_at', '2030-01-01')"],
    ['a rate band', 'UPDATE rate_bands SET hourly_rate = hourly_rate + 3, ceiling = NULL'],
    ['a zone in the plan', "UPDATE zones SET band_override = (SELECT max(id) FROM rate_bands)"],
  ])('are never read stale after another connection (the CLI) changed %s', async (_what, sql) => {
    const before = await firstMetrics();
    expect((await firstMetrics()).inputReads).toBe(0);
    otherConnection(sql);
    const after = await firstMetrics();
    expect(after.inputReads).toBe(1);
    expect(after.metrics).not.toEqual(before.metrics);
    expect(after.metrics).toEqual(await workedOut());
  });

  it('are not kept for another day when the project names no "as at" date (today is the default)', async () => {
    otherConnection("DELETE FROM project_meta WHERE key IN ('as_at', 'data_as_of')");
    await firstMetrics();
    const today = new Date().toISOString().slice(0, 10);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT as_at FROM metrics_cache').pluck().all()).toEqual([today]);
    db.close();
  });

  it('are not written to a project opened read-only, which still answers them', async () => {
    forgetKeptMetrics();
    const services = await open();
    services.session.db().pragma('query_only = ON');
    expect(services.coverage.metrics().metrics.zones.length).toBeGreaterThan(0);
    services.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM metrics_cache').pluck().get()).toBe(0);
    check.close();
  });
});
