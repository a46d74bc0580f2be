import { z } from 'zod';
import { configSchema } from './config-schema.ts';

/**
 * The JSON Schema of `.github/shipwell.yml` for editors, generated from the
 * zod schema (what a user may write: defaults shown, nothing required), as
 * the text committed in `schema/shipwell.schema.json`.
 */
export function renderJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  const document = { ...schema, title: 'Shipwell config (.github/shipwell.yml)' };
  return `${JSON.stringify(document, null, 2)}\n`;
}
