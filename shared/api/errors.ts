/**
 * Errors that cross the API boundary. Every failure a host reports is one of
 * these codes with a readable message, so the UI can show a banner and tests
 * can assert on the code rather than on wording.
 */
export const API_ERROR_CODES = [
  'bad-request', // the request did not match the contract's schema
  'unknown-method',
  'unauthorized', // the browser host's token was missing or wrong
  'forbidden', // the page named a file it was not given (Electron accepts only handles from its dialogs)
  'no-project', // the call needs an open project and none is open
  'no-plan', // the call needs a zone plan and the open project has none yet (an empty project)
  'not-found', // a file, zone or provider that does not exist
  'not-a-project', // a file that is not a CareCover project
  'newer-version', // a project written by a newer CareCover
  'corrupt', // the project failed its integrity check
  'invalid-input', // well-formed request whose content is rejected (bad file, bad value)
  'unsupported', // the host cannot do this (for example native dialogs in the browser host)
  'cancelled',
  'storage', // the disk refused: full, read-only, no permission, a missing folder (the message names the file and the cause)
  'busy', // another program (a second CareCover, the CLI) is writing to the project: try again
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Field-level problems, for example from schema validation: "path: problem". */
  details?: string[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: string[] | undefined;

  constructor(code: ApiErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}

/** What every transport carries back: a value or a typed error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** The HTTP content type of an answer that is bytes (the area layer) rather than a JSON envelope. */
export const BINARY_ANSWER = 'application/octet-stream';
