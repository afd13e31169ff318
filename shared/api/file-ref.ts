import { z } from 'zod';

/**
 * A file the page names: a typed path in the browser host and the CLI, an
 * opaque handle from a dialog, a drop or the recent list in Electron (the
 * services resolve it; see electron/services/file-access.ts).
 */
export const FileRefSchema = z
  .string()
  .trim()
  .min(1, 'a file path is required')
  .max(4096, 'the file path is too long')
  .refine((value) => !value.includes('\u0000'), 'a file path cannot contain a NUL character');
