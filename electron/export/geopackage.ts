import type { GeoFeature, GeoFeatureCollection } from '../../shared/export/geojson';
import { boundsOf, multiPolygon } from '../../shared/geo/bounds';
import type { Position } from '../../shared/geo/types';
import { createGeoPackage } from '../store/geopackage';

/** Little-endian WKB of a MultiPolygon. */
function wkbMultiPolygon(polygons: Position[][][]): Buffer {
  let size = 9;
  for (const rings of polygons) {
    size += 9;
    for (const ring of rings) size += 4 + ring.length * 16;
  }
  const buffer = Buffer.alloc(size);
  let at = 0;
  const header = (type: number, count: number) => {
    buffer.writeUInt8(1, at);
    buffer.writeUInt32LE(type, at + 1);
    buffer.writeUInt32LE(count, at + 5);
    at += 9;
  };
  header(6, polygons.length);
  for (const rings of polygons) {
    header(3, rings.length);
    for (const ring of rings) {
      buffer.writeUInt32LE(ring.length, at);
      at += 4;
      for (const p of ring) {
        buffer.writeDoubleLE(p[0]!, at);
        buffer.writeDoubleLE(p[1]!, at + 8);
        at += 16;
      }
    }
  }
  return buffer;
}

/** GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), srs id, envelope, then WKB. */
export function gpkgGeometry(polygons: Position[][][], srsId = 4326): Buffer {
  const { minX, minY, maxX, maxY } = boundsOf([multiPolygon(polygons)]);
  const header = Buffer.alloc(8 + 32);
  header.write('GP', 0, 'latin1');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3);
  header.writeInt32LE(srsId, 4);
  header.writeDoubleLE(minX, 8);
  header.writeDoubleLE(maxX, 16);
  header.writeDoubleLE(minY, 24);
  header.writeDoubleLE(maxY, 32);
  return Buffer.concat([header, wkbMultiPolygon(polygons)]);
}

const polygonsOfFeature = (f: GeoFeature) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

/**
 * Writes a feature collection as a one-layer GeoPackage (MULTIPOLYGON, EPSG:4326)
 * that GDAL and QGIS open: the spec's core tables, GeoPackage binary geometry,
 * the GPKG application id. Properties become columns (REAL or TEXT).
 */
export function writeGeoPackage(file: string, layer: string, collection: GeoFeatureCollection, description: string): void {
  const keys = [...new Set(collection.features.flatMap((f) => Object.keys(f.properties)))];
  const numeric = new Set(keys.filter((k) => collection.features.every((f) => f.properties[k] === null || typeof f.properties[k] === 'number')));
  createGeoPackage(file, {
    layer,
    description,
    columns: keys.map((name) => ({ name, type: numeric.has(name) ? 'REAL' : 'TEXT' })),
    bounds: boundsOf(collection.features.map((f) => multiPolygon(polygonsOfFeature(f)))),
    rows: collection.features.map((f) => [
      gpkgGeometry(polygonsOfFeature(f)),
      ...keys.map((k) => {
        const v = f.properties[k];
        return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
      }),
    ] as const),
  });
}
