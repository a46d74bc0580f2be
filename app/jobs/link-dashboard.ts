import { encodeLinkPart } from '../../src/markdown/index.ts';

/**
 * The org's dashboard on this App, open at a segment, when the App knows
 * where people reach it (SHIPWELL_PUBLIC_URL): `https://…/shipwell?org=acme&segment=cloud`
 * (docs/app.md, "Routes"); null when it does not.
 */
export function linkDashboard({
  publicUrl,
  org,
  segment,
}: {
  publicUrl: string | null;
  org: string;
  segment: string;
}): string | null {
  if (publicUrl === null) return null;
  return `${publicUrl}/shipwell?org=${encodeLinkPart(org)}&segment=${encodeLinkPart(segment)}`;
}
