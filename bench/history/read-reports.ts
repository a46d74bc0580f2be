// The report reader of the history benchmark, in its own process (started at
// a lower priority by run-history-bench.ts, like the load generator, so the
// client reading megabytes of reports does not take the cores from the
// server it measures): reads the org report back to back until SIGTERM,
// then prints how many it read.
//   node bench/history/read-reports.ts '{"url":…,"token":…}'
const { url, token } = JSON.parse(process.argv[2] ?? '{}') as { url: string; token: string };
let reading = true;
let count = 0;
process.once('SIGTERM', () => {
  reading = false;
});
while (reading) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`report answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  count++;
}
console.log(JSON.stringify({ count }));
