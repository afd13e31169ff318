import { LIVE_IN_HOURS_PER_WEEK } from '../domain/types';
import type { Instance } from './instance';
import { isFragile, isMixed, objectiveOf, scalesOf, type Scales, type Terms, type Weights } from './objective';

/**
 * A plan under search: each zone's sums, kept up to date as areas move, so
 * that judging a move costs a look at the area's own rows and its neighbours,
 * not a pass over the zone. Provider cover is held densely (zone × provider):
 * 300 zones × 3,000 providers is 7 MB, and a dense array needs no hashing.
 */
export class ZoneState {
  readonly zoneOf: Int32Array;
  readonly size: Int32Array;
  private readonly D: Float64Array;
  private readonly C: Float64Array;
  /** Demand and cover over the hourly lots, per zone: what fragility and the size bounds read. */
  readonly demandH: Float64Array;
  private readonly coverH: Float64Array;
  private readonly pop: Float64Array;
  private readonly ruralPop: Float64Array;
  private readonly provider: Float64Array;
  /** Per zone, the providers with cover there (and how many of the zone's areas they work in). */
  private readonly present: Map<number, number>[];
  /** Each zone's largest provider and its cover, kept so most moves need not look at every provider there. */
  private readonly maxCover: Float64Array;
  private readonly maxProvider: Int32Array;
  private readonly fragile: Uint8Array;
  private readonly mixed: Uint8Array;
  private readonly scratch: Float64Array;
  readonly terms: Terms;
  readonly scales: Scales;
  private readonly L: number;
  private readonly P: number;

  constructor(
    readonly instance: Instance,
    zoneOf: Int32Array,
    readonly zoneCount: number,
    readonly weights: Weights,
    readonly start: Int32Array = instance.start,
  ) {
    const L = (this.L = instance.lots);
    const P = (this.P = Math.max(1, instance.providerCount));
    const Z = zoneCount;
    this.zoneOf = zoneOf.slice();
    this.size = new Int32Array(Z);
    this.D = new Float64Array(Z * L);
    this.C = new Float64Array(Z * L);
    this.demandH = new Float64Array(Z);
    this.coverH = new Float64Array(Z);
    this.pop = new Float64Array(Z);
    this.ruralPop = new Float64Array(Z);
    this.provider = new Float64Array(Z * P);
    this.present = Array.from({ length: Z }, () => new Map());
    this.maxCover = new Float64Array(Z);
    this.maxProvider = new Int32Array(Z).fill(-1);
    this.fragile = new Uint8Array(Z);
    this.mixed = new Uint8Array(Z);
    this.scratch = new Float64Array(P);
    this.scales = scalesOf(instance);
    this.terms = { shortfallHours: 0, liveInWeeksShort: 0, storedShortHours: 0, fragileZones: 0, cutEdges: 0, mixedZones: 0, areasMoved: 0, peopleMoved: 0 };
    for (let a = 0; a < this.zoneOf.length; a++) {
      const z = this.zoneOf[a]!;
      if (z < 0) continue;
      this.add(a, z, 1);
      if (z !== start[a]) {
        this.terms.areasMoved += 1;
        this.terms.peopleMoved += instance.population[a]!;
      }
      for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
        const b = instance.neighbours[k]!;
        if (b > a && this.zoneOf[b] !== z) this.terms.cutEdges += 1;
      }
    }
    for (let z = 0; z < Z; z++) {
      this.rescanLargest(z);
      this.count(z, 1);
    }
  }

  /**
   * Adds zone z's shortfall, fragility and mix to the terms (1), judged
   * afresh from its sums, or takes away what was last added (-1).
   */
  private count(z: number, sign: 1 | -1): void {
    const s = this.shortOf(z, -1, 0);
    this.terms.storedShortHours += sign * s.stored;
    this.terms.shortfallHours += sign * s.hourly;
    this.terms.liveInWeeksShort += sign * s.liveIn;
    if (sign > 0) {
      this.fragile[z] = isFragile(this.demandH[z]!, this.coverH[z]!, this.largest(z, -1, 0), this.instance) ? 1 : 0;
      this.mixed[z] = isMixed(this.pop[z]!, this.ruralPop[z]!) ? 1 : 0;
    }
    this.terms.fragileZones += sign * this.fragile[z]!;
    this.terms.mixedZones += sign * this.mixed[z]!;
  }

  objective(): number {
    return objectiveOf(this.terms, this.weights, this.scales);
  }

  private add(a: number, z: number, sign: 1 | -1): void {
    const { instance, L, P } = this;
    this.size[z]! += sign;
    for (let l = 0; l < L; l++) {
      const d = instance.demand[a * L + l]!;
      const c = instance.cover[a * L + l]!;
      this.D[z * L + l]! += sign * d;
      this.C[z * L + l]! += sign * c;
      if (instance.hourly[l]) {
        this.demandH[z]! += sign * d;
        this.coverH[z]! += sign * c;
      }
    }
    this.pop[z]! += sign * instance.population[a]!;
    if (instance.rural[a]) this.ruralPop[z]! += sign * instance.population[a]!;
    const present = this.present[z]!;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) {
      const p = instance.supplyProvider[k]!;
      this.provider[z * P + p]! += sign * instance.supplyCover[k]!;
      const n = (present.get(p) ?? 0) + sign;
      if (n === 0) {
        present.delete(p);
        this.provider[z * P + p] = 0; // sums of floats never quite return to 0
      } else present.set(p, n);
    }
  }

  /** A zone's shortfall with area `a` added (sign 1), taken away (-1), or as it is (a = -1). */
  private shortOf(z: number, a: number, sign: number): { stored: number; hourly: number; liveIn: number } {
    const { instance, L } = this;
    let stored = 0;
    let hourly = 0;
    let liveIn = 0;
    for (let l = 0; l < L; l++) {
      let d = this.D[z * L + l]!;
      let c = this.C[z * L + l]!;
      if (a >= 0) {
        d += sign * instance.demand[a * L + l]!;
        c += sign * instance.cover[a * L + l]!;
      }
      const short = d - c > 1e-9 ? d - c : 0;
      stored += short;
      if (instance.hourly[l]) hourly += short;
      else liveIn += short / LIVE_IN_HOURS_PER_WEEK;
    }
    return { stored, hourly, liveIn };
  }

  /** Finds a zone's largest provider by looking at every provider there. */
  private rescanLargest(z: number): void {
    let best = 0;
    let who = -1;
    for (const p of this.present[z]!.keys()) {
      const hours = this.provider[z * this.P + p]!;
      if (hours > best) {
        best = hours;
        who = p;
      }
    }
    this.maxCover[z] = best;
    this.maxProvider[z] = who;
  }

  /** After area `a` joined zone z: only the providers it holds can have overtaken the largest. */
  private raiseLargest(z: number, a: number): void {
    const { instance, P } = this;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) {
      const p = instance.supplyProvider[k]!;
      const hours = this.provider[z * P + p]!;
      if (hours > this.maxCover[z]!) {
        this.maxCover[z] = hours;
        this.maxProvider[z] = p;
      }
    }
  }

  /** Whether area `a` holds cover of provider p. */
  private holds(a: number, p: number): boolean {
    const { instance } = this;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) if (instance.supplyProvider[k] === p) return true;
    return false;
  }

  /**
   * The largest provider's cover in a zone with area `a`'s supply added (sign
   * 1) or taken away (-1); a = -1: as it is. Adding can only raise the
   * providers `a` holds; taking away changes the largest only when `a` holds
   * some of it, and only then are all the zone's providers looked at.
   */
  private largest(z: number, a: number, sign: number): number {
    const { instance, P } = this;
    if (a < 0) return this.maxCover[z]!;
    if (sign > 0) {
      let best = this.maxCover[z]!;
      for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) {
        const hours = this.provider[z * P + instance.supplyProvider[k]!]! + instance.supplyCover[k]!;
        if (hours > best) best = hours;
      }
      return best;
    }
    if (this.maxProvider[z]! < 0 || !this.holds(a, this.maxProvider[z]!)) return this.maxCover[z]!;
    const { scratch } = this;
    const from = instance.supplyStart[a]!;
    const to = instance.supplyStart[a + 1]!;
    for (let k = from; k < to; k++) scratch[instance.supplyProvider[k]!] = instance.supplyCover[k]!;
    let best = 0;
    for (const p of this.present[z]!.keys()) {
      const hours = this.provider[z * P + p]! - scratch[p]!;
      if (hours > best) best = hours;
    }
    for (let k = from; k < to; k++) scratch[instance.supplyProvider[k]!] = 0;
    return best;
  }

  private fragileWith(z: number, a: number, sign: number): number {
    const { instance, L } = this;
    let d = this.demandH[z]!;
    let c = this.coverH[z]!;
    for (let l = 0; l < L; l++) {
      if (!instance.hourly[l]) continue;
      d += sign * instance.demand[a * L + l]!;
      c += sign * instance.cover[a * L + l]!;
    }
    return isFragile(d, c, this.largest(z, a, sign), instance) ? 1 : 0;
  }

  private mixedWith(z: number, a: number, sign: number): number {
    const p = this.instance.population[a]!;
    return isMixed(this.pop[z]! + sign * p, this.ruralPop[z]! + (this.instance.rural[a] ? sign * p : 0)) ? 1 : 0;
  }

  /** The hourly-lot demand of area a. */
  demandOf(a: number): number {
    let d = 0;
    for (let l = 0; l < this.L; l++) if (this.instance.hourly[l]) d += this.instance.demand[a * this.L + l]!;
    return d;
  }

  /** How much each term would change if area `a` moved to zone `to`, as the weighted objective. */
  delta(a: number, to: number): number {
    const { instance, weights, scales } = this;
    const from = this.zoneOf[a]!;
    const short =
      this.shortOf(from, a, -1).stored - this.shortOf(from, -1, 0).stored + this.shortOf(to, a, 1).stored - this.shortOf(to, -1, 0).stored;
    const fragile = this.fragileWith(from, a, -1) - this.fragile[from]! + this.fragileWith(to, a, 1) - this.fragile[to]!;
    const mixed = this.mixedWith(from, a, -1) - this.mixed[from]! + this.mixedWith(to, a, 1) - this.mixed[to]!;
    let cut = 0;
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const zb = this.zoneOf[instance.neighbours[k]!];
      if (zb === from) cut += 1;
      else if (zb === to) cut -= 1;
    }
    const home = this.start[a]!;
    const moved = (to !== home ? 1 : 0) - (from !== home ? 1 : 0);
    return (
      (weights.shortfall * 100 * short) / scales.demand +
      weights.fragility * fragile +
      (weights.compactness * 100 * cut) / scales.edges +
      weights.coherence * mixed +
      (weights.disruption * 100 * moved * instance.population[a]!) / scales.population
    );
  }

  /** Moves area `a` to zone `to`, keeping every sum and term up to date. */
  move(a: number, to: number): void {
    const { instance } = this;
    const from = this.zoneOf[a]!;
    if (from === to) return;
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const zb = this.zoneOf[instance.neighbours[k]!];
      if (zb === from) this.terms.cutEdges += 1;
      else if (zb === to) this.terms.cutEdges -= 1;
    }
    const home = this.start[a]!;
    const moved = (to !== home ? 1 : 0) - (from !== home ? 1 : 0);
    this.terms.areasMoved += moved;
    this.terms.peopleMoved += moved * instance.population[a]!;
    if (from >= 0) this.count(from, -1);
    if (to >= 0) this.count(to, -1);
    const fromHeldLargest = from >= 0 && this.maxProvider[from]! >= 0 && this.holds(a, this.maxProvider[from]!);
    if (from >= 0) this.add(a, from, -1);
    if (to >= 0) this.add(a, to, 1);
    this.zoneOf[a] = to;
    if (from >= 0 && fromHeldLargest) this.rescanLargest(from);
    if (to >= 0) this.raiseLargest(to, a);
    if (from >= 0) this.count(from, 1);
    if (to >= 0) this.count(to, 1);
  }
}
