import type { MapData } from '../../../shared/api/contract';
import { api } from '../api';

/** The area layer last received, by revision: sent by the services once per revision of the areas, not with every read. */
let held: { revision: string; layer: MapData['layer'] } | null = null;

/**
 * A plan's map data, the area layer included. The services are told which
 * layer this page holds and leave it out when it is still the project's, so
 * reloading after an edit (or opening another plan beside this one) carries
 * only the plan's state; the decoded layer, kept by the layer object, stays
 * decoded too.
 */
export async function fetchMapData(plan?: string): Promise<MapData> {
  const answer = await api.getMapData({ plan, knownLayer: held?.revision });
  if (answer.layer) {
    held = { revision: answer.layerRevision, layer: answer.layer };
    return { ...answer, layer: answer.layer };
  }
  if (held?.revision === answer.layerRevision) return { ...answer, layer: held.layer };
  // Another request changed what is held meanwhile: ask for the whole.
  const whole = await api.getMapData({ plan });
  held = { revision: whole.layerRevision, layer: whole.layer! };
  return { ...whole, layer: whole.layer! };
}
