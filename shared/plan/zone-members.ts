const NONE: ReadonlySet<string> = new Set();

/**
 * Which areas each zone of a plan holds, kept up to date as areas move, so
 * that work on the few zones an edit touched (their outlines, their pieces)
 * costs what those zones hold rather than a pass over every area of the map.
 */
export class ZoneMembers {
  private readonly byZone = new Map<string, Set<string>>();

  constructor(assignments: Iterable<readonly [string, string]>) {
    for (const [code, zoneId] of assignments) this.add(code, zoneId);
  }

  of(zoneId: string): ReadonlySet<string> {
    return this.byZone.get(zoneId) ?? NONE;
  }

  /** `from`: the zone the area was in (undefined when it had none); `to`: null when it leaves every zone. */
  move(code: string, from: string | undefined, to: string | null): void {
    if (from !== undefined) this.byZone.get(from)?.delete(code);
    if (to !== null) this.add(code, to);
  }

  private add(code: string, zoneId: string): void {
    const set = this.byZone.get(zoneId);
    if (set) set.add(code);
    else this.byZone.set(zoneId, new Set([code]));
  }
}
