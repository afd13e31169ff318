import { EdgeTopologyBuilder } from '../../shared/geo/borders';
import type { Area } from '../../shared/domain/types';
import type { ProjectDb } from '../store/db';
import { storeTopology } from '../store/area-cache';
import { areaNeighbourInsert } from '../store/model-data';
import { areaUpsert, clearAreaNeighbours, insertDistricts, readOtherAreaGeometries } from '../store/imported-rows';
import type { AreaRecord } from './boundary-check';
import type { Progress } from './progress';

/** An area's row as an import writes it: what the file says, else what the project already had. */
function areaRow(r: AreaRecord, before: Area | undefined): Area {
  return {
    code: r.id,
    name: r.name,
    district: r.fields.district ?? before?.district ?? '',
    population: r.fields.population ?? before?.population ?? 0,
    ruc: r.fields.ruc ?? before?.ruc ?? '',
  };
}

/**
 * Writes checked areas as they come (inside the import's transaction) and
 * matches their borders at the same time, storing each pair of neighbours
 * as it is found, so no feature is kept once it has been written. `finish`
 * adds the project's other areas (and their neighbours) and stores borders
 * and districts. Run inside writingAreasInBulk (electron/store/area-cache.ts).
 */
export class AreaWriter {
  private readonly upsert: (area: Area, geometry: Float64Array) => void;
  private readonly borders: EdgeTopologyBuilder;
  private readonly codes = new Set<string>();
  private readonly districts = new Set<string>();

  /** `expectedPositions`: about how many positions the file holds (each border's are in two areas, so half as many vertices). */
  constructor(
    private readonly target: ProjectDb,
    private readonly existing: ReadonlyMap<string, Area>,
    expectedPositions = 0,
  ) {
    this.upsert = areaUpsert(target);
    // Neighbours are stored as their borders are matched, each pair when first found (after both areas' rows).
    clearAreaNeighbours(target);
    this.borders = new EdgeTopologyBuilder(undefined, Math.max(1 << 15, Math.ceil(expectedPositions / 2)), areaNeighbourInsert(target));
  }

  add(r: AreaRecord): void {
    const row = areaRow(r, this.existing.get(r.id));
    this.upsert(row, r.geometry);
    this.borders.addPacked(r.id, r.geometry);
    this.codes.add(r.id);
    if (row.district) this.districts.add(row.district);
  }

  finish(progress: Progress): void {
    insertDistricts(this.target, this.districts);
    // Borders are found over every area: a new area may border old ones.
    progress.report('Finding shared borders', null);
    for (const [code, geometry] of readOtherAreaGeometries(this.target, this.codes)) this.borders.add(code, geometry);
    const topology = this.borders.build();
    // Kept with the project: the map draws from it without matching borders again.
    storeTopology(this.target, topology);
  }
}
