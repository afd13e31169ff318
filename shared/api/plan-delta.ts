import type { MapData, MapState, PlanDelta } from './contract';
import type { LayerBundle } from '../geo/layer-bundle';
import type { PlanMetrics } from '../coverage/schemas';

const indexOfCodes = new WeakMap<readonly string[], Map<string, number>>();

/**
 * Each area's place in the layer's order, by its code: made once per list of
 * codes (a layer's), the first time an edit's delta is applied over it, or
 * before, by whoever expects one (the page, as the layer arrives: England's
 * 32,844 codes cost the first paint about 10 ms otherwise).
 */
export function codeIndexOf(codes: readonly string[]): Map<string, number> {
  let index = indexOfCodes.get(codes);
  if (!index) indexOfCodes.set(codes, (index = new Map(codes.map((code, i) => [code, i]))));
  return index;
}

/** The plan's state over the layer it was made for: the map data the page holds. Here, not in contract.ts, so the page imports no validator. */
export function mapDataOf(state: MapState, layer: LayerBundle): MapData {
  if (layer.revision !== state.layerRevision) throw new Error(`the area layer is of revision ${layer.revision}, the map of ${state.layerRevision}`);
  const { zoneIds, ...rest } = state;
  return overLayer(rest, zoneIds, layer);
}

/** Map data over another layer of the same areas (the full layer in place of its overview): the plan's state kept as it is. */
export function withLayer(map: MapData, layer: LayerBundle): MapData {
  return overLayer(map, map.areas.zoneIds, layer);
}

/** The plan's state with each area's zone, over `layer`: what is the layer's (the areas' names, the district outlines) taken from it. */
function overLayer(state: Omit<MapState, 'zoneIds'>, zoneIds: MapState['zoneIds'], layer: LayerBundle): MapData {
  return { ...state, areas: { ...layer.areas, zoneIds }, districtOutlines: layer.districtOutlines, layer };
}

type MapDelta = Pick<PlanDelta, 'plan' | 'assignments' | 'zoneOutlines' | 'removedZones'>;

/**
 * The map data after an edit's delta: the moved areas' zones and the touched
 * zones' outlines replaced. Everything else is kept by reference (the layer's
 * arrays, the codes, untouched outlines), so what was decoded from them stays
 * decoded. Map data of another plan is returned as it was. The service patches
 * the map state it keeps the same way (mapStateAfter), so both sides agree by
 * construction.
 */
export function mapAfter(map: MapData, delta: MapDelta): MapData {
  const after = applied(map, map.areas.codes, map.areas.zoneIds, delta);
  return after ? { ...map, areas: { ...map.areas, zoneIds: after.zoneIds }, zoneOutlines: after.zoneOutlines } : map;
}

/** The service's side of mapAfter: its map state (the zones alone), with the layer's area codes they follow. */
export function mapStateAfter(map: MapState, codes: readonly string[], delta: MapDelta): MapState {
  const after = applied(map, codes, map.zoneIds, delta);
  return after ? { ...map, ...after } : map;
}

/** Each area's zone and the zone outlines after the delta; null when it changes neither (another plan's, or a zone renamed). */
function applied(map: Pick<MapState, 'plan' | 'zoneOutlines'>, codes: readonly string[], zoneIdsBefore: readonly (string | null)[], delta: MapDelta): Pick<MapState, 'zoneIds' | 'zoneOutlines'> | null {
  if (map.plan.id !== delta.plan.id || (delta.assignments.length === 0 && delta.zoneOutlines.length === 0 && !delta.removedZones?.length)) return null;
  const index = codeIndexOf(codes);
  const zoneIds = [...zoneIdsBefore];
  for (const [code, zoneId] of delta.assignments) {
    const i = index.get(code);
    if (i !== undefined) zoneIds[i] = zoneId;
  }
  const fresh = new Map(delta.zoneOutlines.map((o) => [o.zoneId, o]));
  const removed = new Set(delta.removedZones);
  const zoneOutlines = map.zoneOutlines.filter((o) => !removed.has(o.zoneId)).map((o) => fresh.get(o.zoneId) ?? o);
  const known = new Set(map.zoneOutlines.map((o) => o.zoneId));
  for (const o of delta.zoneOutlines) if (!known.has(o.zoneId)) zoneOutlines.push(o);
  return { zoneIds, zoneOutlines };
}

/**
 * The plan's metrics after an edit's delta: the touched zones' figures and the
 * totals replaced, the zones' order kept; a new zone comes last and a zone the
 * edit did away with goes.
 */
export function metricsAfter(metrics: PlanMetrics, delta: PlanDelta): PlanMetrics {
  const fresh = new Map(delta.zones.map((z) => [z.zoneId, z]));
  const removed = new Set(delta.removedZones);
  const known = new Set(metrics.zones.map((z) => z.zoneId));
  const zones = metrics.zones.filter((z) => !removed.has(z.zoneId)).map((z) => fresh.get(z.zoneId) ?? z);
  for (const z of delta.zones) if (!known.has(z.zoneId)) zones.push(z);
  return { zones, totals: delta.totals };
}

/** Whether an edit's answer is a delta (rather than the history alone, after which the UI reads afresh). */
export function isPlanDelta(answer: unknown): answer is PlanDelta {
  return typeof answer === 'object' && answer !== null && 'totals' in answer && 'zoneOutlines' in answer && 'assignments' in answer && 'history' in answer;
}

/** An edit's delta: the answer itself, or carried beside what else it says (a new zone's id); null when it has none. */
export function deltaOf(answer: unknown): PlanDelta | null {
  if (isPlanDelta(answer)) return answer;
  const inner = typeof answer === 'object' && answer !== null ? (answer as { delta?: unknown }).delta : undefined;
  return isPlanDelta(inner) ? inner : null;
}
