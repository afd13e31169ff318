/**
 * The first screen's typefaces, each matched once while the page waits for its
 * data, so the first screen's layout does not wait on them.
 *
 * A typeface is looked up the first time a weight, style or size of it is laid
 * out: on Linux each is a round trip to the browser for a match (and one per
 * size for how to render it), and a family not installed (Segoe UI, first in
 * our list for Windows) is a miss before the next is tried. England's first
 * screen spent ≈ 45 ms of its one layout on 25 such look-ups, after all its
 * data was in; laid out here, while the app's chunk is parsed and the
 * services make the first answers, they cost the first map nothing.
 *
 * The list is what the first screen lays out (the workspace, its table,
 * labels and Leaflet's zoom control), pinned by test/e2e/first-screen-fonts.e2e.test.ts:
 * a size or weight added there and not here fails it.
 */
export const FIRST_SCREEN_FONTS: readonly FontSample[] = [
  { weight: 400, size: 10.5 },
  { weight: 400, size: 10.5, italic: true },
  { weight: 400, size: 11 },
  { weight: 400, size: 12 },
  { weight: 400, size: 13 },
  { weight: 400, size: 14 },
  { weight: 500, size: 11 },
  { weight: 500, size: 12 },
  { weight: 600, size: 11.5 },
  { weight: 600, size: 12 },
  { weight: 600, size: 14 },
  { weight: 650, size: 12 },
  { weight: 650, size: 18 },
  { weight: 700, size: 12 },
  { weight: 700, size: 14 },
  { weight: 700, size: 16 },
  { weight: 700, size: 22, family: "'Lucida Console', Monaco, monospace" },
];

export interface FontSample {
  weight: number;
  size: number;
  italic?: boolean;
  /** Where not the page's own family (inherited from the body). */
  family?: string;
}

/** The same key for a sample and for a computed style, so the test can compare what is laid out with the list. */
export function fontKey(font: { weight: number | string; size: number | string; italic?: boolean }): string {
  return `${font.italic ? 'italic ' : ''}${Number(font.weight)} ${parseFloat(String(font.size))}px`;
}

/**
 * Lays out a line of each sample out of sight for one frame, then takes them
 * away: the look-ups are cached by the page for good. Set through the style
 * object, which the Content-Security-Policy allows, not as style attributes.
 */
export function warmFonts(): void {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, { position: 'absolute', left: '-10000px', top: '0', visibility: 'hidden', whiteSpace: 'nowrap' });
  for (const sample of FIRST_SCREEN_FONTS) {
    const line = document.createElement('span');
    line.textContent = 'Aa 0123456789 £%–…';
    Object.assign(line.style, { fontWeight: String(sample.weight), fontSize: `${sample.size}px`, fontStyle: sample.italic ? 'italic' : 'normal' });
    if (sample.family) line.style.fontFamily = sample.family;
    box.append(line);
  }
  document.body.append(box);
  // Laid out in the frame after this one's callbacks; gone in the task after it.
  requestAnimationFrame(() => setTimeout(() => box.remove(), 0));
}
