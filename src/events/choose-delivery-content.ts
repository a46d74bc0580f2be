import { compareCodePoints } from './compare-code-points.ts';

/**
 * Which of one delivery id's different contents (deliveryContent) is read:
 * the greatest in code point order (the byte order of its UTF-8), so the
 * choice depends on what the contents say, never on which came first
 * (docs/kpis.md, "One delivery id, two payloads"). Returns its index.
 */
export function chooseDeliveryContent(contents: readonly string[]): number {
  let chosen = 0;
  for (let i = 1; i < contents.length; i++) {
    if (compareCodePoints(contents[i]!, contents[chosen]!) > 0) chosen = i;
  }
  return chosen;
}
