export * from './coverage-line.ts';
export * from './delivery-error.ts';
export * from './delivery-time.ts';
export * from './ingest-deliveries.ts';
export * from './locate-delivery.ts';
export * from './normalize-delivery.ts';
export * from './rollback-summary.ts';
export * from './types.ts';
