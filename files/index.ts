/** Adapter-side I/O shared by the CLI and the Action (files on disk: coverage reports, config; never imported by `src/`). */
export { CoverageFileError } from './coverage-file-error.ts';
export { readCoverageFile } from './read-coverage-file.ts';
export { readCoverageFiles } from './read-coverage-files.ts';
export { readLocalConfig } from './read-local-config.ts';
