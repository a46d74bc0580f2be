// The program c8 measures to produce the benchmark's real lcov report: it
// exercises zod and yaml from this repo's node_modules.
import { parse, stringify } from 'yaml';
import { z } from 'zod';

const schema = z.object({ name: z.string(), tags: z.array(z.string()), size: z.number().int() });
for (let i = 0; i < 200; i++) {
  const text = stringify({ name: `item ${i}`, tags: ['a', 'b'], size: i });
  schema.parse(parse(text));
  schema.safeParse({ name: i });
}
