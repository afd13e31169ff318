import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { ImportJob, ImportRequest } from '../../shared/import/request';
import { importInWorker } from '../import/run-in-worker';
import { listImports, projectCounts } from '../store/imports';
import type { ProjectSession } from './project-session';

interface Job extends ImportJob {
  controller: AbortController;
}

/** Jobs kept for the UI to collect; older finished ones are dropped. */
const KEPT_JOBS = 20;

/**
 * Imports as jobs: the UI starts one, polls it for progress and its preview
 * or result, and may cancel it. Each runs in a worker thread on its own
 * connection; when one has written, the session's caches are refreshed.
 */
export class ImportService {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly session: ProjectSession) {}

  start(request: ImportRequest, mode: 'preview' | 'import'): { jobId: string } {
    const file = this.session.file;
    if (!file) throw new ApiError('no-project', 'No project is open. Open or create a project first.');
    const jobId = randomUUID();
    const job: Job = { state: 'running', step: 'Starting', fraction: null, preview: null, result: null, error: null, controller: new AbortController() };
    this.jobs.set(jobId, job);
    this.prune();
    importInWorker(file, request, mode, {
      signal: job.controller.signal,
      onProgress: (step, fraction) => Object.assign(job, { step, fraction }),
    }).then(
      ({ preview, result }) => {
        if (result && this.session.file === file) this.session.changed();
        Object.assign(job, { state: 'done', step: result ? 'Imported' : 'Checked', fraction: 1, preview, result });
      },
      (error: unknown) => {
        const e = error as { code?: string; message?: string };
        const cancelled = e.code === 'cancelled';
        Object.assign(job, { state: cancelled ? 'cancelled' : 'failed', step: cancelled ? 'Cancelled' : 'Failed', error: { code: e.code ?? 'internal', message: e.message ?? String(error) } });
      },
    );
    return { jobId };
  }

  job(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', 'That import is no longer known; start it again.');
    const { controller: _controller, ...visible } = job;
    return visible;
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'running') return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }

  log() {
    return { imports: listImports(this.session.db()) };
  }

  counts() {
    return projectCounts(this.session.db());
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, j]) => j.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.jobs.delete(id);
  }
}
