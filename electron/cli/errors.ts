import { ApiError } from '../../shared/api/errors';

/** Bad command-line input: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Problems with what the user gave us (as opposed to bugs) exit with 2. */
const BAD_INPUT_CODES = new Set(['bad-request', 'invalid-input', 'not-found', 'not-a-project', 'newer-version', 'corrupt', 'no-project', 'no-plan', 'busy', 'storage', 'forbidden', 'unsupported', 'cancelled']);

export function exitCodeFor(error: unknown): 1 | 2 {
  if (error instanceof UsageError) return 2;
  if (error instanceof ApiError && BAD_INPUT_CODES.has(error.code)) return 2;
  return 1;
}

/** One line, as the CLI promises for bad input; internal errors keep their stack on stderr too. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
