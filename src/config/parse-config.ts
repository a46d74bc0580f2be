import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ConfigError } from './config-error.ts';
import { findYamlLine } from './find-yaml-line.ts';
import type { Config } from './types.ts';
import { validateConfig } from './validate-config.ts';

/**
 * Reads `.github/shipwell.yml` text: YAML 1.2 core schema (timestamps stay
 * text, `yes`/`on` are not booleans; `<<` merge keys allowed), validated, every
 * default filled. An empty file gives the defaults; `_extends` is accepted and
 * ignored (only Probot follows it). Throws a ConfigError listing every
 * problem with `file:line`, YAML syntax errors included.
 */
export function parseConfig({ text, file }: { text: string; file: string }): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', merge: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError({
      file,
      issues: doc.errors.map((error) => ({
        path: '',
        line: error.linePos?.[0].line ?? null,
        message: `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError({
      file,
      issues: [{ path: '', line: aliasLine({ doc, lineCounter }), message: `invalid YAML: ${reason}` }],
    });
  }
  const config = validateConfig({ value, file, lineOf: (path) => findYamlLine({ doc, lineCounter, path }) });
  return { ...config, segments: inFileOrder(config.segments, segmentKeys(doc.get('segments', true))) };
}

/**
 * Where a document that parsed fails to become a value: only `<<` merges and
 * aliases can make `toJS` throw (a merge of something that is not a map,
 * unresolved or excessive aliases), so the line of the first merge key, else
 * of the first alias.
 */
function aliasLine({ doc, lineCounter }: { doc: Document; lineCounter: LineCounter }): number | null {
  let merge: number | null = null;
  let alias: number | null = null;
  visit(doc, {
    Alias(_, node) {
      alias ??= node.range?.[0] ?? null;
    },
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.source === '<<') merge ??= pair.key.range?.[0] ?? null;
    },
  });
  const offset = merge ?? alias;
  return offset === null ? null : lineCounter.linePos(offset).line;
}

/** The `segments` keys as written (a JavaScript object lists integer-like keys first). */
function segmentKeys(node: unknown): string[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
}

function inFileOrder(segments: Config['segments'], keys: string[]): Config['segments'] {
  const rank = (name: string) => {
    const index = keys.indexOf(name);
    return index === -1 ? keys.length : index;
  };
  return [...segments].sort((a, b) => rank(a.name) - rank(b.name));
}
