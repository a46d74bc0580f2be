// JSON.parse keeps the last of two equal keys silently; log collectors do
// not all agree. This walks a JSON text and names every key an object holds
// twice (`name`, `req.method`).

/** The dotted paths of keys that appear twice in one object of `text` (valid JSON). */
export function findDuplicateKeys(text: string): string[] {
  JSON.parse(text);
  const duplicates: string[] = [];
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const key = string();
        if (keys.has(key)) duplicates.push(`${path}${key}`);
        keys.add(key);
        space();
        i++; // ':'
        value(`${path}${key}.`);
        space();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(path);
        space();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') {
      string();
      return;
    }
    while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++;
  };
  value('');
  return duplicates;
}
