import { RE2JS } from 're2js';

/**
 * A compiled RE2 regular expression (re2js, pure JavaScript): `test` searches
 * anywhere in the text in time linear in its length, whatever the pattern.
 * Two with the same `source` are equal values (the compiled program is private).
 * Throws RE2's syntax error for what RE2 cannot express.
 */
export class LinearRegex {
  readonly source: string;
  readonly #compiled: RE2JS;

  constructor(source: string) {
    this.source = source;
    this.#compiled = RE2JS.compile(source);
  }

  test(text: string): boolean {
    return this.#compiled.test(text);
  }
}
