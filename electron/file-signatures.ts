import fs from 'node:fs';

/** The kinds of file CareCover reads or writes, as their first bytes tell them apart. */
export type FileSignature = 'sqlite' | 'zip' | 'shapefile' | 'pdf' | 'png' | 'text';

const MAGIC: Record<Exclude<FileSignature, 'text'>, Buffer> = {
  sqlite: Buffer.from('SQLite format 3\u0000', 'latin1'), // projects and GeoPackages
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]), // XLSX and zipped shapefiles
  shapefile: Buffer.from([0x00, 0x00, 0x27, 0x0a]), // the .shp file code 9994
  pdf: Buffer.from('%PDF-', 'latin1'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/**
 * Text (CSV, GeoJSON, SVG) has no magic number; what rules binary out is a NUL
 * byte, which no UTF-8 or Windows-1252 text holds. UTF-16 text is full of
 * them, so it counts as text only with its byte-order mark.
 */
function looksLikeText(head: Buffer): boolean {
  if (UTF16_BOMS.some((bom) => head.subarray(0, 2).equals(bom))) return true;
  return !head.includes(0);
}

export function matchesSignature(head: Buffer, kind: FileSignature): boolean {
  return kind === 'text' ? looksLikeText(head) : head.subarray(0, MAGIC[kind].length).equals(MAGIC[kind]);
}

/** The first bytes of a regular file (at most `length`; an empty file gives none). */
export function readHead(file: string, length = 4096): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Names a kind in a message ("a PDF", "a text file"). */
export const SIGNATURE_NAMES: Record<FileSignature, string> = {
  sqlite: 'an SQLite database (a project or a GeoPackage)',
  zip: 'a ZIP file (an XLSX workbook or a zipped shapefile)',
  shapefile: 'a shapefile',
  pdf: 'a PDF',
  png: 'a PNG image',
  text: 'a text file',
};
