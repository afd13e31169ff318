import type { Instance } from '../../shared/optimise/instance';
import type { Proposal, ProposeOptions } from '../../shared/optimise/search';
import { runWorker, type WorkerOptions } from '../workers';

/** Searches for a zone proposal in a worker thread. */
export function proposeInWorker(instance: Instance, options: Omit<ProposeOptions, 'onProgress' | 'checkCancelled' | 'now'>, worker: WorkerOptions = {}): Promise<Proposal> {
  return runWorker<Proposal>('optimise-worker.cjs', { instance, options }, 'proposal', worker);
}
