import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf } from './facts-of.ts';
import { webhookDelivery } from './load-webhook.ts';

describe('deployment_status deliveries', () => {
  it('a status of a deployment a person created, from the real payload', () => {
    const delivery = webhookDelivery('deployment_status.created');
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'deployment-status',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        deploymentId: 145988746,
        state: 'success',
        statusCreatedAt: Date.parse('2019-05-15T15:20:55Z'),
        environment: 'production',
        sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        ref: 'master',
        deploymentCreatedAt: Date.parse('2019-05-15T15:20:53Z'),
        creator: { login: 'Codertocat', isBot: false },
        viaWorkflow: false,
      },
    ]);
  });

  it('a deployment made by a workflow, created by a bot (type Bot)', () => {
    const [fact] = eventFactsOf(normalizeDelivery(webhookDelivery('deployment_status.created-by-workflow')));
    expect(fact).toMatchObject({
      state: 'in_progress',
      environment: 'github-pages',
      creator: { login: 'github-pages[bot]', isBot: true },
      viaWorkflow: true,
    });
  });

  it.each([
    [{ login: 'renovate[bot]', type: 'User' }, true],
    [{ login: 'deployer', type: 'Bot' }, true],
    [{ login: 'octocat', type: 'User' }, false],
    [{ login: 'bot-lover', type: 'User' }, false],
  ])('bot detection: %o → isBot %s', (creator, isBot) => {
    const delivery = webhookDelivery('deployment_status.created', { overrides: { deployment: { creator } } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ creator: { login: creator.login, isBot } }]);
  });

  it('a null workflow_run is not a workflow deployment; a null creator is null', () => {
    const delivery = webhookDelivery('deployment_status.created-by-workflow', {
      overrides: { workflow_run: null, deployment: { creator: null } },
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ viaWorkflow: false, creator: null }]);
  });

  it('falls back to deployment_status.environment', () => {
    const delivery = webhookDelivery('deployment_status.created', {
      overrides: { deployment: { environment: undefined }, deployment_status: { environment: 'staging' } },
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ environment: 'staging' }]);
  });

  it('no environment at all is an error', () => {
    const delivery = webhookDelivery('deployment_status.created', {
      overrides: { deployment: { environment: undefined }, deployment_status: { environment: undefined } },
    });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.deployment\.environment: expected a string/);
  });

  it('a deployment id that is not a number is an error', () => {
    const delivery = webhookDelivery('deployment_status.created', { overrides: { deployment: { id: '145988746' } } });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.deployment\.id: expected a number, found "145988746"/);
  });
});
