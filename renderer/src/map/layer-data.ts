import type { MapData } from '../../../shared/api/contract';
import { AreaIndex, buildAreaLayer, layerGeometry, type AreaLayer, type LayerGeometry } from '../../../shared/geo/area-layer';
import { toMercator } from './canvas-overlay';

type WithFromBase64 = typeof Uint8Array & { fromBase64?(text: string): Uint8Array };

function bytes(base64: string): ArrayBuffer {
  // Chromium 140+ (Electron 38+) decodes natively, several times faster than atob and a loop.
  const native = (Uint8Array as WithFromBase64).fromBase64;
  if (native) return native.call(Uint8Array, base64).buffer as ArrayBuffer;
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out.buffer;
}

/** Packed outlines (base64 Float32, NaN pairs between lines) as numbers. */
export function floatsOf(base64: string): Float32Array {
  return new Float32Array(bytes(base64));
}

/** Worked out per layer as soon as its bytes are in (prepareLayer), not per map data. */
const prepared = new WeakMap<MapData['layer'], LayerGeometry>();
const projected = new WeakMap<Float32Array, Float64Array>();

/** The layer's vertices in Web Mercator, projected once per layer. */
export function mercatorOf(positions: Float32Array): Float64Array {
  let mercator = projected.get(positions);
  if (!mercator) projected.set(positions, (mercator = toMercator(positions)));
  return mercator;
}

/**
 * What the map needs of a layer that does not depend on the plan (each area's
 * rings and box, the vertices projected), worked out when the layer arrives:
 * on first load that is while the plan's state is still being made, so the
 * first map does not do it after both are in.
 */
export function prepareLayer(layer: MapData['layer']): void {
  if (!prepared.has(layer)) prepared.set(layer, layerGeometry(layer));
  mercatorOf(layer.positions);
}

/** Indexed per layer (the static part, kept by reference across edits), not per map data. */
const decoded = new WeakMap<MapData['layer'], { layer: AreaLayer; index: AreaIndex }>();
/** Each map data's view of its layer: the decoded arrays with that map data's zones. */
const views = new WeakMap<MapData, { layer: AreaLayer; index: AreaIndex }>();

/**
 * The areas of some map data, decoded once and shared by every view that
 * draws or picks them. An edit's map data shares the layer of the map data
 * before it, so only the zone of each area is new; nothing is decoded again.
 */
export function layerOf(mapData: MapData): { layer: AreaLayer; index: AreaIndex } {
  const view = views.get(mapData);
  if (view) return view;
  let hit = decoded.get(mapData.layer);
  if (!hit) {
    const layer = buildAreaLayer(mapData.areas, mapData.layer, prepared.get(mapData.layer));
    hit = { layer, index: new AreaIndex(layer) };
    decoded.set(mapData.layer, hit);
  }
  const made = hit.layer.zoneIds === mapData.areas.zoneIds ? hit : { layer: { ...hit.layer, zoneIds: mapData.areas.zoneIds }, index: hit.index };
  views.set(mapData, made);
  return made;
}
