/**
 * Statistical disclosure control for published counts of people. Primary
 * suppression hides every row whose count of people is above 0 and below the
 * threshold (shown "<N"), and with it every figure of that row that is worked
 * from the same people (hours, coverage, cost). Secondary suppression: where a
 * group of rows is published with its total, one hidden row among visible ones
 * could be worked back as the total less the rest, so one more row of that
 * group is hidden (the one with fewest people above zero, so as little as
 * possible is lost). Repeated until no group has exactly one hidden row.
 */
export type Suppression = 'primary' | 'secondary';

export function suppressionPlan(
  people: readonly number[],
  threshold: number | null,
  /** Groups of row indices whose total is published (a zone's areas; all zones of a plan). */
  groups: readonly (readonly number[])[],
): Map<number, Suppression> {
  const hidden = new Map<number, Suppression>();
  if (threshold === null) return hidden;
  people.forEach((p, i) => {
    if (p > 0 && p < threshold) hidden.set(i, 'primary');
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const inGroup = group.filter((i) => hidden.has(i));
      if (inGroup.length !== 1 || group.length < 2) continue;
      const candidates = group.filter((i) => !hidden.has(i));
      // Fewest people above zero first; a row of zero people protects nothing unless nothing else is left.
      candidates.sort((a, b) => Number(people[a]! <= 0) - Number(people[b]! <= 0) || people[a]! - people[b]! || a - b);
      const next = candidates[0];
      if (next === undefined) continue;
      hidden.set(next, 'secondary');
      changed = true;
    }
  }
  return hidden;
}

/** How a hidden cell is published: "<N" where the row's own count is small, "*" where it is hidden to protect another. */
export function hiddenText(kind: Suppression, threshold: number): string {
  return kind === 'primary' ? `<${threshold}` : '*';
}
