import { parentPort, workerData } from 'node:worker_threads';
import type { Instance } from '../../shared/optimise/instance';
import { propose, type Proposal, type ProposeOptions } from '../../shared/optimise/search';
import { cancellationCheck, workerFailure, type WorkerMessage } from '../workers';

// Runs the zone search away from the main thread: it reads nothing from the
// project (the instance arrives as typed arrays), so it can be stopped at any
// progress point without leaving anything half-written.
interface Job {
  instance: Instance;
  options: Omit<ProposeOptions, 'onProgress' | 'checkCancelled' | 'now'>;
  cancel: Int32Array;
}

const post = (message: WorkerMessage<Proposal>) => parentPort!.postMessage(message);

function main(job: Job): void {
  const checkCancelled = cancellationCheck(job.cancel, 'proposal');
  const proposal = propose(job.instance, {
    ...job.options,
    checkCancelled,
    onProgress: ({ start, starts, fraction, bestObjective }) => post({ type: 'progress', step: `Search ${start} of ${starts}`, fraction, best: bestObjective }),
  });
  post({ type: 'done', value: proposal });
}

try {
  main(workerData as Job);
} catch (error) {
  post(workerFailure(error));
}
