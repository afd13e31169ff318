/** Where a long import has got to; the worker forwards these to the UI. */
export interface Progress {
  report(step: string, fraction: number | null): void;
}

export const silentProgress: Progress = { report: () => {} };
