// The parts of mbostock's shapefile reader CareCover uses (the package ships no types).
declare module 'shapefile' {
  interface Source<T> {
    read(): Promise<{ done: boolean; value: T }>;
    cancel(): Promise<void>;
    bbox?: number[];
  }
  interface Feature {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown } | null;
  }
  export function open(shp: ArrayBuffer | Uint8Array | string, dbf?: ArrayBuffer | Uint8Array | string, options?: { encoding?: string }): Promise<Source<Feature>>;
}
