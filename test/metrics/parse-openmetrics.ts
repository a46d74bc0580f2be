// A real, strict OpenMetrics parser: the Prometheus project's Python client
// (Debian's python3-prometheus-client), run on the text we expose. Where it is
// missing, fails with one line naming the package: never a silent skip.
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import json, sys
try:
    from prometheus_client.openmetrics.parser import text_string_to_metric_families
except ImportError:
    print("MISSING", file=sys.stderr); sys.exit(3)
families = []
for f in text_string_to_metric_families(sys.stdin.read()):
    families.append({"name": f.name, "type": f.type, "help": f.documentation,
                     "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]})
print(json.dumps(families))
`;

export interface ParsedFamily {
  name: string;
  type: string;
  help: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

/** Parses OpenMetrics text, or throws the parser's own error (a missing `# EOF`, a bad line…). */
export function parseOpenMetrics(text: string): ParsedFamily[] {
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: text, encoding: 'utf8' });
  if (run.error || run.status === 3) {
    throw new Error(
      `OpenMetrics parser not found: install the Debian package "python3-prometheus-client" (.ci/apt-packages lists it)`,
    );
  }
  if (run.status !== 0)
    throw new Error(`OpenMetrics parser rejected the text: ${run.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(run.stdout) as ParsedFamily[];
}
