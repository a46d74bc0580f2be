import { createHash } from 'node:crypto';
import type { Fact, RepoInfoFact } from '../events/types.ts';
import { type FactSource, factContentKey, factIndexFields, reduceRepoInfo } from '../kpi/index.ts';
import { columnKey } from './column-key.ts';
import { orgOf } from './org-of.ts';
import type { Dialect, FactLog, SqlExecutor, SqlScalar, SqlValue } from './types.ts';
import { valuesList } from './values-list.ts';

/** A group as its column holds it: its kind as it is (`release:`…), the rest through columnKey. */
function groupKey(group: string): string {
  const colon = group.indexOf(':');
  return colon < 0 ? columnKey(group) : `${group.slice(0, colon + 1)}${columnKey(group.slice(colon + 1))}`;
}

/** A group stored by its hash (an over-long or NUL-holding name): the engine cannot be told its name back. */
const HASHED_GROUP = /^[a-z-]+:sha256:[0-9a-f]{64}$/;

/** Rows in one PostgreSQL statement: 12 parameters each, under its 65,535. */
const ROWS_PER_STATEMENT = 1000;

/** A `fact_rows` row as read: the fact's text (without origin) and the origins that said it. */
interface FactRow {
  body: string;
  least_origin: string;
  greatest_origin: string;
}

/** The fact a row stands for, once with its least origin and once with its greatest (when they differ). */
function factsOf(rows: readonly FactRow[]): Fact[] {
  const facts: Fact[] = [];
  for (const row of rows) {
    const content = JSON.parse(row.body) as Omit<Fact, 'origin'>;
    facts.push({ ...content, origin: row.least_origin } as Fact);
    if (row.greatest_origin !== row.least_origin) facts.push({ ...content, origin: row.greatest_origin } as Fact);
  }
  return facts;
}

/** Origins a delivery gives besides its id (src/events normalizers): `<delivery id>:custom-properties`. */
const DERIVED_SUFFIX = ':custom-properties';

/** The delivery id an origin column names (its derived suffix dropped), for an indexed lookup in `deliveries`. */
function deliveryIdOf(column: string): string {
  return `CASE WHEN ${column} LIKE '%${DERIVED_SUFFIX}' THEN substr(${column}, 1, length(${column}) - ${DERIVED_SUFFIX.length}) ELSE ${column} END`;
}

/** `column` is one of the list bound at `$k`: an array on PostgreSQL, a JSON text read by json_each on SQLite. */
function inList(dialect: Dialect, column: string, k: number): string {
  return dialect === 'postgres'
    ? `${column} = ANY($${k}::text[])`
    : `${column} IN (SELECT value FROM json_each($${k}))`;
}

/**
 * `fact_rows` read through one of its partial indexes: SQLite's planner,
 * without statistics, would rather scan a repository's rows by its group
 * index; PostgreSQL's planner keeps its own statistics.
 */
function factRowsBy(
  dialect: Dialect,
  index: 'fact_rows_sha' | 'fact_rows_ref' | 'fact_rows_last_at' | 'fact_rows_chains',
): string {
  return dialect === 'sqlite' ? `fact_rows INDEXED BY ${index}` : 'fact_rows';
}

/**
 * The fact types of the engine's chains (CHAIN_KINDS: a `deployment:` group
 * holds deployment statuses, a `coverage:` group coverage reports), written
 * exactly as migration 11's partial index `fact_rows_chains` says, so that
 * both planners use it.
 */
const CHAIN_TYPES = "type IN ('deployment-status', 'coverage')";

function listValue(dialect: Dialect, values: readonly string[]): SqlValue {
  return dialect === 'postgres' ? values : JSON.stringify(values);
}

/**
 * `fact_rows` (docs/architecture.md, "Facts and evaluations"): each distinct
 * fact content once per repository, with the least and greatest origin that
 * said it (what the engine's results depend on: factContentKey), and the
 * index fields a re-evaluation asks by (factIndexFields: group, times,
 * commit, tag), so storage grows with distinct facts, not with deliveries.
 * Of a repository's repo-info facts only those that decide its topics and
 * custom properties are kept (reduceRepoInfo). Every write that adds a
 * content or widens its origins logs the fact's group in `fact_changes`, in
 * the caller's transaction: what the next evaluation reads.
 */
export function createFactLog({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): FactLog {
  const upsert = async (rows: SqlScalar[][]): Promise<{ repo: string; grp: string }[]> => {
    const changed: { repo: string; grp: string }[] = [];
    const widen =
      dialect === 'postgres'
        ? 'least_origin = LEAST(fact_rows.least_origin, excluded.least_origin), greatest_origin = GREATEST(fact_rows.greatest_origin, excluded.greatest_origin)'
        : 'least_origin = min(fact_rows.least_origin, excluded.least_origin), greatest_origin = max(fact_rows.greatest_origin, excluded.greatest_origin)';
    // PostgreSQL: many rows a statement; SQLite: one prepared statement, row after row
    const perStatement = dialect === 'postgres' ? ROWS_PER_STATEMENT : 1;
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      changed.push(
        ...(await q.query<{ repo: string; grp: string }>(
          `INSERT INTO fact_rows (repo, org, content, type, grp, at, last_at, known_at, sha, ref, least_origin, greatest_origin, body)
           VALUES ${valuesList({ rows: chunk.length, columns: 13 })}
           ON CONFLICT (repo, content) DO UPDATE SET ${widen}
           WHERE excluded.least_origin < fact_rows.least_origin OR excluded.greatest_origin > fact_rows.greatest_origin
           RETURNING repo, grp`,
          chunk.flat(),
        )),
      );
    }
    return changed;
  };

  /**
   * The content key of a fact: its group's key, then the SHA-256 of what it
   * says (factContentKey) with its repository. Led by the group, a
   * repository's new facts land beside their group's (a run's attempts, a
   * deployment's statuses) or at the end of the key, not on a random page
   * of a large table: writing stays as cheap with a million stored facts.
   */
  const contentOf = (fact: Fact, group = factIndexFields(fact).group): string =>
    `${groupKey(group)} ${createHash('sha256')
      .update(`${fact.repo}\u0000${factContentKey(fact)}`)
      .digest('base64url')}`;

  /**
   * Of each repository's repo-info facts, stored and new, only those that
   * decide its topics and custom properties are kept (reduceRepoInfo): the
   * stored rows that no longer decide go, and the new facts that do not
   * decide are never written. One read for every repository of the write
   * (a batch of deliveries touches many). Returns the new facts to write.
   */
  const keepDecidingRepoInfo = async (added: ReadonlyMap<string, readonly RepoInfoFact[]>): Promise<RepoInfoFact[]> => {
    const stored = await q.query<FactRow & { repo: string; content: string }>(
      // by the group index: a repository's repo-info groups are `repo-info:…`
      `SELECT repo, content, body, least_origin, greatest_origin FROM fact_rows
       WHERE ${inList(dialect, 'repo', 1)} AND grp >= 'repo-info:' AND grp < 'repo-info;'`,
      [listValue(dialect, [...added.keys()])],
    );
    const kept: RepoInfoFact[] = [];
    for (const [repo, facts] of added) {
      const rows = stored.filter((row) => row.repo === repo);
      const contents = new Map<RepoInfoFact, string>();
      for (const row of rows) for (const fact of factsOf([row])) contents.set(fact as RepoInfoFact, row.content);
      for (const fact of facts) contents.set(fact, contentOf(fact));
      const deciding = new Set(reduceRepoInfo([...contents.keys()]).deciding.map((fact) => contents.get(fact)!));
      for (const row of rows) {
        if (!deciding.has(row.content))
          await q.query('DELETE FROM fact_rows WHERE repo = $1 AND content = $2', [repo, row.content]);
      }
      kept.push(...facts.filter((fact) => deciding.has(contents.get(fact)!)));
    }
    return kept;
  };

  return {
    async write({ facts }) {
      const infos = new Map<string, RepoInfoFact[]>();
      const others: Fact[] = [];
      for (const fact of facts) {
        if (fact.type === 'repo-info') infos.set(fact.repo, [...(infos.get(fact.repo) ?? []), fact]);
        else others.push(fact);
      }
      if (infos.size > 0) others.push(...(await keepDecidingRepoInfo(infos)));
      const rows = new Map<string, SqlScalar[]>();
      for (const fact of others) {
        const fields = factIndexFields(fact);
        const content = contentOf(fact, fields.group);
        const key = `${fact.repo}\u0000${content}`;
        const seen = rows.get(key);
        if (seen) {
          // one content twice in one write (one PostgreSQL upsert may not touch a row twice): widen its origins
          if (fact.origin < (seen[10] as string)) seen[10] = fact.origin;
          if (fact.origin > (seen[11] as string)) seen[11] = fact.origin;
          continue;
        }
        const { origin: _origin, ...body } = fact;
        rows.set(key, [
          fact.repo,
          orgOf(fact.repo),
          content,
          fact.type,
          groupKey(fields.group),
          fields.at,
          fields.lastAt,
          fields.knownAt,
          fields.sha === null ? null : columnKey(fields.sha),
          fields.ref === null ? null : columnKey(fields.ref),
          fact.origin,
          fact.origin,
          JSON.stringify(body),
        ]);
      }
      const changed = await upsert([...rows.values()]);
      const unique = [...new Map(changed.map((row) => [`${row.repo}\u0000${row.grp}`, row])).values()];
      for (let from = 0; from < unique.length; from += ROWS_PER_STATEMENT) {
        const logged = unique.slice(from, from + ROWS_PER_STATEMENT);
        await q.query(
          `INSERT INTO fact_changes (repo, grp) VALUES ${valuesList({ rows: logged.length, columns: 2 })}`,
          logged.flatMap(({ repo, grp }) => [repo, grp]),
        );
      }
    },

    async read(scope) {
      const rows =
        'repo' in scope
          ? await q.query<FactRow>('SELECT body, least_origin, greatest_origin FROM fact_rows WHERE repo = $1', [
              scope.repo,
            ])
          : await q.query<FactRow>('SELECT body, least_origin, greatest_origin FROM fact_rows WHERE org = $1', [
              scope.org,
            ]);
      return factsOf(rows);
    },

    async exportPage({ org, limit, after }) {
      const rows = await q.query<FactRow & { repo: string; content: string }>(
        `SELECT repo, content, body, least_origin, greatest_origin FROM fact_rows f
         WHERE org = $1 AND (repo > $2 OR (repo = $2 AND content > $3))
           AND (NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = ${deliveryIdOf('f.least_origin')})
             OR NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = ${deliveryIdOf('f.greatest_origin')}))
         ORDER BY repo, content LIMIT $4`,
        [org, after?.repo ?? '', after?.content ?? '', limit],
      );
      const last = rows.at(-1);
      return {
        facts: factsOf(rows),
        count: rows.length,
        last: last ? { repo: last.repo, content: last.content } : null,
      };
    },

    source({ repo }): FactSource {
      const select = (where: string, params: SqlValue[]) =>
        q.query<FactRow>(`SELECT body, least_origin, greatest_origin FROM fact_rows WHERE repo = $1 AND ${where}`, [
          repo,
          ...params,
        ]);
      return {
        allFacts: async () => factsOf(await select('1 = 1', [])),
        // by the group index: release, release-sha and retraction facts are the `release:…` groups
        releaseFacts: async () => factsOf(await select("grp >= 'release:' AND grp < 'release;'", [])),
        async earliestAt({ groups, shas, refs }) {
          const rows = await q.query<{ at: number | string | null }>(
            // one indexed lookup each (an OR of the three would scan the repository's facts); `IS NOT NULL`
            // lets SQLite use the partial indexes
            `SELECT MIN(at) AS at FROM fact_rows WHERE repo = $1 AND grp IN (
               SELECT grp FROM fact_rows WHERE repo = $1 AND ${inList(dialect, 'grp', 2)}
               UNION SELECT grp FROM ${factRowsBy(dialect, 'fact_rows_sha')} WHERE repo = $1 AND sha IS NOT NULL AND ${inList(dialect, 'sha', 3)}
               UNION SELECT grp FROM ${factRowsBy(dialect, 'fact_rows_ref')} WHERE repo = $1 AND ref IS NOT NULL AND ${inList(dialect, 'ref', 4)})`,
            [
              repo,
              listValue(dialect, groups.map(groupKey)),
              listValue(dialect, shas.map(columnKey)),
              listValue(dialect, refs.map(columnKey)),
            ],
          );
          const at = rows[0]?.at ?? null;
          return at === null ? null : Number(at);
        },
        async groupsKnownBetween({ after, upTo }) {
          const rows = await q.query<{ body: string; least_origin: string; greatest_origin: string }>(
            `SELECT body, least_origin, greatest_origin FROM fact_rows WHERE repo = $1 AND known_at > $2 AND known_at <= $3`,
            [repo, after, upTo],
          );
          // the groups as the engine names them (a long name is stored hashed)
          return [...new Set(factsOf(rows).map((fact) => factIndexFields(fact).group))].sort();
        },
        async select({ since, chainsSince, shas, groups }) {
          // one indexed lookup each (an OR would scan the repository's facts)
          const params: SqlValue[] = [
            listValue(dialect, groups.map(groupKey)),
            listValue(dialect, shas.map(columnKey)),
          ];
          let byTime = '';
          if (since !== null) {
            params.push(since);
            byTime += ` UNION SELECT grp FROM ${factRowsBy(dialect, 'fact_rows_last_at')} WHERE repo = $1 AND last_at IS NOT NULL AND last_at >= $${params.length + 1}`;
          }
          if (chainsSince !== null) {
            // the chains' own partial index (isChainGroup): the facts of other kinds in between are not read
            params.push(chainsSince);
            byTime += ` UNION SELECT grp FROM ${factRowsBy(dialect, 'fact_rows_chains')} WHERE repo = $1 AND ${CHAIN_TYPES} AND last_at >= $${params.length + 1}`;
          }
          const rows = await select(
            `grp IN (SELECT grp FROM fact_rows WHERE repo = $1 AND ${inList(dialect, 'grp', 2)}
               UNION SELECT grp FROM ${factRowsBy(dialect, 'fact_rows_sha')} WHERE repo = $1 AND sha IS NOT NULL AND ${inList(dialect, 'sha', 3)}${byTime})`,
            params,
          );
          return factsOf(rows);
        },
      };
    },

    async changes({ repo }) {
      const rows = await q.query<{ id: number | string; grp: string }>(
        'SELECT id, grp FROM fact_changes WHERE repo = $1 ORDER BY id',
        [repo],
      );
      const ids = rows.map((row) => Number(row.id));
      // everything again: facts were forgotten, or a group is known only by its hash (an over-long name)
      if (rows.some((row) => row.grp === '*' || HASHED_GROUP.test(row.grp))) return { ids, groups: 'all' };
      return { ids, groups: [...new Set(rows.map((row) => row.grp))].sort() };
    },

    async consume({ ids }) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await q.query(`DELETE FROM fact_changes WHERE id IN (${chunk.map((_, k) => `$${k + 1}`).join(', ')})`, chunk);
      }
    },

    async nextKnownAt({ repo, after }) {
      const rows = await q.query<{ at: number | string | null }>(
        'SELECT MIN(known_at) AS at FROM fact_rows WHERE repo = $1 AND known_at > $2',
        [repo, after],
      );
      const at = rows[0]?.at ?? null;
      return at === null ? null : Number(at);
    },

    async forget({ repo, origins }) {
      // facts said only by these deliveries go; the repository is evaluated again in full
      for (const origin of origins) {
        await q.query('DELETE FROM fact_rows WHERE repo = $1 AND least_origin = $2 AND greatest_origin = $2', [
          repo,
          origin,
        ]);
      }
      await q.query("INSERT INTO fact_changes (repo, grp) VALUES ($1, '*')", [repo]);
    },
  };
}
