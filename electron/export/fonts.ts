import path from 'node:path';
import { createRequire } from 'node:module';

// Exports embed DejaVu (from the dejavu-fonts-ttf package) so that text looks
// the same in PDF and PNG on every machine, offline, whatever fonts it has.
const require_ = createRequire(__filename);

export function fontPath(weight: 'regular' | 'bold' | 'oblique'): string {
  const file = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', oblique: 'DejaVuSans-Oblique.ttf' }[weight];
  return path.join(path.dirname(require_.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
}
