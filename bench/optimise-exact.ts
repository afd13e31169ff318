import type { Instance } from '../shared/optimise/instance';
export async function runExact(_sample: Instance): Promise<void> {}
