/** One thing an import found: an error blocks the row or feature, a repair or warning is a note. */
export interface ImportProblem {
  severity: 'error' | 'repaired' | 'warning';
  /** Where in the file: "row 5, column \"Hours\"", "feature 12 (E01025678)", or "file". */
  where: string;
  problem: string;
}

export function problemLine(fileName: string, p: ImportProblem): string {
  const tag = p.severity === 'error' ? '' : `${p.severity}: `;
  return `${fileName}: ${p.where}: ${tag}${p.problem}`;
}

export function countErrors(problems: readonly ImportProblem[]): number {
  return problems.reduce((n, p) => n + (p.severity === 'error' ? 1 : 0), 0);
}
