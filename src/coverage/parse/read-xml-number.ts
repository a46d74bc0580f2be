import { CoverageError } from '../coverage-error.ts';
import type { XmlElement } from './read-xml.ts';

/** A non-negative integer attribute of an XML element, or a CoverageError naming it. */
export function readXmlNumber({
  element,
  attribute,
  file,
  fallback,
  max = Number.MAX_SAFE_INTEGER,
}: {
  element: XmlElement;
  attribute: string;
  file: string;
  /** Used when the attribute is absent; without it, absence is an error. */
  fallback?: number;
  /** Highest value accepted (line numbers: MAX_LINE_NUMBER). */
  max?: number;
}): number {
  const text = element.attributes[attribute];
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new CoverageError({
      file,
      line: element.line,
      reason: `expected <${element.name} ${attribute}="<non-negative integer>">, found ${
        text === undefined ? `no ${attribute}` : `another ${attribute} value`
      }`,
    });
  }
  const value = Number(text);
  if (value > max) {
    throw new CoverageError({
      file,
      line: element.line,
      reason: `expected <${element.name} ${attribute}="<integer up to ${max}>">, found a larger ${attribute}`,
    });
  }
  return value;
}
