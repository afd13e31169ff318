/** How the costs are said, the same on screen, in the CLI and in the committee PDF. */

/** The name of the scenario every other is compared with: today's rates under the project's settings. */
export const BASE_SCENARIO = 'Base';

/** A financial year label: 2026 → "2026/27". */
export function yearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** A gap between the contracted and the modelled rate in words: "pays 6% below the modelled cost of care". */
export function costSentence(gap: number): string {
  const points = Math.round(Math.abs(gap) * 100);
  if (points === 0) return 'pays the modelled cost of care';
  return `pays ${points}% ${gap < 0 ? 'below' : 'above'} the modelled cost of care`;
}

/** Short names of the lots for chart rows and narrow tables. */
export const SHORT_LOT_LABELS = { 'home-care': 'Home care', chc: 'CHC', 'live-in': 'Live-in' } as const;

/** Floor-and-ceiling savings a year in words; a negative saving is a cost. */
export function savingsSentence(s: { low: number; mid: number; high: number }, money: (x: number) => string): string {
  const say = (x: number) => (x >= 0 ? `saves ${money(x)}` : `costs ${money(-x)} more`);
  return `Floor-and-ceiling bidding ${say(s.low)} a year if bids land low and ${say(s.high)} if they land high; the midpoint ${say(s.mid)}.`;
}
