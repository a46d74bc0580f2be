import { CoverageError } from './coverage-error.ts';
import type { XmlElement } from './read-xml.ts';

/** A non-negative integer attribute of an XML element, or a CoverageError naming it. */
export function readXmlNumber({
  element,
  attribute,
  file,
  fallback,
}: {
  element: XmlElement;
  attribute: string;
  file: string;
  /** Used when the attribute is absent; without it, absence is an error. */
  fallback?: number;
}): number {
  const text = element.attributes[attribute];
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new CoverageError({
      file,
      line: element.line,
      reason: `expected <${element.name} ${attribute}="<non-negative integer>">, found ${
        text === undefined ? `no ${attribute}` : `${attribute}=${JSON.stringify(text)}`
      }`,
    });
  }
  return Number(text);
}
