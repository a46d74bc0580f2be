import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ConfigError } from './config-error.ts';
import { findYamlLine } from './find-yaml-line.ts';

/** A config file's text read as YAML, not yet validated. */
export interface ConfigText {
  /** The document as a plain value (null for an empty file). */
  value: unknown;
  /** The 1-based line of the key at `path` (see findYamlLine). */
  lineOf: (path: readonly PropertyKey[]) => number | null;
  /** The `segments` keys as written (a JavaScript object lists integer-like keys first). */
  segmentOrder: string[];
}

/**
 * Reads `.github/shipwell.yml` text: YAML 1.2 core schema (timestamps stay
 * text, `yes`/`on` are not booleans; `<<` merge keys allowed). Throws a
 * ConfigError with `file:line` for YAML syntax errors and for merges or
 * aliases that cannot become a value.
 */
export function readConfigText({ text, file }: { text: string; file: string }): ConfigText {
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
  return {
    value,
    lineOf: (path) => findYamlLine({ doc, lineCounter, path }),
    segmentOrder: segmentKeys(doc.get('segments', true)),
  };
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

function segmentKeys(node: unknown): string[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
}
