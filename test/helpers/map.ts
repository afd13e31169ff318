import type { MapData } from '../../shared/api/contract';
import { mapDataOf } from '../../shared/api/plan-delta';
import { unpackLayerBundle } from '../../shared/geo/layer-bundle';
import type { Services } from '../../electron/services';

/** A plan's map as the page puts it together: the services' map state over their area layer (each area's code beside its zone). */
export function pageMap(services: Services, plan?: string): MapData {
  return mapDataOf(services.coverage.mapData(plan), unpackLayerBundle(services.coverage.areaLayer()));
}

/** The areas' codes in a packed layer's order, which a map state's zoneIds follow. */
export const layerCodes = (layer: Uint8Array): string[] => unpackLayerBundle(layer).areas.codes;
