import { z } from 'zod';
import { configSchema } from './config-schema.ts';

/**
 * Where every user's editor finds the schema (docs/configuration.md, "Editor
 * support"): the committed file at the major version's tag on GitHub, which
 * exists for repositories in any language (node_modules does not), and
 * moves with each release of that major version. The release workflow
 * checks its tag is the major version being released.
 */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/shipwell/shipwell/v1/schema/shipwell.schema.json';

/**
 * The JSON Schema of `.github/shipwell.yml` for editors, generated from the
 * zod schema (what a user may write: defaults shown, nothing required), as
 * the text committed in `schema/shipwell.schema.json`, identified by
 * SCHEMA_URL.
 */
export function renderJsonSchema(): string {
  const { $schema, ...schema } = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  const document = { $schema, $id: SCHEMA_URL, title: 'Shipwell config (.github/shipwell.yml)', ...schema };
  return `${JSON.stringify(document, null, 2)}\n`;
}
