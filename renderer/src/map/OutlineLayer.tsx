import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { MapData } from '../../../shared/api/contract';
import { floatsOf } from './layer-data';
import { OutlineCanvasLayer } from './outline-canvas';

/** District boundaries (dashed) under zone outlines, on a canvas of their own. */
export function OutlineLayer({ mapData }: { mapData: MapData }) {
  const map = useMap();
  useEffect(() => {
    const layer = new OutlineCanvasLayer([
      { style: { colour: '#5b6670', width: 1.4, opacity: 0.9, dash: [5, 4] }, lines: mapData.districtOutlines.map((d) => floatsOf(d.lines)) },
      { style: { colour: '#1d2327', width: 1.8, opacity: 0.95 }, lines: mapData.zoneOutlines.map((z) => floatsOf(z.lines)) },
    ]).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, mapData]);
  return null;
}
