/**
 * Reads the well-known binary geometries a GeoPackage stores (after its own
 * small header) as GeoJSON-shaped objects. Polygons and multipolygons come back
 * whole; other types come back with their name and no coordinates so that the
 * geometry check can say "is a line, not a polygon".
 */
const TYPE_NAMES = ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

export function readGeoPackageGeometry(blob: Uint8Array | null): { type: string; coordinates: unknown } | null {
  if (!blob || blob.length < 8) return null;
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('the geometry is not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3]!;
  if (flags & 0x10) return null; // empty geometry
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error('the geometry header names an unknown envelope');
  return readWkb(new DataView(blob.buffer, blob.byteOffset + 8 + envelope, blob.length - 8 - envelope));
}

export function readWkb(view: DataView): { type: string; coordinates: unknown } {
  let offset = 0;
  const geometry = (): { type: string; coordinates: unknown } => {
    const little = view.getUint8(offset) === 1;
    offset += 1;
    const raw = view.getUint32(offset, little);
    offset += 4;
    // ISO (1000s for Z, 2000s for M, 3000s for ZM) and EWKB (high bits) both mark extra ordinates.
    const iso = Math.floor((raw & 0xffff) / 1000);
    const base = (raw & 0xffff) % 1000;
    const dims = 2 + (raw & 0x80000000 || iso === 1 || iso === 3 ? 1 : 0) + (raw & 0x40000000 || iso === 2 || iso === 3 ? 1 : 0);
    const count = () => {
      const n = view.getUint32(offset, little);
      offset += 4;
      return n;
    };
    const point = () => {
      const p = [view.getFloat64(offset, little), view.getFloat64(offset + 8, little)];
      offset += 8 * dims;
      return p;
    };
    const ring = () => Array.from({ length: count() }, point);
    const polygon = () => Array.from({ length: count() }, ring);
    const type = TYPE_NAMES[base] ?? `geometry type ${base}`;
    if (base === 3) return { type, coordinates: polygon() };
    if (base === 6) {
      const parts = count();
      const coordinates = [];
      for (let i = 0; i < parts; i++) {
        const part = geometry();
        if (part.type !== 'Polygon') throw new Error(`a multipolygon holds a ${part.type}`);
        coordinates.push(part.coordinates);
      }
      return { type, coordinates };
    }
    return { type, coordinates: null };
  };
  return geometry();
}
