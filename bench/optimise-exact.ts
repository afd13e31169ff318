import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Instance } from '../shared/optimise/instance';
import { DEFAULT_WEIGHTS, evaluate, objectiveOf, scalesOf, MIXED_MINORITY_SHARE, type Weights } from '../shared/optimise/objective';
import { brokenZones } from '../shared/optimise/contiguity';
import { defaultBounds, propose } from '../shared/optimise/search';
import { seedPlan } from '../shared/optimise/seed-plan';
import { medianMs } from './harness';

/** The instance restricted to some areas: their borders among themselves, their starting zones renumbered. */
export function subInstance(instance: Instance, areas: readonly number[]): Instance {
  const L = instance.lots;
  const local = new Map(areas.map((a, i) => [a, i]));
  const lists = areas.map((a) => {
    const out: number[] = [];
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const j = local.get(instance.neighbours[k]!);
      if (j !== undefined) out.push(j);
    }
    return out.sort((x, y) => x - y);
  });
  const neighbourStart = new Int32Array(areas.length + 1);
  lists.forEach((l, i) => (neighbourStart[i + 1] = neighbourStart[i]! + l.length));
  const zones = [...new Set(areas.map((a) => instance.start[a]!).filter((z) => z >= 0))].sort((x, y) => x - y);
  const zoneIndex = new Map(zones.map((z, i) => [z, i]));
  const supplyStart = new Int32Array(areas.length + 1);
  areas.forEach((a, i) => (supplyStart[i + 1] = supplyStart[i]! + instance.supplyStart[a + 1]! - instance.supplyStart[a]!));
  const pick = <T extends Float64Array | Int32Array>(array: T) => array.constructor === Float64Array
    ? (Float64Array.from(areas.flatMap((a) => [...array.subarray(instance.supplyStart[a]!, instance.supplyStart[a + 1]!)])) as T)
    : (Int32Array.from(areas.flatMap((a) => [...array.subarray(instance.supplyStart[a]!, instance.supplyStart[a + 1]!)])) as T);
  return {
    ...instance,
    areaCodes: areas.map((a) => instance.areaCodes[a]!),
    neighbourStart,
    neighbours: Int32Array.from(lists.flat()),
    demand: Float64Array.from(areas.flatMap((a) => [...instance.demand.subarray(a * L, a * L + L)])),
    cover: Float64Array.from(areas.flatMap((a) => [...instance.cover.subarray(a * L, a * L + L)])),
    supplyStart,
    supplyProvider: pick(instance.supplyProvider),
    supplyCover: pick(instance.supplyCover),
    population: Float64Array.from(areas, (a) => instance.population[a]!),
    rural: Uint8Array.from(areas, (a) => instance.rural[a]!),
    zoneIds: zones.map((z) => instance.zoneIds[z]!),
    start: Int32Array.from(areas, (a) => zoneIndex.get(instance.start[a]!) ?? -1),
    locked: new Uint8Array(zones.length),
  };
}

/**
 * The same objective as shared/optimise/objective.ts as a mixed-integer
 * program, in CPLEX LP format: x[a][z] = 1 when area a is in zone z; each
 * zone contiguous by a single-commodity flow from a chosen root (Shirabe
 * 2005); shortfall per zone and lot; fragility, rural–urban mix and cut
 * borders as indicators forced on by big-M rows; disruption counted from the
 * seed plan's names. Returns the text and the constant the LP leaves out.
 */
export function zoneDesignLp(instance: Instance, K: number, start: Int32Array, bounds: { minDemand: number; maxDemand: number }, weights: Weights = DEFAULT_WEIGHTS): { lp: string; constant: number } {
  const A = instance.areaCodes.length;
  const L = instance.lots;
  const scales = scalesOf(instance);
  const rows: string[] = [];
  const binaries: string[] = [];
  const x = (a: number, z: number) => `x_${a}_${z}`;
  const term = (c: number, v: string) => `${c >= 0 ? '+' : '-'} ${Math.abs(c).toPrecision(12)} ${v}`;
  const row = (name: string, terms: string[], sense: string, rhs: number) => {
    const chunks: string[] = [];
    for (let i = 0; i < terms.length; i += 8) chunks.push(terms.slice(i, i + 8).join(' '));
    rows.push(` ${name}: ${chunks.join('\n   ')} ${sense} ${rhs.toPrecision(12)}`);
  };
  const dH = (a: number) => {
    let d = 0;
    for (let l = 0; l < L; l++) if (instance.hourly[l]) d += instance.demand[a * L + l]!;
    return d;
  };
  const cH = (a: number) => {
    let c = 0;
    for (let l = 0; l < L; l++) if (instance.hourly[l]) c += instance.cover[a * L + l]!;
    return c;
  };
  const edges: [number, number][] = [];
  for (let a = 0; a < A; a++) for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) if (instance.neighbours[k]! > a) edges.push([a, instance.neighbours[k]!]);
  const providers = [...new Set(instance.supplyProvider)];
  const heldBy = (a: number, p: number) => {
    let h = 0;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) if (instance.supplyProvider[k] === p) h += instance.supplyCover[k]!;
    return h;
  };
  const totalPop = instance.population.reduce((s, p) => s + p, 0);
  const totalDemand = Array.from({ length: A }, (_, a) => dH(a)).reduce((s, d) => s + d, 0);
  const totalCover = Array.from({ length: A }, (_, a) => cH(a)).reduce((s, d) => s + d, 0);

  // No zone can hold more areas than the smallest demands that fit under the maximum: the flow's big-M.
  const byDemand = Array.from({ length: A }, (_, a) => dH(a)).sort((p, q) => p - q);
  let nMax = 0;
  for (let sum = 0; nMax < A && sum + byDemand[nMax]! <= bounds.maxDemand + 1e-9; nMax++) sum += byDemand[nMax]!;
  nMax = Math.max(1, Math.min(A - (K - 1), nMax));
  const objective: string[] = [];
  let constant = 0;
  for (let a = 0; a < A; a++) {
    row(`one_${a}`, Array.from({ length: K }, (_, z) => term(1, x(a, z))), '=', 1);
    const pop = instance.population[a]!;
    const w = (weights.disruption * 100 * pop) / scales.population;
    constant += w;
    if (start[a]! >= 0) objective.push(term(-w, x(a, start[a]!)));
  }
  for (let z = 0; z < K; z++) {
    for (let a = 0; a < A; a++) binaries.push(x(a, z), `r_${a}_${z}`);
    // One root, inside the zone; each area of the zone takes one unit of flow, carried only between areas of the zone.
    row(`root_${z}`, Array.from({ length: A }, (_, a) => term(1, `r_${a}_${z}`)), '=', 1);
    for (let a = 0; a < A; a++) {
      row(`rootin_${a}_${z}`, [term(1, `r_${a}_${z}`), term(-1, x(a, z))], '<=', 0);
      const flow: string[] = [];
      for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
        const b = instance.neighbours[k]!;
        flow.push(term(1, `f_${b}_${a}_${z}`), term(-1, `f_${a}_${b}_${z}`));
        row(`cap_${a}_${b}_${z}`, [term(1, `f_${a}_${b}_${z}`), term(-(nMax - 1), x(a, z))], '<=', 0);
        row(`cap2_${a}_${b}_${z}`, [term(1, `f_${a}_${b}_${z}`), term(-(nMax - 1), x(b, z))], '<=', 0);
      }
      row(`flow_${a}_${z}`, [...flow, term(-1, x(a, z)), term(nMax, `r_${a}_${z}`)], '>=', 0);
    }
    const demandTerms = Array.from({ length: A }, (_, a) => term(dH(a), x(a, z)));
    row(`min_${z}`, demandTerms, '>=', bounds.minDemand);
    if (Number.isFinite(bounds.maxDemand)) row(`max_${z}`, demandTerms, '<=', bounds.maxDemand);
    row(`some_${z}`, Array.from({ length: A }, (_, a) => term(1, x(a, z))), '>=', 1);
    row(`most_${z}`, Array.from({ length: A }, (_, a) => term(1, x(a, z))), '<=', nMax);
    for (let l = 0; l < L; l++) {
      const terms = Array.from({ length: A }, (_, a) => instance.demand[a * L + l]! - instance.cover[a * L + l]!).map((c, a) => term(c, x(a, z))).filter((_, a) => instance.demand[a * L + l]! - instance.cover[a * L + l]! !== 0);
      row(`short_${z}_${l}`, [term(1, `s_${z}_${l}`), ...terms.map((t) => (t.startsWith('+') ? '-' + t.slice(1) : '+' + t.slice(1)))], '>=', 0);
      objective.push(term((weights.shortfall * 100) / scales.demand, `s_${z}_${l}`));
    }
    // Fragile unless cover without each provider stays at the N-1 level and no provider holds more than the share.
    // The big-Ms as small as the bounds allow: n1·D − (C − H) is at most n1·D ≤ n1 × the maximum demand; H − share·C at most all of the provider's cover.
    const bigN1 = instance.fragileN1Below * Math.min(totalDemand, bounds.maxDemand);
    for (const p of providers) {
      row(`n1_${z}_${p}`, [...Array.from({ length: A }, (_, a) => term(instance.fragileN1Below * dH(a) - cH(a) + heldBy(a, p), x(a, z))), term(-bigN1, `phi_${z}`)], '<=', 0);
      const ofP = Array.from({ length: A }, (_, a) => heldBy(a, p)).reduce((t, h) => t + h, 0);
      row(`share_${z}_${p}`, [...Array.from({ length: A }, (_, a) => term(heldBy(a, p) - instance.fragileMaxShare * cH(a), x(a, z))), term(-ofP, `phi_${z}`)], '<=', 0);
    }
    row(`n1_${z}_none`, [...Array.from({ length: A }, (_, a) => term(instance.fragileN1Below * dH(a) - cH(a), x(a, z))), term(-bigN1, `phi_${z}`)], '<=', 0);
    binaries.push(`phi_${z}`, `u_${z}`, `w_${z}`, `m_${z}`);
    objective.push(term(weights.fragility, `phi_${z}`));
    // Mixed when both the rural and the urban people are more than the minority share of the zone.
    const share = MIXED_MINORITY_SHARE;
    // (1 − share) × the people of the nMax most populous areas bounds either side's excess.
    const bigPop = (1 - share) * [...instance.population].sort((p, q) => q - p).slice(0, nMax).reduce((t, p) => t + p, 0);
    row(`rural_${z}`, [...Array.from({ length: A }, (_, a) => term((instance.rural[a] ? 1 : 0) * instance.population[a]! - share * instance.population[a]!, x(a, z))), term(-bigPop, `u_${z}`)], '<=', 0);
    row(`urban_${z}`, [...Array.from({ length: A }, (_, a) => term((instance.rural[a] ? 0 : 1) * instance.population[a]! - share * instance.population[a]!, x(a, z))), term(-bigPop, `w_${z}`)], '<=', 0);
    row(`mixed_${z}`, [term(1, `m_${z}`), term(-1, `u_${z}`), term(-1, `w_${z}`)], '>=', -1);
    objective.push(term(weights.coherence, `m_${z}`));
  }
  edges.forEach(([a, b], e) => {
    for (let z = 0; z < K; z++) row(`cut_${e}_${z}`, [term(1, `c_${e}`), term(-1, x(a, z)), term(1, x(b, z))], '>=', 0);
    objective.push(term((weights.compactness * 100) / scales.edges, `c_${e}`));
  });
  const chunks: string[] = [];
  for (let i = 0; i < objective.length; i += 8) chunks.push(objective.slice(i, i + 8).join(' '));
  const lp = ['Minimize', ` obj: ${chunks.join('\n   ')}`, 'Subject To', ...rows, 'Bounds', ...edges.map((_, e) => ` 0 <= c_${e} <= 1`), 'Binaries', ...binaries.map((b) => ` ${b}`), 'End', ''].join('\n');
  return { lp, constant };
}

function haveCbc(): boolean {
  return spawnSync('cbc', ['-quit'], { encoding: 'utf8' }).status === 0;
}

interface ExactResult {
  status: string;
  objective: number;
  zoneOf: Int32Array;
  seconds: number;
  /** CBC's lower bound on the LP's objective (without the constant), when it says it. */
  bound: number | null;
}

/** Solves with CBC (Debian's coinor-cbc) within a time limit. */
/**
 * A starting solution for CBC in its own solution format: every integer
 * variable of a plan (zones, one root each, the indicators as the plan has
 * them); CBC solves for the rest. It helps CBC prune, not prove: the bound
 * is still CBC's own.
 */
function mipStart(instance: Instance, zoneOf: Int32Array, K: number): string {
  const lines = ['Stopped on time - objective value 0'];
  let n = 0;
  const put = (name: string, value: number) => lines.push(`${n++} ${name} ${value}`);
  const rooted = new Set<number>();
  zoneOf.forEach((z, a) => {
    for (let y = 0; y < K; y++) put(`x_${a}_${y}`, y === z ? 1 : 0);
    put(`r_${a}_${z}`, rooted.has(z) ? 0 : 1);
    rooted.add(z);
  });
  const L = instance.lots;
  for (let z = 0; z < K; z++) {
    const single = new Int32Array(zoneOf.length).fill(-1);
    zoneOf.forEach((y, a) => y === z && (single[a] = 0));
    const t = evaluate(instance, single, 1, single);
    put(`phi_${z}`, t.fragileZones);
    let pop = 0;
    let rural = 0;
    zoneOf.forEach((y, a) => {
      if (y !== z) return;
      pop += instance.population[a]!;
      if (instance.rural[a]) rural += instance.population[a]!;
    });
    put(`u_${z}`, rural > MIXED_MINORITY_SHARE * pop ? 1 : 0);
    put(`w_${z}`, pop - rural > MIXED_MINORITY_SHARE * pop ? 1 : 0);
    put(`m_${z}`, t.mixedZones);
    void L;
  }
  return lines.join('\n') + '\n';
}

function solveWithCbc(instance: Instance, K: number, start: Int32Array, bounds: { minDemand: number; maxDemand: number }, limitSeconds: number, initial?: Int32Array): ExactResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-mip-'));
  try {
    const { lp } = zoneDesignLp(instance, K, start, bounds);
    fs.writeFileSync(path.join(dir, 'model.lp'), lp);
    const began = process.hrtime.bigint();
    const startArgs: string[] = [];
    if (initial) {
      fs.writeFileSync(path.join(dir, 'start.txt'), mipStart(instance, initial, K));
      // CBC's preprocessing renumbers what a start names, and then cannot use it: with a start, none.
      startArgs.push('mips', path.join(dir, 'start.txt'), 'preprocess', 'off');
    }
    const run = spawnSync('cbc', [path.join(dir, 'model.lp'), ...startArgs, 'sec', String(limitSeconds), 'threads', '1', 'solve', 'solu', path.join(dir, 'out.txt')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const bound = /best possible ([-\d.e+]+)/i.exec(run.stdout)?.[1];
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    if (run.status !== 0 || !fs.existsSync(path.join(dir, 'out.txt'))) throw new Error(`cbc failed: ${run.stderr || run.stdout.slice(-2000)}`);
    const text = fs.readFileSync(path.join(dir, 'out.txt'), 'utf8');
    const [head, ...lines] = text.split('\n');
    const zoneOf = new Int32Array(instance.areaCodes.length).fill(-1);
    for (const l of lines) {
      const m = /^\s*\d+\s+x_(\d+)_(\d+)\s+([-\d.e+]+)/.exec(l);
      if (m && Number(m[3]) > 0.5) zoneOf[Number(m[1])] = Number(m[2]);
    }
    return { status: head!.split(' - ')[0]!.trim(), objective: NaN, zoneOf, seconds, bound: bound === undefined ? null : Number(bound) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `size` areas of `pool`, breadth first over borders from the first: a connected part of the county. */
function region(instance: Instance, pool: readonly number[], size: number): number[] {
  const allowed = new Set(pool);
  const seen = new Set([pool[0]!]);
  const queue = [pool[0]!];
  while (queue.length && seen.size < size) {
    const a = queue.shift()!;
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const b = instance.neighbours[k]!;
      if (allowed.has(b) && !seen.has(b) && seen.size < size) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}

export async function runExact(sample: Instance, districtOf: readonly string[]): Promise<void> {
  console.log('\nZone proposal against the proven optimum (CBC, flow contiguity; the same objective, bounds and starting names; CBC is given our plan as a start unless CARECOVER_MIP_COLD is set)');
  if (!haveCbc()) {
    console.log('  skipped: CBC is not installed (apt-get install coinor-cbc)');
    return;
  }
  const limit = Number(process.env.CARECOVER_MIP_SECONDS ?? 1800);
  const cases: [string, number[], number][] = [];
  const inDistrict = (codes: string[]) => districtOf.flatMap((d, a) => (codes.includes(d) ? [a] : []));
  const melton = inDistrict(['E07000133']);
  if (!process.env.CARECOVER_MIP_PART_ONLY) for (const K of [3, 4, 5]) cases.push([`Melton's ${melton.length} LSOAs into ${K}`, melton, K]);
  // Harborough and Oadby & Wigston meet five of the sample's zones: 60 of their LSOAs, into 6 zones.
  const part = region(sample, inDistrict(['E07000131', 'E07000135']), Number(process.env.CARECOVER_MIP_PART ?? 60));
  cases.push([`${part.length} LSOAs of Harborough, Oadby and Wigston into 6`, part, 6]);
  for (const [name, areas, K] of cases) {
    const instance = subInstance(sample, areas);
    const seed = seedPlan(instance, K);
    const bounds = defaultBounds(instance, K);
    // Ours: the median of five runs after a warm-up (the first run of a process pays for compiling the search).
    const ours = propose(instance, { zones: K, seed: 1 });
    const oursSeconds = medianMs(() => propose(instance, { zones: K, seed: 1 }), 5, 1) / 1000;
    const exact = solveWithCbc(instance, K, seed.start, bounds, limit, process.env.CARECOVER_MIP_COLD ? undefined : ours.zoneOf);
    const scales = scalesOf(instance);
    if (exact.zoneOf.includes(-1)) {
      console.log(`  ${name.padEnd(52)} ours ${ours.after.objective.toFixed(4)} in ${oursSeconds.toFixed(3)} s; CBC found no solution in ${exact.seconds.toFixed(0)} s (${exact.status}): no optimum to compare with`);
      continue;
    }
    const exactObjective = objectiveOf(evaluate(instance, exact.zoneOf, K, seed.start), DEFAULT_WEIGHTS, scales);
    const unbroken = brokenZones(instance, exact.zoneOf, K).length === 0;
    const gap = (ours.after.objective - exactObjective) / Math.abs(exactObjective);
    const proven = exact.status === 'Optimal';
    const { constant } = zoneDesignLp(instance, K, seed.start, bounds);
    const lower = exact.bound === null ? null : exact.bound + constant;
    const within = gap <= 0.01 + 1e-12;
    const quick = oursSeconds * 100 <= exact.seconds;
    console.log(
      `  ${name.padEnd(52)} ours ${ours.after.objective.toFixed(4)} in ${oursSeconds.toFixed(3)} s; CBC ${exactObjective.toFixed(4)} (${exact.status}${unbroken ? '' : ', SOLUTION BROKEN'}) in ${exact.seconds.toFixed(1)} s` +
        `  gap ${(gap * 100).toFixed(2)}% (${within ? 'within 1%' : 'MISSED 1%'}), time ${(exact.seconds / oursSeconds).toFixed(0)}× less (${quick ? 'met' : 'MISSED'} 1/100)${proven ? '' : ` — optimum not proven in the time limit${lower === null ? '' : `; CBC's lower bound ${lower.toFixed(4)} puts ours within ${(((ours.after.objective - lower) / Math.abs(lower)) * 100).toFixed(1)}% of the optimum`}`}`,
    );
  }
}
