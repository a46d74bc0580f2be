// Entry of the App process the fault scenarios start and kill: the real App
// (app/run-app.ts, as `npm start` runs it: Probot's server, its worker
// thread, Probot's default Octokit with retries and throttling) with a short
// redelivery scan interval (`npm start` scans every 10 minutes), so deliveries
// GitHub could not hand over are asked for again within the test.
//   SHIPWELL_TEST_REDELIVERY_MS=2000 node test/faults/serve-app.ts
import { runApp } from '../../app/run-app.ts';

const redeliveryInterval = Number(process.env.SHIPWELL_TEST_REDELIVERY_MS ?? 2_000);
const app = await runApp({ timing: { pollInterval: 1_000, redeliveryInterval } });
if (app) console.log(`listening on port ${app.port}, dashboard on port ${app.dashboardPort ?? app.port}`);
