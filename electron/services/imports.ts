import { ApiError } from '../../shared/api/errors';
import type { ImportJob, ImportRequest } from '../../shared/import/request';
import { importInWorker } from '../import/run-in-worker';
import { listImports, projectCounts } from '../store/imports';
import { JobTable } from './jobs';
import type { ProjectSession } from './project-session';

/**
 * Imports as jobs: the UI starts one, polls it for progress and its preview
 * or result, and may cancel it. Each runs in a worker thread on its own
 * connection; when one has written, the session's caches are refreshed.
 */
export class ImportService {
  private readonly jobs = new JobTable<ImportJob>('import');

  constructor(private readonly session: ProjectSession) {}

  start(request: ImportRequest, mode: 'preview' | 'import'): { jobId: string } {
    const file = this.session.file;
    if (!file) throw new ApiError('no-project', 'No project is open. Open or create a project first.');
    const initial: ImportJob = { state: 'running', step: 'Starting', fraction: null, preview: null, result: null, error: null };
    return this.jobs.start(initial, async (job, signal) => {
      const run = () => importInWorker(file, request, mode, { signal, onProgress: (step, fraction) => Object.assign(job, { step, fraction }) });
      const { preview, result } = mode === 'import' ? await this.session.writeElsewhere(run) : await run();
      return { step: result ? 'Imported' : 'Checked', fraction: 1, preview, result };
    });
  }

  job(jobId: string): ImportJob {
    return this.jobs.get(jobId);
  }

  cancel(jobId: string): { cancelled: boolean } {
    return this.jobs.cancel(jobId);
  }

  log() {
    return { imports: listImports(this.session.db()) };
  }

  counts() {
    return projectCounts(this.session.db());
  }

}
