export { renderMetrics } from './render-metrics.ts';
export * from './types.ts';
