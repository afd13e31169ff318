import proj4 from 'proj4';
import type { Position } from '../../shared/geo/types';

/**
 * Coordinate systems CareCover reprojects from. British National Grid uses
 * the Ordnance Survey's published 7-parameter Helmert transformation to WGS84
 * (good to a few metres; the same one GDAL/PROJ use when the OSTN15 grid is
 * not installed).
 */
const DEFINITIONS: Record<string, string> = {
  'EPSG:27700':
    '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  'EPSG:4258': '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  'EPSG:32630': '+proj=utm +zone=30 +datum=WGS84 +units=m +no_defs',
  'EPSG:32631': '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs',
  'EPSG:25830': '+proj=utm +zone=30 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:29903': '+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 +y_0=250000 +ellps=mod_airy +towgs84=482.5,-130.6,564.6,-1.042,-0.214,-0.631,8.15 +units=m +no_defs',
};
for (const [code, definition] of Object.entries(DEFINITIONS)) proj4.defs(code, definition);

export const WGS84 = 'EPSG:4326';
export const BNG = 'EPSG:27700';

/** "EPSG:27700", "urn:ogc:def:crs:EPSG::27700", "CRS84" … as "EPSG:n"; null when it is not an EPSG name. */
export function normaliseCrsName(name: string): string | null {
  if (/CRS84$/i.test(name.trim())) return WGS84;
  const match = /EPSG:{1,2}(?:[\d.]*:)?(\d+)\s*$/i.exec(name.trim()) ?? /^(\d+)$/.exec(name.trim());
  return match ? `EPSG:${match[1]}` : null;
}

/**
 * A coordinate system the file defines itself (a .prj's WKT, a GeoPackage's
 * own definition) that names no EPSG code CareCover knows: proj4 reads the
 * WKT, and it is registered under a name of its own ("WKT: Robinson") so the
 * import can use and show it. Null when proj4 cannot read it.
 */
export function crsFromDefinition(wkt: string): string | null {
  const text = wkt.trim();
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\[/i.test(text)) return null;
  try {
    proj4(text, WGS84).forward([0, 0]);
  } catch {
    return null;
  }
  // Its name, unless GDAL called it "unknown": then the projection it uses.
  const own = /^\w+\[\s*"([^"]*)"/.exec(text)?.[1]?.trim();
  const name = (own && !/^unknown$/i.test(own) ? own : /PROJECTION\[\s*"([^"]*)"/i.exec(text)?.[1]?.replace(/_/g, ' ')) || "the file's own definition";
  const code = `WKT: ${name}`;
  proj4.defs(code, text);
  return code;
}

export function isKnownCrs(code: string): boolean {
  return code === WGS84 || Boolean(proj4.defs(code));
}

/** The EPSG code a shapefile's .prj (ESRI WKT) names, for the systems councils use; else null. */
export function crsFromWkt(wkt: string): string | null {
  const authority = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(wkt.trim());
  if (authority) return `EPSG:${authority[1]}`;
  if (/British_National_Grid|OSGB[_ ]?1936|OSGB36/i.test(wkt) && /PROJCS/i.test(wkt)) return BNG;
  if (/^GEOGCS\[/i.test(wkt.trim()) && /WGS[_ ]?(19)?84/i.test(wkt)) return WGS84;
  if (/^GEOGCS\[/i.test(wkt.trim()) && /ETRS[_ ]?(19)?89/i.test(wkt)) return 'EPSG:4258';
  if (/WGS_1984_Web_Mercator|Pseudo[_ ]Mercator/i.test(wkt)) return 'EPSG:3857';
  const utm = /WGS_1984_UTM_Zone_(\d+)N/i.exec(wkt);
  if (utm) return `EPSG:${32600 + Number(utm[1])}`;
  return null;
}

/** A function taking positions in `code` to WGS84 longitude/latitude (z dropped). */
export function toWgs84(code: string): (p: Position) => Position {
  if (code === WGS84) return (p) => [p[0]!, p[1]!];
  const converter = proj4(code, WGS84);
  return (p) => converter.forward([p[0]!, p[1]!]);
}

/** Rewrites every position of a parsed GeoJSON geometry in place; leaves anything odd for the checker to report. */
export function reprojectCoordinates(coordinates: unknown, convert: (p: Position) => Position): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (coordinates.length >= 2 && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    return Number.isFinite(coordinates[0]) && Number.isFinite(coordinates[1]) ? convert(coordinates as Position) : coordinates;
  }
  for (let i = 0; i < coordinates.length; i++) coordinates[i] = reprojectCoordinates(coordinates[i], convert);
  return coordinates;
}
