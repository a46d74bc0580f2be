export { type IngestResult, ingestDeliveries } from './ingest-deliveries.ts';
export { DeliveryLineError, parseDeliveryLine } from './parse-delivery-line.ts';
