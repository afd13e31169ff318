import { useEffect, useRef, useState } from 'react';
import { Polygon, Polyline, Rectangle, useMap } from 'react-leaflet';
import L, { type LatLng } from 'leaflet';

export type DrawKind = 'rectangle' | 'lasso' | 'line';

interface Props {
  kind: DrawKind;
  /** Called once the press-and-drag ends, with the shape drawn in [lon, lat]. */
  onShape(kind: DrawKind, coordinates: [number, number][]): void;
}

/**
 * Press and drag on the map to draw: a rectangle, a freehand lasso, or a
 * line to split a zone along. The map does not pan while a tool is active.
 */
export function DrawTool({ kind, onShape }: Props) {
  const map = useMap();
  const [points, setPoints] = useState<LatLng[]>([]);
  const drawing = useRef<LatLng[] | null>(null);
  const done = useRef(onShape);
  done.current = onShape;

  useEffect(() => {
    map.dragging.disable();
    const container = map.getContainer();
    container.classList.add('map--drawing');
    // Plain DOM pointer events, captured on the container: Leaflet's own mouse events
    // pass through its canvas hit-testing, which could drop the first press.
    const at = (e: PointerEvent) => map.mouseEventToLatLng(e);
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || (e.target as HTMLElement).closest('.leaflet-control, .legend, .map-button')) return;
      e.stopPropagation();
      drawing.current = [at(e)];
      setPoints(drawing.current);
    };
    const move = (e: PointerEvent) => {
      if (!drawing.current) return;
      const p = at(e);
      drawing.current = kind === 'rectangle' ? [drawing.current[0]!, p] : [...drawing.current, p];
      setPoints(drawing.current);
    };
    const up = () => {
      const drawn = drawing.current;
      drawing.current = null;
      setPoints([]);
      if (!drawn || drawn.length < 2) return;
      let coordinates: [number, number][] = drawn.map((p) => [p.lng, p.lat]);
      if (kind === 'rectangle') {
        const [a, b] = drawn as [LatLng, LatLng];
        coordinates = [[a.lng, a.lat], [b.lng, a.lat], [b.lng, b.lat], [a.lng, b.lat]];
      }
      done.current(kind, coordinates);
    };
    container.addEventListener('pointerdown', down, true);
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      container.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointermove', move, true);
      window.removeEventListener('pointerup', up, true);
      map.dragging.enable();
      container.classList.remove('map--drawing');
    };
  }, [map, kind]);

  if (points.length < 2) return null;
  const style = { color: '#111111', weight: 2, dashArray: '6 4', fillOpacity: 0.08, interactive: false };
  if (kind === 'rectangle') return <Rectangle bounds={L.latLngBounds(points[0]!, points[1]!)} pathOptions={style} />;
  if (kind === 'lasso') return <Polygon positions={points} pathOptions={style} />;
  return <Polyline positions={points} pathOptions={{ ...style, weight: 3 }} />;
}
