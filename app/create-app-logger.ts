import { getTransformStream } from '@probot/pino';
import pino from 'pino';
import type { Logger } from 'probot';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/**
 * pino writes a child's bindings after its parent's, so a `name` bound twice
 * (Probot's `probot`, then `github` for its clients) appears twice in a line.
 * Here a child that binds a name its parent already has is made from the
 * root with one name, the two joined: `probot/github`.
 */
function nameOnce(root: pino.Logger): pino.Logger {
  const pinoChild = root.child as unknown as (
    this: pino.Logger,
    bindings: pino.Bindings,
    options?: pino.ChildLoggerOptions,
  ) => pino.Logger;
  const patch = (logger: pino.Logger): pino.Logger => {
    logger.child = function child(this: pino.Logger, bindings = {}, options = {}) {
      const parent = this.bindings();
      const made =
        'name' in bindings && 'name' in parent
          ? pinoChild.call(
              root,
              { ...parent, ...bindings, name: `${String(parent.name)}/${String(bindings.name)}` },
              { level: this.level, ...options },
            )
          : pinoChild.call(this, bindings, options);
      return patch(made);
    } as unknown as pino.Logger['child'];
    return logger;
  };
  return patch(root);
}

/** Keys pino writes itself on every line; a logged object holding one would repeat it. */
const WRITTEN = ['level', 'time', 'pid', 'hostname', 'name'];

/**
 * Probot logs request bodies as a line's fields (a check run's `name`):
 * keys pino writes itself are set aside under `fields` instead of repeated.
 */
function setAsideWrittenKeys(messageKey: string) {
  return (object: Record<string, unknown>): Record<string, unknown> => {
    const clashing = [...WRITTEN, messageKey].filter((key) => Object.hasOwn(object, key));
    if (clashing.length === 0) return object;
    const kept = { ...object };
    const fields: Record<string, unknown> = {};
    for (const key of clashing) {
      fields[key] = kept[key];
      delete kept[key];
    }
    return { ...kept, fields };
  };
}

/**
 * The App's logger, with Probot's variables and formatting (docs/app.md,
 * "Logs"): `LOG_LEVEL` (default `info`), `LOG_FORMAT` (`json`, else pretty),
 * `LOG_LEVEL_IN_STRING`, `LOG_MESSAGE_KEY`, and `SENTRY_DSN` (errors go to
 * Sentry; needs `@sentry/node` installed). Every line carries one `name`:
 * `shipwell` for ours, `probot` (or `probot/github`, … for its parts) for
 * Probot's — its own logger named each line twice — and no key twice.
 */
export async function createAppLogger(env: Record<string, string | undefined>): Promise<Logger> {
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!LEVELS.has(level)) {
    throw new Error(`LOG_LEVEL: expected one of ${[...LEVELS].join(', ')}, found ${JSON.stringify(env.LOG_LEVEL)}`);
  }
  const sentryDsn = env.SENTRY_DSN?.trim() || undefined;
  if (sentryDsn !== undefined) {
    // Probot would otherwise try to download it with npx at start when run under npx
    try {
      import.meta.resolve('@sentry/node');
    } catch {
      throw new Error(
        'SENTRY_DSN is set but @sentry/node is not installed: install it beside the App with `npm install --no-save @sentry/node@9.43.0` (docs/app.md, "Logs")',
      );
    }
  }
  const transform = await getTransformStream({
    logFormat: env.LOG_FORMAT === 'json' ? 'json' : 'pretty',
    logLevelInString: env.LOG_LEVEL_IN_STRING === 'true',
    sentryDsn,
  });
  // the destination Probot's own logger writes to (stdout, asynchronously)
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  const messageKey = env.LOG_MESSAGE_KEY?.trim() || 'msg';
  return nameOnce(
    pino({ level, messageKey, formatters: { log: setAsideWrittenKeys(messageKey) } }, transform),
  ) as unknown as Logger;
}
