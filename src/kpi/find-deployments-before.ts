import type { DeploymentState } from './repo-facts.ts';
import type { ScopedRelease } from './types.ts';

/** The order of the redeploy chain (docs/kpis.md, "Rollbacks"): success time, creation, id. */
function compareSuccesses(a: DeploymentState, b: DeploymentState): number {
  return a.succeededAt! - b.succeededAt! || a.createdAt - b.createdAt || a.id - b.id;
}

/**
 * For each release (oldest first), the deployment that last succeeded
 * strictly before its publication in each environment (environments by
 * name): where the redeploy chain stands when the release is published. A
 * re-evaluation that reads facts from a release's publication on reads these
 * too, so the chain it rebuilds starts where the full one stands (docs/kpis.md,
 * "Re-evaluating only what can change").
 */
export function findDeploymentsBefore({
  deployments,
  releases,
}: {
  deployments: Iterable<DeploymentState>;
  releases: readonly ScopedRelease[];
}): number[][] {
  const byEnvironment = new Map<string, DeploymentState[]>();
  for (const d of deployments) {
    if (d.succeededAt === null) continue;
    const list = byEnvironment.get(d.environment);
    if (list) list.push(d);
    else byEnvironment.set(d.environment, [d]);
  }
  const out = releases.map((): number[] => []);
  for (const environment of [...byEnvironment.keys()].sort()) {
    const chain = byEnvironment.get(environment)!.sort(compareSuccesses);
    let next = 0;
    releases.forEach((release, i) => {
      while (next < chain.length && chain[next]!.succeededAt! < release.publishedAt) next++;
      if (next > 0) out[i]!.push(chain[next - 1]!.id);
    });
  }
  return out;
}
