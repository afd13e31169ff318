import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { MapData } from '../../../shared/api/contract';
import { zoneOutlineFloats } from './layer-data';
import { OutlineCanvasLayer } from './outline-canvas';
import type { OutlineStyle } from './outline-drawing';

const DISTRICT: OutlineStyle = { colour: '#5b6670', width: 1.4, opacity: 0.9, dash: [5, 4] };
const ZONE: OutlineStyle = { colour: '#1d2327', width: 1.8, opacity: 0.95 };

/** District boundaries (dashed) under zone outlines, on one canvas kept for the map's life and given new lines after an edit. */
export function OutlineLayer({ mapData }: { mapData: MapData }) {
  const map = useMap();
  const layer = useRef<OutlineCanvasLayer | null>(null);
  const { districtOutlines, zoneOutlines } = mapData;
  const sets = useMemo(
    () => [
      { style: DISTRICT, lines: districtOutlines.map((d) => d.lines) }, // bytes from the area layer, as they came
      { style: ZONE, lines: zoneOutlines.map(zoneOutlineFloats) },
    ],
    [districtOutlines, zoneOutlines],
  );
  // The canvas is made once per map (below) with the outlines of that moment; later ones are handed to it.
  const latestSets = useRef(sets);
  latestSets.current = sets;
  useEffect(() => {
    const created = new OutlineCanvasLayer(latestSets.current).addTo(map);
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
  }, [sets]);
  return null;
}
