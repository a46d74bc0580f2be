export { authorizeRequest } from './authorize-request.ts';
export { createRouter } from './create-router.ts';
export { deliveriesJsonlRoute } from './deliveries-jsonl-route.ts';
export { deliveriesRoute } from './deliveries-route.ts';
export { healthRoute } from './health-route.ts';
export { reportRoute } from './report-route.ts';
export type { Route } from './types.ts';
