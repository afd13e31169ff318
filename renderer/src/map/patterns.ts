import { CLASS_FILL, HATCH_INK } from '../../../shared/style/coverage-style';
import type { CoverageClass } from '../../../shared/coverage/schemas';

const cache = new Map<string, CanvasPattern | string>();

/**
 * A fill for Leaflet's canvas renderer: the class colour, with diagonal
 * hatching for flagged zones. Leaflet hands `fillColor` straight to the
 * canvas's fillStyle, so a CanvasPattern works where a colour string would go.
 */
export function areaFill(cls: CoverageClass, hatched: boolean): string {
  const fill = CLASS_FILL[cls];
  if (!hatched) return fill;
  const key = `${cls}:hatched`;
  let pattern = cache.get(key);
  if (!pattern) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 10;
    const ctx = tile.getContext('2d');
    if (!ctx) return fill;
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, 10, 10);
    ctx.strokeStyle = HATCH_INK;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    for (const offset of [-10, 0, 10]) {
      ctx.moveTo(offset, 10);
      ctx.lineTo(offset + 10, 0);
    }
    ctx.stroke();
    pattern = ctx.createPattern(tile, 'repeat') ?? fill;
    cache.set(key, pattern);
  }
  return pattern as unknown as string;
}
