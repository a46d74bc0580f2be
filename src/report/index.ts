export { renderJsonReport } from './render-json-report.ts';
export * from './types.ts';
