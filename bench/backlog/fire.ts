// The load generator of the backlog benchmark, in its own process (started
// by fire-deliveries.ts: at a lower priority when it runs as fast as it can,
// so it cannot starve the server it measures): signed, distinct deliveries with fresh ids, as fast as
// `connections` allow or at `rate` per second. Prints one JSON line.
//   node bench/backlog/fire.ts '{"port":…,"seconds":…,"rate":…,"first":…,"repos":…,"secret":…[,"start":…]}'
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { workflowRunPayloads } from './payloads.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as {
  port: number;
  seconds: number;
  rate?: number;
  first: number;
  repos: number;
  secret: string;
  connections?: number;
  /** A file the ids of acknowledged (2xx) deliveries are appended to, one a line. */
  acked?: string;
  /** When run 0 started (ms): the payload maker's default when absent. */
  start?: number;
};
const payloads = workflowRunPayloads({
  repos: options.repos,
  secret: options.secret,
  ...(options.start === undefined ? {} : { start: options.start }),
});
let n = options.first;
const acked: string[] = [];
/** This process's CPU since `from` as a share of one core over the same wall time. */
function cpuShareSince(from: { cpu: NodeJS.CpuUsage; at: number }): number {
  const { user, system } = process.cpuUsage(from.cpu);
  return (user + system) / 1000 / (performance.now() - from.at);
}
const started = { cpu: process.cpuUsage(), at: performance.now() };
const result = await autocannon({
  url: `http://127.0.0.1:${options.port}/api/github/webhooks`,
  method: 'POST',
  connections: options.connections ?? (options.rate ? 20 : 32),
  duration: options.seconds,
  ...(options.rate ? { overallRate: options.rate } : {}),
  headers: { 'content-type': 'application/json', 'x-github-event': 'workflow_run' },
  requests: [
    {
      setupRequest: (request, context) => {
        const body = payloads.body(n++);
        const id = randomUUID();
        context.id = id;
        return {
          ...request,
          body,
          headers: {
            ...request.headers,
            'x-github-delivery': id,
            'x-hub-signature-256': payloads.sign(body),
          },
        };
      },
      onResponse: (status, _body, context) => {
        if (status >= 200 && status < 300) acked.push(String(context.id));
      },
    },
  ],
});
if (options.acked) appendFileSync(options.acked, acked.map((id) => `${id}\n`).join(''));
console.log(
  JSON.stringify({
    sent: result.requests.total,
    ok: result.requests.total - result.non2xx - result.errors - result.timeouts,
    rate: (result.requests.total - result.non2xx) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.non2xx + result.errors + result.timeouts,
    next: n,
    cpuShare: cpuShareSince(started),
  }),
);
