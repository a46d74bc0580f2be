// Entry of the App process the fault scenarios start and kill: the real App
// (app/start-app.ts, as `npm start` runs it: Probot's server, its worker
// thread, Probot's default Octokit with retries and throttling) with a short
// redelivery scan interval (`npm start` scans every 10 minutes), so deliveries
// GitHub could not hand over are asked for again within the test.
//   SHIPWELL_TEST_REDELIVERY_MS=2000 node test/faults/serve-app.ts
import { startApp } from '../../app/start-app.ts';

const redeliveryInterval = Number(process.env.SHIPWELL_TEST_REDELIVERY_MS ?? 2_000);
const app = await startApp({ timing: { pollInterval: 1_000, redeliveryInterval } });
console.log(`listening on port ${app.port}`);
const stop = () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
