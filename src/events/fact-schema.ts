import { z } from 'zod';
import type { Fact } from './types.ts';

// One normalized fact as JSON (docs/app.md, "Export and audit"): what a delivery or
// the REST backfill gave, times as epoch milliseconds. Unknown keys are an
// error: a fact line is written by Shipwell, never by hand.

const instant = z.number().int();
const text = z.string();
const nullableText = text.nullable();
const base = { repo: z.string().min(1), origin: z.string().min(1) };
const actor = z.strictObject({ login: text, isBot: z.boolean() });
const severity = z.enum(['critical', 'high', 'medium', 'low']);

const schemas = [
  z.strictObject({
    ...base,
    type: z.literal('release'),
    tag: text,
    name: nullableText,
    publishedAt: instant,
    draft: z.boolean(),
    prerelease: z.boolean(),
    deliveredAt: instant.nullable().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('release-sha'),
    tag: text,
    sha: text,
    via: z.enum(['target', 'push', 'api']),
    pushedAt: instant.nullable().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('retraction'),
    tag: text,
    action: z.enum(['deleted', 'unpublished', 'prereleased']),
    at: instant.nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('deployment-status'),
    deploymentId: z.number(),
    state: text,
    statusCreatedAt: instant,
    environment: text,
    sha: text,
    ref: text,
    deploymentCreatedAt: instant,
    creator: actor.nullable(),
    viaWorkflow: z.boolean(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('workflow-run'),
    runId: z.number(),
    attempt: z.number().int().positive(),
    name: text,
    event: text,
    conclusion: nullableText,
    headSha: text,
    headBranch: nullableText,
    startedAt: instant,
    updatedAt: instant,
    displayTitle: nullableText,
  }),
  z.strictObject({
    ...base,
    type: z.literal('approval'),
    runId: z.number(),
    attempt: z.number().int().positive(),
    approver: text,
    byBot: z.boolean(),
    sha: nullableText,
    ref: nullableText,
    at: instant,
    waitingSince: instant.nullable().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('label'),
    number: z.number(),
    label: text,
    title: text,
    body: nullableText,
    at: instant,
  }),
  z.strictObject({
    ...base,
    type: z.literal('merged-pull'),
    number: z.number(),
    headRef: text,
    title: text,
    mergedAt: instant,
  }),
  z.strictObject({
    ...base,
    type: z.literal('coverage'),
    checkRunId: z.number(),
    sha: text,
    covered: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    at: instant,
  }),
  z.strictObject({
    ...base,
    type: z.literal('recorded-rollback'),
    checkRunId: z.number(),
    sha: text,
    tag: nullableText,
    reason: nullableText,
    at: instant,
  }),
  z.strictObject({
    ...base,
    type: z.literal('alert'),
    number: z.number(),
    state: z.enum(['open', 'fixed', 'dismissed', 'auto_dismissed']),
    severity: severity.nullable(),
    createdAt: instant,
    updatedAt: instant,
    fixedAt: instant.nullable(),
    dismissedAt: instant.nullable(),
    autoDismissedAt: instant.nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('repo-info'),
    topics: z.array(text).nullable(),
    customProperties: z.record(text, z.union([text, z.array(text)])).nullable(),
    observedAt: instant.nullable(),
  }),
] as const;

/** Every fact type's JSON, told apart by `type`. */
export const FACT_SCHEMA: z.ZodType<Fact> = z.discriminatedUnion('type', schemas) as unknown as z.ZodType<Fact>;
