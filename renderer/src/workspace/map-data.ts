import type { MapData } from '../../../shared/api/contract';
import { mapDataOf } from '../../../shared/api/plan-delta';
import { unpackLayerBundle, type LayerBundle } from '../../../shared/geo/layer-bundle';
import { api } from '../api';
import { prepareLayer, prepareMapData } from '../map/layer-data';

/**
 * The area layer last received: sent as bytes once per revision of the areas,
 * kept across edits and plans. First its overview (shared/geo/layer-overview.ts),
 * which the first map is drawn from, then the full layer (fullLayerFor).
 */
let held: LayerBundle | null = null;

async function areaOverview(): Promise<LayerBundle> {
  held = unpackLayerBundle(await api.getAreaLayer({ overview: true }));
  await prepareLayer(held); // while the plan's state may still be on its way
  return held;
}

/**
 * A plan's map: its state from getMapData, with the area layer this page
 * holds when it is still the project's (its revision says so), else the
 * layer's overview fetched anew. On first load both are asked for at once.
 */
export async function fetchMapData(plan?: string): Promise<MapData> {
  const [state, fresh] = await Promise.all([api.getMapData({ plan }), held ? null : areaOverview()]);
  let layer = fresh ?? held!;
  // An import between the two answers, or since the layer was fetched: fetch the layer of this state.
  if (layer.revision !== state.layerRevision) layer = await areaOverview();
  if (layer.revision !== state.layerRevision) return fetchMapData(plan);
  const map = mapDataOf(state, layer);
  prepareMapData(map); // while the metrics may still be on their way
  return map;
}

/** A task's turn for the page between the steps of preparing a full layer, so drawing and input go on meanwhile. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The full layer in place of an overview: fetched once the first map is on
 * screen, decoded and projected a step at a time, and held from then on.
 * Null when `overview` is not one, or the areas have changed since (their
 * next map brings its own overview).
 */
export async function fullLayerFor(overview: LayerBundle): Promise<LayerBundle | null> {
  if (!overview.overview) return null;
  const full = unpackLayerBundle(await api.getAreaLayer({}));
  if (full.revision !== overview.revision) return null;
  await nextTask();
  await prepareLayer(full, { between: nextTask });
  if (held === overview) held = full;
  return full;
}
