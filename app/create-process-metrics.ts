import { collectDefaultMetrics, Registry } from 'prom-client';
import type { OPENMETRICS_CONTENT_TYPE } from '../src/metrics/index.ts';

/**
 * The process's own metrics for `/metrics` (docs/dashboard.md, "OpenMetrics"):
 * prom-client's defaults — CPU, resident memory, heap, event-loop lag, open
 * file descriptors, garbage collection — on a registry of their own, served
 * beside the KPI series.
 */
export function createProcessMetrics(): Registry<typeof OPENMETRICS_CONTENT_TYPE> {
  const registry = new Registry<typeof OPENMETRICS_CONTENT_TYPE>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  collectDefaultMetrics({ register: registry });
  return registry;
}
