import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { computeContingency, type Contingency } from '../../shared/coverage/contingency';
import { PlanModel, type PlanMetrics } from '../../shared/coverage/metrics';
import { simulateWithdrawal, type AreaReach, type WithdrawalResult } from '../../shared/coverage/withdrawal';
import type { LotFilter } from '../../shared/coverage/supply';
import { areaCentres } from '../../shared/geo/area-centres';
import { RateBandSchema, SettingsSchema } from '../../shared/domain/schemas';
import type { Lot, PlanInputs, Provider, RateBand, Settings } from '../../shared/domain/types';
import { buildZoneGeography, type ZoneGeography } from '../../shared/geo/zone-geography';
import {
  readAreaGeometries,
  readAreaNeighbours,
  readAsAt,
  readBands,
  readDistricts,
  readLots,
  readAreas,
  readPlaces,
  readAssignments,
  readPlanInputs,
  readProviders,
  readSettings,
  writeBands,
  writeLots,
  writeSettings,
  type Place,
} from '../store/model-data';
import type { MapState, PlanDelta } from '../../shared/api/contract';
import { checkPlan, recheckZones, type PlanChecks } from '../../shared/plan/checks';
import { ZoneMembers } from '../../shared/plan/zone-members';
import { mapStateAfter } from '../../shared/api/plan-delta';
import type { EdgeTopology, PackedTopology } from '../../shared/geo/borders';
import { areaRevision, base64, loadDistrictOutlines, loadTopology, readTopologyCodes } from '../store/area-cache';
import { bundleFor, layerBundleBounds, packLayerBundle, unpackLayerBundle } from '../../shared/geo/layer-bundle';
import { layerOverview } from '../../shared/geo/layer-overview';
import { hasPlanMap, readPlanMap, readStoredLayer, readStoredOverview, storeLayer, storeOverview, storePlanMap, type KeptPlanMap } from '../store/map-cache';
import { saveIfPossible } from '../store/db';
import { hasKeptMetrics, readKeptMetrics, storeKeptMetrics, type MetricsKey } from '../store/metrics-cache';
import { APP_VERSION } from '../../shared/version';
import type { Bounds } from '../../shared/geo/bounds';
import type { AreaGeometry, Position } from '../../shared/geo/types';
import { readMeta, writeMeta } from '../store/project-meta';
import { recordEdit } from '../store/edits';
import { currentPlanId, listPlans, resolvePlan, type PlanRow } from '../store/plans';
import type { ProjectSession } from './project-session';
import { neighbourLists } from '../../shared/geo/area-neighbours';

/** Five decimals of a degree is about a metre: finer than a screen shows, and half the bytes to send. */
/** [[south, west], [north, east]], or null for a project with no areas. */
function leafletBounds(b: Bounds): MapState['bounds'] {
  return Number.isFinite(b.minX) ? [[b.minY, b.minX], [b.maxY, b.maxX]] : null;
}

/** What is kept of one plan between requests: its inputs, and what is derived from them on first use. */
interface PlanCache {
  /** Read on first use: a first map drawn as kept with the project needs none of them. */
  inputs?: PlanInputs;
  geography?: ZoneGeography;
  map?: MapState;
  /** The metrics model of each lot asked for, kept so a move rebuilds only the zones it touched. */
  models: Map<LotFilter, PlanModel>;
  /** Metrics of a lot as kept with the project (electron/store/metrics-cache.ts), while it has no model here. */
  keptMetrics?: Map<LotFilter, PlanMetrics>;
  /** For the settings' minimum demand. */
  checks?: PlanChecks;
  /** Each zone's areas, so an edit's outlines and checks read only the zones it touched. */
  members?: ZoneMembers;
}

/** What is kept of a plan once its inputs are read. */
type ReadPlan = PlanCache & { inputs: PlanInputs };

/** Each zone's whole outline (both sides of a shared border draw it), packed: so a zone's lines depend on its own areas. */
function packedOutlines(
  topology: EdgeTopology,
  zoneOf: (code: string) => string | undefined,
  only?: { zones: ReadonlySet<string>; membersOf: (zoneId: string) => Iterable<string> },
): { zoneId: string; lines: string }[] {
  const lines = topology.packedOutlines(zoneOf, { whole: true, only: only?.zones, membersOf: only?.membersOf });
  const zones = only ? [...only.zones] : [...lines.keys()];
  return zones.map((zoneId) => ({ zoneId, lines: base64(lines.get(zoneId) ?? new Float32Array(0)) }));
}

export interface PlanSummary extends PlanRow {
  isCurrent: boolean;
}

/**
 * The coverage questions asked of the open project. Inputs and geography are
 * read once per plan and project revision; every answer is computed by the pure
 * model in shared/coverage.
 */
export class CoverageService {
  private cache = new Map<string, PlanCache>();
  private cacheRevision = '';
  /** Parsed geometry and topology of the open project's areas, kept while the areas are unchanged. */
  private areas: {
    file: string | null;
    revision: number;
    geometries?: Map<string, AreaGeometry>;
    topology?: { topology: EdgeTopology; packed: PackedTopology };
    /** The map's area layer as bytes (rings, the areas' names and districts, district outlines): plan-independent, so not redone after each zone edit. */
    layer?: Uint8Array;
    /** Its overview for the first map (shared/geo/layer-overview.ts): the layer itself when that would not be much smaller. */
    overview?: Uint8Array;
    codes?: string[];
    bounds?: Bounds;
    reach?: AreaReach;
    neighbours?: [string, string][];
    neighbourLists?: Map<string, string[]>;
  } | null = null;

  constructor(
    private readonly session: ProjectSession,
    private readonly options: { keepsForNextOpen: boolean } = { keepsForNextOpen: true },
  ) {}

  /** Keeps something worked out for a first screen with the project, when this session keeps such things and can write. */
  private keep(change: () => void): void {
    if (this.options.keepsForNextOpen) saveIfPossible(this.session.db(), change);
  }

  /** The file, when it was made, and its areas' revision: another project, or this one after an import, never shares it. */
  private layerRevision(): string {
    const identity = JSON.stringify([this.session.file, readMeta(this.session.db()).created_at ?? '', this.areaState().revision]);
    return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  }

  private areaState() {
    const revision = areaRevision(this.session.db());
    if (!this.areas || this.areas.file !== this.session.file || this.areas.revision !== revision) this.areas = { file: this.session.file, revision };
    return this.areas;
  }

  /** Area geometry is the largest thing read; it is parsed only when needed, once per change of the areas. */
  private areaGeometries(): Map<string, AreaGeometry> {
    const state = this.areaState();
    return (state.geometries ??= readAreaGeometries(this.session.db()));
  }

  /** Stored with the project, so opening even an England-sized project does not match borders again. */
  private topology(): EdgeTopology {
    return this.packedTopology().topology;
  }

  private packedTopology(): { topology: EdgeTopology; packed: PackedTopology } {
    const state = this.areaState();
    return (state.topology ??= loadTopology(this.session.db()));
  }

  private entry(planName?: string): { plan: PlanRow; inputs: PlanInputs; cached: ReadPlan; geography(): ZoneGeography } {
    const { plan, cached: hit } = this.planEntry(planName);
    const inputs = (hit.inputs ??= readPlanInputs(this.session.db(), plan.id));
    return {
      plan,
      inputs,
      cached: hit as ReadPlan, // its inputs just read
      geography: () =>
        (hit.geography ??= buildZoneGeography({
          areaGeometries: this.areaGeometries(),
          areaNeighbours: this.areaNeighbours(),
          assignments: inputs.assignments,
          providers: inputs.providers,
        })),
    };
  }

  /** A plan and what is kept of it, its inputs not read. */
  private planEntry(planName?: string): { plan: PlanRow; cached: PlanCache } {
    const db = this.session.db();
    if (this.cacheRevision !== this.session.revision) {
      this.cache.clear();
      this.cacheRevision = this.session.revision;
    }
    const plan = resolvePlan(db, planName);
    let cached = this.cache.get(String(plan.id));
    if (!cached) this.cache.set(String(plan.id), (cached = { models: new Map() }));
    return { plan, cached };
  }

  /**
   * What the map draws for a plan over its area layer: each area's zone, zone
   * outlines, places. What does not change between edits (the layer's bounds,
   * the plan's map as last opened) is read from the project
   * (electron/store/map-cache.ts), so a first map needs neither the plan's
   * assignments nor the topology unless the plan changed since it was last drawn.
   */
  mapData(planName?: string): MapState {
    const db = this.session.db();
    const { plan, cached } = this.planEntry(planName);
    if (cached.map) return cached.map;
    const state = this.areaState();
    // When nothing is kept (a first open, or the plan changed by another program), the plan is read: the metrics need it next.
    const { zoneIds, zoneOutlines } = readPlanMap(db, plan.id, state.revision) ?? this.keptPlanMap(plan.id, this.entry(planName).inputs.assignments);
    cached.map = {
      plan: { id: plan.id, name: plan.name },
      layerRevision: this.layerRevision(),
      zoneIds,
      zoneOutlines,
      places: readPlaces(db),
      // From the overview, which the first map has read already, not the full layer (England's is 12 MB): its
      // bounds are the layer's to within one of its cells, a 1,024th of the layer's longer side.
      bounds: leafletBounds((state.bounds ??= layerBundleBounds(this.areaOverview()))),
    };
    return cached.map;
  }

  /** The areas' codes in the layer's order (the stored topology's): from the topology when it is read, else from its header alone. */
  private layerCodes(): string[] {
    const state = this.areaState();
    return (state.codes ??= state.topology?.packed.codes ?? readTopologyCodes(this.session.db()) ?? this.packedTopology().packed.codes);
  }

  /** A plan's map drawn from its assignments and the topology, and kept with the project for its next open. */
  private keptPlanMap(planId: number, assignments: ReadonlyMap<string, string>): KeptPlanMap {
    const map: KeptPlanMap = {
      zoneIds: this.layerCodes().map((c) => assignments.get(c) ?? null),
      zoneOutlines: packedOutlines(this.topology(), (code) => assignments.get(code)),
    };
    const { revision } = this.areaState();
    const db = this.session.db();
    this.keep(() => storePlanMap(db, planId, revision, map));
    return map;
  }

  /** Before the project closes: what edits in this session dropped of the first screen's, kept again for the next open. */
  keepForNextOpen(): void {
    if (!this.options.keepsForNextOpen || this.session.db().readonly) return;
    this.keepMapForNextOpen();
    this.keepMetricsForNextOpen();
  }

  /**
   * The current plan's map, when edits in this
   * session changed it (so what was kept was dropped), kept again for the
   * next open. Nothing is worked out when the topology was never read: then
   * no edit was made here, and the next open draws and keeps it itself.
   */
  private keepMapForNextOpen(): void {
    const db = this.session.db();
    if (!this.areas?.topology) return;
    const planId = currentPlanId(db);
    if (planId === null || hasPlanMap(db, planId, this.areaState().revision)) return;
    this.keptPlanMap(planId, readAssignments(db, planId));
  }

  /**
   * The current plan's metrics, as the first
   * screen asks for them, when they are not kept but its inputs are read here
   * (edits in this session dropped what was kept); else the next open works
   * them out and keeps them itself.
   */
  private keepMetricsForNextOpen(): void {
    const db = this.session.db();
    const planId = currentPlanId(db);
    if (planId === null || this.cacheRevision !== this.session.revision) return;
    const cached = this.cache.get(String(planId));
    if (!cached?.inputs || hasKeptMetrics(db, this.metricsKey(planId, 'all'))) return;
    this.keepMetrics(planId, 'all', this.model(cached as ReadPlan, 'all').metrics(), cached.inputs.asAt);
  }

  private metricsKey(planId: number, lot: LotFilter, asAt = readAsAt(this.session.db())): MetricsKey {
    return { planId, lot, asAt, appVersion: APP_VERSION };
  }

  /**
   * Keeps metrics worked out from the inputs read at the session's current
   * revision (for their "as at" date); not when another connection has
   * committed since (checked inside the write, when no other can commit), so
   * nothing stale is kept.
   */
  private keepMetrics(planId: number, lot: LotFilter, metrics: PlanMetrics, asAt: string): void {
    const revision = this.cacheRevision;
    const db = this.session.db();
    this.keep(() => {
      if (this.session.revision === revision) storeKeptMetrics(db, this.metricsKey(planId, lot, asAt), metrics);
    });
  }

  /**
   * A plan's metrics for `lot` as kept with the project, when this session
   * has not worked them out since the project last changed; read once.
   */
  private keptMetrics(planId: number, cached: PlanCache, lot: LotFilter): PlanMetrics | null {
    if (cached.models.has(lot)) return null;
    const known = cached.keptMetrics?.get(lot);
    if (known) return known;
    const kept = readKeptMetrics(this.session.db(), this.metricsKey(planId, lot));
    if (kept) (cached.keptMetrics ??= new Map()).set(lot, kept);
    return kept;
  }

  /** What the first screen's metrics need, read ahead: what is kept of them, else the plan's inputs. */
  prepareMetrics(planName?: string, lot: LotFilter = 'all'): void {
    const { plan, cached } = this.planEntry(planName);
    if (!this.keptMetrics(plan.id, cached, lot)) this.entry(planName);
  }

  /**
   * The areas for the map, as bytes (shared/geo/layer-bundle.ts): their rings,
   * codes, names and districts, and the district outlines. Packed once per
   * revision of the areas and kept with the project.
   */
  areaLayer(): Uint8Array {
    const state = this.areaState();
    if (state.layer) return state.layer;
    const revision = this.layerRevision();
    const db = this.session.db();
    const stored = readStoredLayer(db, state.revision);
    if (stored) return (state.layer = bundleFor(stored, revision));
    const { packed } = this.packedTopology();
    const { ringArea, ringOuter, ringStart, vertices } = packed;
    const areaByCode = new Map(readAreas(db).map((a) => [a.code, a]));
    const districtNames = new Map(readDistricts(db).map((d) => [d.code, d.name]));
    const outlines = loadDistrictOutlines(db, () => this.topology());
    const layer = packLayerBundle({
      revision,
      ringArea,
      ringOuter,
      ringStart,
      vertices,
      positions: Float32Array.from(packed.positions),
      areas: { codes: packed.codes, names: packed.codes.map((c) => areaByCode.get(c)?.name ?? c), districts: packed.codes.map((c) => areaByCode.get(c)?.district ?? '') },
      districtOutlines: [...outlines].map(([code, lines]) => ({ code, name: districtNames.get(code) ?? code, lines })),
    });
    this.keep(() => storeLayer(db, state.revision, layer));
    return (state.layer = layer);
  }

  /**
   * The area layer as the first map draws it, with the whole layer in view
   * (shared/geo/layer-overview.ts); the page asks for the full layer once
   * that map is on screen. Made from the full layer when first asked for, and
   * kept with it in the project.
   */
  areaOverview(): Uint8Array {
    const state = this.areaState();
    if (state.overview) return state.overview;
    const revision = this.layerRevision();
    const db = this.session.db();
    const stored = readStoredOverview(db, state.revision);
    if (stored) return (state.overview = bundleFor(stored, revision));
    const full = this.areaLayer();
    const overview = layerOverview(unpackLayerBundle(full));
    // A layer too small to thin is its own overview, and kept as one (a copy of a county's is small).
    const packed = overview ? packLayerBundle(overview) : full;
    this.keep(() => storeOverview(db, state.revision, packed));
    return (state.overview = packed);
  }

  /** What the first edit needs, read ahead (while the user looks at the first map): the topology and each area's neighbours. */
  prepareEditing(): void {
    // The plan's inputs, which a first screen drawn as kept did not read (none for a project with no plan yet).
    if (currentPlanId(this.session.db()) !== null) this.entry();
    this.topology();
    this.layerCodes(); // the first edit's map state is patched by code
    this.neighbourLists();
  }

  /** Zones dissolved from their areas, district outlines and places: what exports draw. */
  zoneShapes(planName?: string): { zones: Map<string, Position[][][]>; districtLines: Position[][]; places: Place[]; dataAsOf: string | null } {
    const db = this.session.db();
    const { inputs } = this.entry(planName);
    const topology = this.topology();
    const areaDistrict = new Map(inputs.areas.map((a) => [a.code, a.district]));
    return {
      zones: topology.dissolve((code) => inputs.assignments.get(code)),
      districtLines: [...topology.outlines((code) => areaDistrict.get(code)).values()].flat(),
      places: readPlaces(db),
      dataAsOf: readMeta(db).data_as_of ?? null,
    };
  }

  /** The model's inputs for a plan (cached per revision). */
  inputs(planName?: string): PlanInputs {
    return this.entry(planName).inputs;
  }

  plans(): PlanSummary[] {
    const db = this.session.db();
    const current = currentPlanId(db);
    return listPlans(db).map((p) => ({ ...p, isCurrent: p.id === current }));
  }

  /**
   * A plan's metrics: as kept with the project while this session has not
   * worked them out, else from the model. Worked out afresh (a first open, or
   * after a change), they are kept for the next open; after a paint here,
   * which patches the model in place, when the project closes.
   */
  metrics(planName?: string, lot: LotFilter = 'all'): { plan: PlanRow; metrics: PlanMetrics } {
    const entry = this.planEntry(planName);
    const kept = this.keptMetrics(entry.plan.id, entry.cached, lot);
    if (kept) return { plan: entry.plan, metrics: kept };
    const { plan, cached } = this.entry(planName);
    const workedOutNow = !cached.models.has(lot);
    const metrics = this.model(cached, lot).metrics();
    if (workedOutNow) this.keepMetrics(plan.id, lot, metrics, cached.inputs.asAt);
    return { plan, metrics };
  }

  private model(cached: ReadPlan, lot: LotFilter): PlanModel {
    let model = cached.models.get(lot);
    if (!model) cached.models.set(lot, (model = new PlanModel(cached.inputs, lot)));
    return model;
  }

  /**
   * What an edit that only moved areas between a plan's existing zones
   * changed (`touched`: the zones they left and joined). What is kept of that
   * plan is brought up to date in place rather than read again, when it was
   * current at `revisionBefore` (the session's revision before the edit's
   * write): the moved areas' zones, each lot's metrics model (which rebuilds
   * only the touched zones), the touched zones' outlines and the checks.
   * Otherwise, or when `revisionBefore` is null (the edit changed which zones
   * there are, which the kept models cannot follow), the plan is read afresh.
   * Either way the answer is the same.
   */
  moved(plan: { id: number; name: string }, moves: ReadonlyMap<string, string | null>, touched: ReadonlySet<string>, revisionBefore: string | null, lot: LotFilter): Omit<PlanDelta, 'history'> {
    const kept = revisionBefore !== null && this.cacheRevision === revisionBefore ? this.cache.get(String(plan.id)) : undefined;
    if (kept) {
      this.cacheRevision = this.session.revision;
      // A plan whose inputs were not read yet (its first map was drawn as kept) has nothing else to patch: they are read below, edit included.
      const assignments = kept.inputs?.assignments;
      if (assignments) {
        for (const [code, zoneId] of moves) {
          kept.members?.move(code, assignments.get(code), zoneId);
          if (zoneId === null) assignments.delete(code);
          else assignments.set(code, zoneId);
          for (const model of kept.models.values()) model.move(code, zoneId);
        }
      }
      kept.geography = undefined;
      kept.keptMetrics = undefined; // metrics read as kept are of the plan before this move
    }
    const { inputs, cached } = this.entry(plan.name);
    const members = (cached.members ??= new ZoneMembers(inputs.assignments));
    const membersOf = (zoneId: string) => members.of(zoneId);
    const zoneOutlines = packedOutlines(this.topology(), (code) => inputs.assignments.get(code), { zones: touched, membersOf });
    if (kept && cached.map) cached.map = mapStateAfter(cached.map, this.layerCodes(), { plan, assignments: [...moves], zoneOutlines });
    if (kept && cached.checks) {
      const minimum = inputs.settings.minZoneDemandHours;
      cached.checks = recheckZones(cached.checks, inputs, this.model(cached, 'all').metrics(), this.neighbourLists(), minimum, touched, { membersOf, moves });
    }
    const metrics = this.model(cached, lot).metrics();
    return {
      plan: { id: plan.id, name: plan.name },
      lot,
      assignments: [...moves],
      zoneOutlines,
      zones: metrics.zones.filter((z) => touched.has(z.zoneId)),
      totals: metrics.totals,
      checks: cached.checks ?? this.checks(plan.name),
    };
  }

  /**
   * What an edit that changed some zones in place (a name, a colour, a band, a
   * contract) but moved no area changed: those zones' figures, the totals and
   * the checks, read afresh; outlines and the map are as they were.
   */
  zonesChanged(plan: { id: number; name: string }, zoneIds: readonly string[] | 'every', lot: LotFilter): Omit<PlanDelta, 'history'> {
    const metrics = this.metrics(plan.name, lot).metrics;
    const touched = new Set(zoneIds === 'every' ? metrics.zones.map((z) => z.zoneId) : zoneIds);
    return {
      plan: { id: plan.id, name: plan.name },
      lot,
      assignments: [],
      zoneOutlines: [],
      zones: metrics.zones.filter((z) => touched.has(z.zoneId)),
      totals: metrics.totals,
      checks: this.checks(plan.name),
    };
  }

  /** What the planner should fix before the plan goes to committee; kept with the plan for the settings' minimum demand. */
  checks(planName?: string, minimumDemandHours?: number): PlanChecks {
    const { inputs, cached } = this.entry(planName);
    const standard = minimumDemandHours === undefined || minimumDemandHours === inputs.settings.minZoneDemandHours;
    if (standard && cached.checks) return cached.checks;
    const checks = checkPlan(inputs, this.metrics(planName).metrics, this.areaNeighbours(), minimumDemandHours ?? inputs.settings.minZoneDemandHours);
    if (standard) cached.checks = checks;
    return checks;
  }

  /** Each area's neighbours, read once per change of the areas. */
  areaNeighbours(): [string, string][] {
    const state = this.areaState();
    return (state.neighbours ??= readAreaNeighbours(this.session.db()));
  }

  private neighbourLists(): Map<string, string[]> {
    const state = this.areaState();
    return (state.neighbourLists ??= neighbourLists(this.areaNeighbours()));
  }

  /** A point for each area (kept with the session until the areas change). */
  areaCentres(): ReadonlyMap<string, readonly [number, number]> {
    return this.areaReach().centres;
  }

  /** Each area's neighbours and a point for it: where handed-back care can be re-homed. Plan-independent. */
  private areaReach(): AreaReach {
    const state = this.areaState();
    if (!state.reach) {
      state.reach = { neighbours: this.neighbourLists(), centres: areaCentres(this.areaGeometries()) };
    }
    return state.reach;
  }

  providers(): Provider[] {
    return readProviders(this.session.db());
  }

  contingency(zoneId: string, planName?: string, lot: LotFilter = 'all'): Contingency {
    const { inputs, geography } = this.entry(planName);
    if (!inputs.zones.some((z) => z.id === zoneId)) throw new ApiError('not-found', `There is no zone "${zoneId}" in this plan.`);
    return computeContingency(zoneId, this.metrics(planName, lot).metrics, inputs.providers, geography(), inputs.settings);
  }

  /** A withdrawal, for a lot; by default "all", or live-in for a provider that offers only live-in care. */
  withdrawal(providerId: string, cutPercent: number | undefined, planName?: string, lot?: LotFilter): WithdrawalResult {
    const { inputs } = this.entry(planName);
    const provider = inputs.providers.find((p) => p.id === providerId);
    if (!provider) throw new ApiError('not-found', `There is no provider "${providerId}".`);
    const chosen = lot ?? (provider.services.length > 0 && provider.services.every((s) => s === 'live-in') ? 'live-in' : 'all');
    return simulateWithdrawal(inputs, this.areaReach(), { providerId, cutPercent, lot: chosen });
  }

  settings(): { settings: Settings; bands: RateBand[]; lots: Lot[]; asAt: string } {
    const db = this.session.db();
    return { settings: readSettings(db), bands: readBands(db), lots: readLots(db), asAt: readAsAt(db) };
  }

  /** Merges, validates as a whole, then stores; a rejected change stores nothing. */
  updateSettings(change: { settings?: Partial<Settings>; bands?: RateBand[]; lots?: Lot[]; asAt?: string }): ReturnType<CoverageService['settings']> {
    const current = this.settings();
    const merged = SettingsSchema.safeParse({ ...current.settings, ...change.settings });
    if (!merged.success) {
      const details = merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new ApiError('invalid-input', `Settings not saved: ${details.join('; ')}`, details);
    }
    if (change.bands) {
      // The API's contract checks bands on the way in; the CLI calls here directly, so check again.
      const parsed = z.array(RateBandSchema).safeParse(change.bands);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `bands.${i.path.join('.')}: ${i.message}`);
        throw new ApiError('invalid-input', `Settings not saved: ${details.map((d) => d.replace(/^bands\.(\d+)\./, (_, n: string) => `${change.bands![Number(n)]?.name ?? n} band, `)).join('; ')}`, details);
      }
      const known = new Set(current.bands.map((b) => b.id));
      const unknown = change.bands.filter((b) => !known.has(b.id)).map((b) => b.id);
      if (unknown.length) throw new ApiError('invalid-input', `Settings not saved: unknown rate band ${unknown.join(', ')}.`);
    }
    const lots = change.lots?.map((lot) => {
      // The funder fixes the share for council and NHS lots; only joint lots carry their own.
      const councilShare = lot.funder === 'council' ? 1 : lot.funder === 'nhs' ? 0 : lot.councilShare;
      return { ...lot, councilShare };
    });
    // Settings changes are undoable like zone edits.
    this.session.write((db) =>
      recordEdit(db, null, 'Change settings', ['settings', 'rate_bands', 'lots', 'project_meta'], () => {
        writeSettings(db, merged.data);
        if (change.bands) writeBands(db, change.bands);
        if (lots) writeLots(db, lots);
        if (change.asAt) writeMeta(db, { as_at: change.asAt });
      }),
    );
    return this.settings();
  }
}
