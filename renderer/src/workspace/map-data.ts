import type { MapData } from '../../../shared/api/contract';
import { mapDataOf } from '../../../shared/api/plan-delta';
import { unpackLayerBundle, type LayerBundle } from '../../../shared/geo/layer-bundle';
import { api } from '../api';
import { prepareLayer, prepareMapData } from '../map/layer-data';

/** The area layer last received: sent as bytes once per revision of the areas, kept across edits and plans. */
let held: LayerBundle | null = null;

async function areaLayer(): Promise<LayerBundle> {
  held = unpackLayerBundle(await api.getAreaLayer({}));
  prepareLayer(held); // while the plan's state may still be on its way
  return held;
}

/**
 * A plan's map: its state from getMapData, with the area layer this page
 * holds when it is still the project's (its revision says so), else the layer
 * fetched anew. On first load both are asked for at once.
 */
export async function fetchMapData(plan?: string): Promise<MapData> {
  const [state, fresh] = await Promise.all([api.getMapData({ plan }), held ? null : areaLayer()]);
  let layer = fresh ?? held!;
  // An import between the two answers, or since the layer was fetched: fetch the layer of this state.
  if (layer.revision !== state.layerRevision) layer = await areaLayer();
  if (layer.revision !== state.layerRevision) return fetchMapData(plan);
  const map = mapDataOf(state, layer);
  prepareMapData(map); // while the metrics may still be on their way
  return map;
}
