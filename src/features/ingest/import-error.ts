/** A file that cannot be loaded as a whole (no header, a missing column, no date …). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
