import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';

/** What every background job shows the UI: where it is, and how it ended. */
export interface JobView {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  step: string;
  error: { code: string; message: string } | null;
}

/** Jobs kept for the UI to collect; older finished ones are dropped. */
const KEPT_JOBS = 20;

/**
 * Background jobs the UI starts, polls and may cancel (imports, proposals):
 * `work` updates the job it is given as it goes and resolves with the
 * fields of its finished state; a rejection with code "cancelled" marks it
 * cancelled, any other failed.
 */
export class JobTable<J extends JobView> {
  private readonly jobs = new Map<string, { view: J; controller: AbortController }>();

  constructor(private readonly what: string) {}

  start(initial: J, work: (job: J, signal: AbortSignal) => Promise<Partial<J>>): { jobId: string } {
    const jobId = randomUUID();
    const entry = { view: initial, controller: new AbortController() };
    this.jobs.set(jobId, entry);
    this.prune();
    work(entry.view, entry.controller.signal).then(
      (finished) => Object.assign(entry.view, { state: 'done', ...finished }),
      (error: unknown) => {
        const e = error as { code?: string; message?: string };
        const cancelled = e.code === 'cancelled';
        Object.assign(entry.view, { state: cancelled ? 'cancelled' : 'failed', step: cancelled ? 'Cancelled' : 'Failed', error: { code: e.code ?? 'internal', message: e.message ?? String(error) } });
      },
    );
    return { jobId };
  }

  get(jobId: string): J {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new ApiError('not-found', `That ${this.what} is no longer known; start it again.`);
    return { ...entry.view };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.view.state !== 'running') return { cancelled: false };
    entry.controller.abort();
    return { cancelled: true };
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, j]) => j.view.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.jobs.delete(id);
  }
}
