/** A whole file CareCover cannot import: the message names the file's problem in plain words. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
