import type { MapData } from '../../../shared/api/contract';
import { codeIndexOf } from '../../../shared/api/plan-delta';
import { AreaIndex, buildAreaLayer, type AreaLayer } from '../../../shared/geo/area-layer';
import { mercatorOf, projectedLine } from './projection';

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

/** Each zone outline decoded once: an edit's map data keeps the untouched zones' entries, so only the touched ones are new. */
const decodedOutlines = new WeakMap<{ lines: string }, Float32Array>();
export function zoneOutlineFloats(entry: { lines: string }): Float32Array {
  let floats = decodedOutlines.get(entry);
  if (!floats) decodedOutlines.set(entry, (floats = floatsOf(entry.lines)));
  return floats;
}

/** What the map holds of a layer: its decoded arrays, and the index for finding the area under the pointer, made when first asked for. */
interface Decoded {
  layer: AreaLayer;
  readonly index: AreaIndex;
}

/** Decoded per layer (the static part, kept by reference across edits and plans). */
const decoded = new WeakMap<MapData['layer'], Decoded>();
/** Each map data's view of its layer: the decoded arrays with that map data's zones. */
const views = new WeakMap<MapData, Decoded>();

function decodedLayer(bundle: MapData['layer']): Decoded {
  let hit = decoded.get(bundle);
  if (!hit) {
    const layer = buildAreaLayer({ ...bundle.areas, zoneIds: [] }, bundle);
    // The index waits for the pointer: the first map does not need it (England's costs about 30 ms).
    let index: AreaIndex | undefined;
    hit = {
      layer,
      get index() {
        return (index ??= new AreaIndex(layer));
      },
    };
    decoded.set(bundle, hit);
  }
  return hit;
}

/**
 * What the map needs of a layer that does not depend on the plan (each area's
 * rings and box, the vertices and district outlines projected, each code's
 * place for applying edits), worked out when the layer arrives: on first load
 * that is while the plan's state is still being made, so the first map does
 * not do it after both are in. A layer that replaces an overview on screen
 * (`replacing`) is prepared a step at a time, `between` each, so the page is
 * not held for all of it at once, and its index is made too, as the pointer
 * may be over the map already.
 */
export async function prepareLayer(bundle: MapData['layer'], replacing?: { between: () => Promise<void> }): Promise<void> {
  const steps = [
    () => decodedLayer(bundle),
    () => mercatorOf(bundle.positions),
    () => bundle.districtOutlines.forEach((d) => projectedLine(d.lines)),
    () => codeIndexOf(bundle.areas.codes), // for the first edit's delta (mapAfter)
    ...(replacing ? [() => decodedLayer(bundle).index] : []),
  ];
  for (const step of steps) {
    step();
    await replacing?.between();
  }
}

/**
 * What the map needs of a plan's state, worked out as it arrives: on first
 * load, while the metrics are still being made. Its zone outlines decoded and
 * projected; each area's zone beside the decoded layer.
 */
export function prepareMapData(mapData: MapData): void {
  layerOf(mapData);
  for (const o of mapData.zoneOutlines) projectedLine(zoneOutlineFloats(o));
}

/**
 * The areas of some map data, decoded once and shared by every view that
 * draws or picks them. An edit's map data shares the layer of the map data
 * before it, so only the zone of each area is new; nothing is decoded again.
 */
export function layerOf(mapData: MapData): Decoded {
  const view = views.get(mapData);
  if (view) return view;
  const hit = decodedLayer(mapData.layer);
  const made = {
    layer: { ...hit.layer, zoneIds: mapData.areas.zoneIds },
    get index() {
      return hit.index;
    },
  };
  views.set(mapData, made);
  return made;
}
