/** A file name from words: lower case, hyphens between, nothing a file system would refuse. */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120).replace(/-$/, '') || 'carecover';
}

/**
 * An export's file name: its title when it has one (what the planner typed
 * is what they will look for in the folder), else the project's name and
 * what is exported.
 */
export function exportFileName(projectName: string, request: { kind: string; table?: string; title?: string; format: string }): string {
  const words = request.title?.trim() || `${projectName} ${request.kind === 'table' ? (request.table ?? 'zones') : request.kind}`;
  return `${slug(words)}.${request.format}`;
}
