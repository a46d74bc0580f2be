import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { idField, instantField, optionalInstantField, optionalStringField, repositoryField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import type { NormalizedDelivery, Severity } from './types.ts';

const severityHolder = z.looseObject({ severity: optionalStringField }).nullish();

const dependabotAlert = z.looseObject({
  repository: repositoryField,
  alert: z.looseObject({
    number: idField,
    state: z.enum(['open', 'fixed', 'dismissed', 'auto_dismissed']),
    security_advisory: severityHolder,
    security_vulnerability: severityHolder,
    created_at: instantField,
    updated_at: optionalInstantField,
    fixed_at: optionalInstantField,
    dismissed_at: optionalInstantField,
    auto_dismissed_at: optionalInstantField,
  }),
});

const SEVERITIES: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  moderate: 'medium',
  low: 'low',
};

/** Lower-cased; `moderate` is `medium`; a severity we do not know is null (default SLA). */
function toSeverity(text: string | null): Severity | null {
  return text === null ? null : (SEVERITIES[text.toLowerCase()] ?? null);
}

/** Every `dependabot_alert` action is one observation of the alert (docs/kpis.md, "Security-patch coverage"). */
export function normalizeDependabotAlert({ delivery }: EventContext): NormalizedDelivery {
  const { repository, alert } = readPayload({ delivery, schema: dependabotAlert });
  const severity = alert.security_advisory?.severity ?? alert.security_vulnerability?.severity ?? null;
  return {
    kind: 'facts',
    facts: [
      {
        type: 'alert',
        repo: repository.full_name,
        origin: delivery.id,
        number: alert.number,
        state: alert.state,
        severity: toSeverity(severity),
        createdAt: alert.created_at,
        updatedAt: alert.updated_at ?? alert.created_at,
        fixedAt: alert.fixed_at,
        dismissedAt: alert.dismissed_at,
        autoDismissedAt: alert.auto_dismissed_at,
      },
    ],
  };
}
