/** The tag a ref names when it names one: `v1` and `refs/tags/v1` both name `v1` (docs/kpis.md, "Rollbacks"). */
export function tagOfRef(ref: string): string {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ref;
}
