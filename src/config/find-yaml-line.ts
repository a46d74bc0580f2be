import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/**
 * The 1-based line of the key at `path` in a parsed YAML document (of the
 * list item, for an index), or of the deepest enclosing node found when the
 * path goes where the text does not (a default, a merged `<<` value); null
 * when the document has no content.
 */
export function findYamlLine({
  doc,
  lineCounter,
  path,
}: {
  doc: Document;
  lineCounter: LineCounter;
  path: readonly PropertyKey[];
}): number | null {
  let node: unknown = doc.contents;
  let at = lineOf(node, lineCounter);
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (!pair) break;
      at = lineOf(pair.key, lineCounter) ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      at = lineOf(item, lineCounter) ?? at;
      node = item;
    } else {
      break;
    }
  }
  return at;
}

function lineOf(node: unknown, lineCounter: LineCounter): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : null;
}
