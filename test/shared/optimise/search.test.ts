import { describe, expect, it } from 'vitest';
import { brokenZones } from '../../../shared/optimise/contiguity';
import { DEFAULT_WEIGHTS, evaluate, objectiveOf, scalesOf, zoneDemand } from '../../../shared/optimise/objective';
import { defaultBounds, propose } from '../../../shared/optimise/search';
import { connectedPartitions, gridInstance, permutations } from './grid';
import type { Instance } from '../../../shared/optimise/instance';

/** The proven optimum: every connected partition into k zones, under every labelling, within the bounds, locks kept. */
function enumeratedOptimum(instance: Instance, k: number): number {
  const bounds = defaultBounds(instance, k);
  const scales = scalesOf(instance);
  const lockedZones = [...instance.locked].flatMap((on, z) => (on ? [z] : []));
  const lockedAreas = new Set([...instance.start].flatMap((z, a) => (instance.locked[z] ? [a] : [])));
  const free = instance.areaCodes.map((_, a) => a).filter((a) => !lockedAreas.has(a));
  const freeZones = Array.from({ length: k }, (_, z) => z).filter((z) => !instance.locked[z]);
  let best = Infinity;
  const zoneOf = instance.start.slice();
  for (const blocks of connectedPartitions(instance, freeZones.length, free)) {
    // Only disruption depends on which block takes which zone's name: judge the rest once per partition.
    blocks.forEach((block, i) => block.forEach((a) => (zoneOf[a] = freeZones[i]!)));
    const demand = zoneDemand(instance, zoneOf, k);
    if (freeZones.some((z) => demand[z]! < bounds.minDemand - 1e-6 || demand[z]! > bounds.maxDemand + 1e-6)) continue;
    const terms = evaluate(instance, zoneOf, k);
    for (const order of permutations(freeZones.length)) {
      let peopleMoved = 0;
      blocks.forEach((block, i) => block.forEach((a) => instance.start[a] !== freeZones[order[i]!] && (peopleMoved += instance.population[a]!)));
      best = Math.min(best, objectiveOf({ ...terms, peopleMoved }, DEFAULT_WEIGHTS, scales));
    }
  }
  expect(lockedZones.every((z) => instance.start.includes(z))).toBe(true);
  return best;
}

describe('the partition enumerator the optimum is proven with', () => {
  it('finds every connected partition of a 3 × 3 grid into 3, as brute force over all labellings does', () => {
    const instance = gridInstance(3, 3, 3, 1);
    const listed = [...connectedPartitions(instance, 3)];
    const keys = new Set(listed.map((blocks) => blocks.map((b) => [...b].sort((x, y) => x - y).join(',')).sort().join('|')));
    expect(keys.size).toBe(listed.length);
    let labelled = 0;
    for (let n = 0; n < 3 ** 9; n++) {
      const zoneOf = Int32Array.from({ length: 9 }, (_, a) => Math.floor(n / 3 ** a) % 3);
      if (brokenZones(instance, zoneOf, 3).length === 0) labelled += 1;
    }
    expect(listed.length * 6).toBe(labelled);
    expect(listed.length).toBeGreaterThan(0);
  });
});

describe('proposing zones', () => {
  const cases: [rows: number, cols: number, zones: number, seed: number, locked: number[]][] = [
    [4, 4, 3, 11, []],
    [4, 4, 4, 12, []],
    [5, 5, 3, 13, []],
    [4, 4, 3, 14, []],
    [5, 5, 3, 15, [0]],
  ];
  for (const [rows, cols, zones, seed, locked] of cases) {
    it(`finds the proven optimum on a ${rows} × ${cols} grid into ${zones} zones (instance ${seed}${locked.length ? ', one zone locked' : ''})`, () => {
      const instance = gridInstance(rows, cols, zones, seed, locked);
      const optimum = enumeratedOptimum(instance, zones);
      const proposal = propose(instance, { seed: 1 });
      expect(proposal.after.objective).toBeLessThanOrEqual(proposal.before.objective + 1e-9);
      expect(proposal.after.objective).toBeCloseTo(optimum, 9);
      expect(proposal.withinBounds).toBe(true);
    });
  }

  it('finds the proven optimum on each of ten further 4 × 4 instances into 4 zones, not only on hand-picked ones', () => {
    for (let seed = 100; seed < 110; seed++) {
      const instance = gridInstance(4, 4, 4, seed);
      expect(propose(instance, { seed: 1 }).after.objective, `instance ${seed}`).toBeCloseTo(enumeratedOptimum(instance, 4), 9);
    }
  });

  it('never breaks a zone into pieces (checked after every accepted move, and on the result), and each merge-and-split changes the objective by what it predicted', () => {
    for (const seed of [21, 22, 23]) {
      const instance = gridInstance(6, 7, 5, seed);
      const proposal = propose(instance, { seed, debug: true, iterationsPerArea: 100 });
      expect(brokenZones(instance, proposal.zoneOf, proposal.seed.zoneCount)).toEqual([]);
    }
  });

  it('leaves locked zones and their areas exactly as they were', () => {
    const instance = gridInstance(6, 6, 4, 31, [1, 2]);
    const proposal = propose(instance, { seed: 5 });
    instance.start.forEach((z, a) => {
      if (instance.locked[z]) expect(proposal.zoneOf[a]).toBe(z);
      else expect(instance.locked[proposal.zoneOf[a]!]).toBe(0);
    });
    expect(proposal.changed[1]).toBe(false);
    expect(proposal.changed[2]).toBe(false);
  });

  it('gives the same plan for the same seed, and explores differently with another', () => {
    const instance = gridInstance(8, 8, 5, 41);
    const one = propose(instance, { seed: 3, iterationsPerArea: 50 });
    const again = propose(instance, { seed: 3, iterationsPerArea: 50 });
    expect([...again.zoneOf]).toEqual([...one.zoneOf]);
    expect(again.after).toEqual(one.after);
    expect(again.iterations).toBe(one.iterations);
  });

  it('reports every term before and after on the same weights, and which zones changed', () => {
    const instance = gridInstance(5, 5, 3, 51);
    const proposal = propose(instance, { seed: 2 });
    const scales = scalesOf(instance);
    expect(proposal.before.objective).toBeCloseTo(objectiveOf(evaluate(instance, instance.start, 3), DEFAULT_WEIGHTS, scales), 9);
    expect(proposal.after.areasMoved).toBe([...proposal.zoneOf].filter((z, a) => z !== instance.start[a]).length);
    proposal.changed.forEach((changed, z) => expect(changed).toBe([...proposal.zoneOf].some((y, a) => (y === z) !== (instance.start[a] === z))));
  });

  it('brings the plan to the number of zones asked for, every zone in one piece', () => {
    const instance = gridInstance(6, 6, 4, 61);
    for (const zones of [2, 3, 6]) {
      const proposal = propose(instance, { zones, seed: 1, iterationsPerArea: 50 });
      expect(proposal.seed.zoneCount).toBe(zones);
      expect(new Set(proposal.zoneOf).size).toBe(zones);
      expect(brokenZones(instance, proposal.zoneOf, zones)).toEqual([]);
    }
  });

  it('stops when cancelled, and at the time limit with the best plan so far', () => {
    const instance = gridInstance(8, 8, 5, 71);
    let calls = 0;
    expect(() =>
      propose(instance, {
        checkCancelled: () => {
          if (++calls > 3) throw new Error('cancelled');
        },
      }),
    ).toThrow('cancelled');
    let clock = 0;
    const timed = propose(instance, { timeLimitMs: 10, now: () => (clock += 1) });
    expect(timed.stoppedBy).toBe('time');
    expect(brokenZones(instance, timed.zoneOf, 5)).toEqual([]);
    expect(timed.after.objective).toBeLessThanOrEqual(timed.before.objective + 1e-9);
  });

  it('reports progress with the best objective so far, never rising', () => {
    const instance = gridInstance(6, 6, 4, 81);
    const seen: number[] = [];
    propose(instance, { seed: 1, onProgress: (p) => seen.push(p.bestObjective) });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]! + 1e-12);
  });
});
