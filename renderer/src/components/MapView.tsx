import { MapContainer, ScaleControl } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';

/** Leicestershire, used until a project's own extent is known. */
const DEFAULT_BOUNDS: LatLngBoundsExpression = [
  [52.39, -1.6],
  [52.98, -0.66],
];

/**
 * The map. There is deliberately no tile layer: CareCover works offline and
 * draws everything it shows from the project's own data.
 */
export function MapView() {
  return (
    <section className="map-panel" aria-label="Coverage map">
      <MapContainer className="map" bounds={DEFAULT_BOUNDS} preferCanvas attributionControl={false} zoomSnap={0.25} keyboard>
        <ScaleControl position="bottomleft" imperial={false} />
      </MapContainer>
    </section>
  );
}
