import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { MapData } from '../../../shared/api/contract';
import { floatsOf } from './layer-data';
import { OutlineCanvasLayer, type OutlineStyle } from './outline-canvas';

const DISTRICT: OutlineStyle = { colour: '#5b6670', width: 1.4, opacity: 0.9, dash: [5, 4] };
const ZONE: OutlineStyle = { colour: '#1d2327', width: 1.8, opacity: 0.95 };

/** Each outline decoded once: an edit's map data keeps the untouched zones' entries, so only the touched ones are new. */
const decoded = new WeakMap<{ lines: string }, Float32Array>();
function floatsOfEntry(entry: { lines: string }): Float32Array {
  let floats = decoded.get(entry);
  if (!floats) decoded.set(entry, (floats = floatsOf(entry.lines)));
  return floats;
}

/** District boundaries (dashed) under zone outlines, on one canvas kept for the map's life and given new lines after an edit. */
export function OutlineLayer({ mapData }: { mapData: MapData }) {
  const map = useMap();
  const layer = useRef<OutlineCanvasLayer | null>(null);
  const sets = [
    { style: DISTRICT, lines: mapData.districtOutlines.map(floatsOfEntry) },
    { style: ZONE, lines: mapData.zoneOutlines.map(floatsOfEntry) },
  ];
  useEffect(() => {
    const created = new OutlineCanvasLayer(sets).addTo(map);
    layer.current = created;
    return () => {
      created.remove();
      layer.current = null;
    };
  }, [map]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    layer.current?.setLines(sets);
  }, [mapData.districtOutlines, mapData.zoneOutlines]);
  return null;
}
