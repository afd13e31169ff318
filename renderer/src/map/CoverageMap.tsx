import { useEffect, useMemo } from 'react';
import { CircleMarker, MapContainer, Polyline, ScaleControl, Tooltip, useMap } from 'react-leaflet';
import L, { type FitBoundsOptions, type LatLngBoundsExpression, type Map as LeafletMap } from 'leaflet';
import type { MapData } from '../../../shared/api/contract';
import type { PlanMetrics } from '../../../shared/coverage/schemas';
import type { Provider, Settings } from '../../../shared/domain/types';
import { zoneStyle } from '../../../shared/style/coverage-style';
import { AreaLayer } from './AreaLayer';
import { DrawTool, type DrawKind } from './DrawTool';
import { toLatLngs, zoneLabelPoints } from './geometry';
import { floatsOf, layerOf } from './layer-data';
import { unpackLines } from '../../../shared/geo/packed-lines';
import { Legend } from './Legend';
import { OutlineLayer } from './OutlineLayer';
import { ProviderMarkers } from './ProviderMarkers';
import { ZoneLabels } from './ZoneLabels';

interface Props {
  mapData: MapData;
  metrics: PlanMetrics;
  providers: Provider[];
  settings: Settings;
  selectedZoneId: string | null;
  /** Zones whose state a withdrawal changed: outlined dashed. */
  changedZones: Set<string>;
  highlightedProviders: Map<string, number>;
  /** The provider whose withdrawal is shown, marked on the map. */
  withdrawnProviderId?: string | null;
  onSelect(zoneId: string): void;
  onPaint?(areaCodes: string[]): void;
  /** A drawing tool in use (Redraw tab): the map draws instead of panning or selecting. */
  drawing?: { kind: DrawKind; onShape(kind: DrawKind, coordinates: [number, number][]): void } | undefined;
  onRendered?(): void;
  /** What the areas' fill shows: coverage (the default) or each zone's own colour (Redraw). */
  colourBy?: 'coverage' | 'zone';
  /** Hands over the Leaflet map once it exists (Compare keeps two maps panned and zoomed together). */
  onMap?(map: LeafletMap): void;
  /** The region's name for assistive technology (default "Coverage map"). */
  label?: string;
  /** Start with the legend folded (small maps side by side). */
  legendFolded?: boolean;
}

/** Room on the right for the legend. */
const FIT_OPTIONS: FitBoundsOptions = { paddingTopLeft: [20, 20], paddingBottomRight: [150, 10] };

function FitButton({ bounds }: { bounds: LatLngBoundsExpression }) {
  const map = useMap();
  return (
    <button type="button" className="map-button map-button--fit" onClick={() => (map.fitBounds(bounds, FIT_OPTIONS), map.fire('carecover:fitted'))} title="Zoom to fit the whole area">
      Zoom to fit
    </button>
  );
}

/**
 * Keeps the map filling its panel when the window changes size: Leaflet is
 * told the new size, and the county is fitted again unless the user has
 * panned or zoomed since it was last fitted (Zoom to fit counts as a fit).
 */
function RefitOnResize({ bounds }: { bounds: LatLngBoundsExpression }) {
  const map = useMap();
  useEffect(() => {
    // The user has moved the map (dragged or zoomed) since it was last fitted: leave it where they put it.
    let userMoved = false;
    let fitting = false;
    const moved = () => {
      if (!fitting) userMoved = true;
    };
    const fitted = () => (userMoved = false);
    map.on('dragstart', moved);
    map.on('zoomstart', moved);
    map.on('carecover:fitted', fitted);
    // Only a real change of size counts (an observer reports the size it starts with too), and never a hidden, empty box.
    const container = map.getContainer();
    // The size Leaflet measured as the map was made: reading the container's here would lay out the page again.
    const made = map.getSize();
    let last = `${made.x}x${made.y}`;
    const observer = new ResizeObserver(() => {
      const size = `${container.clientWidth}x${container.clientHeight}`;
      if (size === last || container.clientWidth === 0 || container.clientHeight === 0) return;
      last = size;
      map.invalidateSize({ pan: false });
      if (userMoved) return;
      fitting = true;
      map.fitBounds(bounds, { ...FIT_OPTIONS, animate: false });
      fitting = false;
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      map.off('dragstart', moved);
      map.off('zoomstart', moved);
      map.off('carecover:fitted', fitted);
    };
  }, [map, bounds]);
  return null;
}

function MapHandle({ onMap }: { onMap?: (map: LeafletMap) => void }) {
  const map = useMap();
  useEffect(() => onMap?.(map), [map, onMap]);
  return null;
}

function Rendered({ onRendered }: { onRendered?: () => void }) {
  const map = useMap();
  useEffect(() => {
    // One frame after the layers are on the map, the canvas has been drawn.
    // For automation (end-to-end tests, accessibility tools): where a place is on screen.
    (map.getContainer() as HTMLElement & { carecoverPoint?: (lat: number, lng: number) => [number, number] }).carecoverPoint = (lat, lng) => {
      const p = map.latLngToContainerPoint([lat, lng]);
      return [p.x, p.y];
    };
    // The provider circles as drawn (on the canvas, so not in the page's elements): centre and radius in the map's pixels.
    (map.getContainer() as HTMLElement & { carecoverCircles?: () => [number, number, number][] }).carecoverCircles = () => {
      const circles: [number, number, number][] = [];
      map.eachLayer((layer) => {
        if (!(layer instanceof L.CircleMarker) || layer.options.bubblingMouseEvents !== false) return;
        const p = map.latLngToContainerPoint(layer.getLatLng());
        circles.push([p.x, p.y, layer.getRadius() + (layer.options.weight ?? 0) / 2]);
      });
      return circles;
    };
    const id = requestAnimationFrame(() => {
      map.getContainer().dataset.rendered = 'true';
      // For the benchmark: when, after navigation started, the first complete map was on screen.
      performance.mark('carecover:map-rendered');
      onRendered?.();
    });
    return () => cancelAnimationFrame(id);
  }, [map, onRendered]);
  return null;
}

/** The coverage map: drawn entirely from the project's data, with no tiles and no network. */
export function CoverageMap({ mapData, metrics, providers, settings, selectedZoneId, changedZones, highlightedProviders, withdrawnProviderId = null, onSelect, onPaint, drawing, onRendered, colourBy = 'coverage', onMap, label = 'Coverage map', legendFolded = false }: Props) {
  const bounds: LatLngBoundsExpression = mapData.bounds ?? [
    [52.39, -1.6],
    [52.98, -0.66],
  ];
  const labelPoints = useMemo(() => zoneLabelPoints(layerOf(mapData).layer), [mapData]);
  const zoneById = useMemo(() => new Map(metrics.zones.map((z) => [z.zoneId, z])), [metrics]);
  // Exposed for tests and assistive summaries: how each zone is drawn.
  const drawn = useMemo(() => Object.fromEntries(metrics.zones.map((z) => [z.zoneId, zoneStyle(z)])), [metrics]);

  // Leaflet's own vectors (provider circles, the selected zone's outline) are SVG, not canvas: they are few, and
  // a canvas renderer's first drawing allocates a buffer 1.2 × the map each way (≈ 15 ms of a first map, software-drawn).
  return (
    <section className={`map-panel${onPaint ? ' map-panel--painting' : ''}`} aria-label={label} data-colour-by={colourBy} data-zone-styles={JSON.stringify(drawn)} data-provider-count={providers.length}>
      <MapContainer className="map" bounds={bounds} boundsOptions={FIT_OPTIONS} attributionControl={false} zoomSnap={0.25} keyboard>
        <AreaLayer mapData={mapData} metrics={metrics} onSelect={drawing ? () => undefined : onSelect} onPaint={drawing ? undefined : onPaint} colourBy={colourBy} />
        {drawing && <DrawTool kind={drawing.kind} onShape={drawing.onShape} />}
        <OutlineLayer mapData={mapData} />
        {mapData.zoneOutlines
          .filter((z) => changedZones.has(z.zoneId))
          .map((z) => (
            <Polyline key={`c-${z.zoneId}`} positions={toLatLngs(unpackLines(floatsOf(z.lines)))} pathOptions={{ color: '#000000', weight: 4, dashArray: '8 5' }} interactive={false} />
          ))}
        {mapData.zoneOutlines
          .filter((z) => z.zoneId === selectedZoneId)
          .map((z) => (
            <Polyline key={`s-${z.zoneId}`} positions={toLatLngs(unpackLines(floatsOf(z.lines)))} pathOptions={{ color: '#ffbf47', weight: 5, opacity: 1 }} interactive={false} />
          ))}
        <ZoneLabels points={labelPoints} zones={zoneById} selectedZoneId={selectedZoneId} places={mapData.places} providers={providers} circlesShown={!drawing && !onPaint} highlighted={highlightedProviders} withdrawnId={withdrawnProviderId} />
        {/* While redrawing, branch markers would catch the strokes meant for the areas beneath them. */}
        {!drawing && !onPaint && <ProviderMarkers providers={providers} metrics={metrics} highlighted={highlightedProviders} withdrawnId={withdrawnProviderId} />}
        <ScaleControl position="bottomleft" imperial={false} />
        <FitButton bounds={bounds} />
        <RefitOnResize bounds={bounds} />
        <Rendered onRendered={onRendered} />
        <MapHandle onMap={onMap} />
      </MapContainer>
      <Legend settings={settings} colourBy={colourBy} numbered={highlightedProviders.size > 0} startOpen={!legendFolded} />
    </section>
  );
}
