/**
 * Whether a client's `Accept-Encoding` takes gzip (docs/app.md, "Compressed
 * answers"): `gzip` (or its alias `x-gzip`) named with a weight above zero,
 * or, when neither is named, `*` with a weight above zero. A weight that is
 * not a number counts as zero. No header: no.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let named: number | undefined;
  let any: number | undefined;
  for (const entry of header.split(',')) {
    const [coding = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2)) || 0;
    if (coding === 'gzip' || coding === 'x-gzip') named = Math.max(named ?? 0, weight);
    else if (coding === '*') any = weight;
  }
  return (named ?? any ?? 0) > 0;
}
