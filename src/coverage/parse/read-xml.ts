import { SaxesParser } from 'saxes';
import { CoverageError } from '../coverage-error.ts';

const PIECE = 16 * 1024;

/**
 * The XML parser's message without what it quotes from the document (a
 * name, a namespace URI): the file may not be a report, and its text secret.
 */
function withoutContent(message: string): string {
  return message.replace(/(:| to ).*$/s, '').replace(/\.$/, '');
}

/** What an XML report parser sees of one start tag. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Names of the open ancestors, outermost first. */
  ancestors: readonly string[];
  /** 1-based line of the tag's end. */
  line: number;
}

/**
 * Streams an XML document through saxes (never holding it whole), calling
 * `onElement` for each start tag and `onEnd` for each end tag. Malformed or
 * truncated XML throws a CoverageError at the line where it was noticed.
 */
export async function readXml({
  chunks,
  file,
  onElement,
  onEnd,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
  onElement: (element: XmlElement) => void;
  onEnd?: (name: string, line: number) => void;
}): Promise<{ root: string | null; lines: number }> {
  const parser = new SaxesParser({ position: true });
  const ancestors: string[] = [];
  let root: string | null = null;
  parser.on('error', (error) => {
    throw new CoverageError({
      file,
      line: parser.line,
      reason: `expected well-formed XML, found an error: ${withoutContent(error.message.replace(/^\d+:\d+: /, ''))}`,
    });
  });
  parser.on('opentag', (tag) => {
    root ??= tag.name;
    onElement({ name: tag.name, attributes: tag.attributes as Record<string, string>, ancestors, line: parser.line });
    if (!tag.isSelfClosing) ancestors.push(tag.name);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) ancestors.pop();
    onEnd?.(tag.name, parser.line);
  });
  // saxes itself may throw on some malformed input (a lone surrogate after `<!`
  // is a RangeError): that is malformed XML too, at the line it was noticed
  const feed = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (error) {
      if (error instanceof CoverageError) throw error;
      throw new CoverageError({
        file,
        line: parser.line,
        reason: `expected well-formed XML, found an error: ${withoutContent((error as Error).message)}`,
      });
    }
  };
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      feed(chunk);
      continue;
    }
    // Decoded in small pieces: short-lived strings stay in V8's young generation
    // (a large decoded chunk is kept outside it until a full GC), keeping peak RSS low.
    for (let i = 0; i < chunk.length; i += PIECE) feed(decoder.decode(chunk.subarray(i, i + PIECE), { stream: true }));
  }
  const rest = decoder.decode();
  if (rest) feed(rest);
  feed(null);
  return { root, lines: parser.line };
}
