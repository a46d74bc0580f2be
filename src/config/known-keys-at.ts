import type { z } from 'zod';

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type Schema = z.core.$ZodType;

/**
 * The keys a mapping accepts at `path` inside `schema` (record keys and list
 * indexes step into the value type), or an empty list when there is no
 * mapping there. Used to name the closest key to an unknown one.
 */
export function knownKeysAt({ schema, path }: { schema: Schema; path: readonly PropertyKey[] }): string[] {
  let current: Schema | undefined = schema;
  let rest = path;
  while (current) {
    const def = current._zod.def as Def;
    switch (def.type) {
      case 'object': {
        const shape = def.shape as Record<string, Schema>;
        if (rest.length === 0) return Object.keys(shape);
        current = shape[String(rest[0])];
        rest = rest.slice(1);
        break;
      }
      case 'record':
        if (rest.length === 0) return [];
        current = def.valueType as Schema;
        rest = rest.slice(1);
        break;
      case 'array':
        if (rest.length === 0) return [];
        current = def.element as Schema;
        rest = rest.slice(1);
        break;
      case 'pipe': {
        const input = def.in as Schema;
        current = input._zod.def.type === 'transform' ? (def.out as Schema) : input;
        break;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        current = def.innerType as Schema;
        break;
      default:
        return [];
    }
  }
  return [];
}
