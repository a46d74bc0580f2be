// One signed payload nested deeply enough to overflow JSON.stringify must
// fail only itself (issue #12): the org's JSONL export streams each payload
// as received, so it still answers 200 with every delivery, the deep one
// included, and `shipwell kpis` reads the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeliveryLine } from '../../cli/parse-delivery-line.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type Harness, SECRET, startHarness, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery, sendSignedText } from './signed-delivery.ts';

let github: FakeGitHub;
let harness: Harness;
beforeAll(async () => {
  github = await startFakeGitHub();
  harness = await startHarness({ github });
});
afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

const DEPTH = 200_000;

describe('the JSONL export', () => {
  it('streams a payload too deep to stringify as received, beside the others', async () => {
    const release = loadWebhook('release.published', { installation: { id: 42 } });
    expect(
      (
        await sendDelivery({
          url: harness.webhookUrl,
          id: 'plain-1',
          name: 'release',
          payload: release,
          secret: SECRET,
        })
      ).status,
    ).toBe(200);
    const repository = JSON.stringify((release as { repository: unknown }).repository);
    const deep = `{"action":"created","installation":{"id":42},"repository":${repository},"deep":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    expect(() => JSON.stringify(JSON.parse(deep))).toThrow(RangeError); // what failed the whole export
    expect(
      (await sendSignedText({ url: harness.webhookUrl, id: 'deep-1', name: 'label', body: deep, secret: SECRET }))
        .status,
    ).toBe(200);
    // exported by org once the worker has located (claimed) both
    await waitFor('both claimed', async () => {
      const list = await harness.app.store.log.list({ org: 'Codertocat', limit: 10 });
      return list.length === 2;
    });
    const response = await fetch(harness.url('/shipwell/api/deliveries.jsonl?org=Codertocat'), {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    const ids = lines.map((text, i) => parseDeliveryLine({ text, file: 'export.jsonl', line: i + 1 })?.id);
    expect(ids.sort()).toEqual(['deep-1', 'plain-1']);
    expect(lines.find((line) => line.includes('"deep-1"'))).toContain(`"payload":${deep}`);
  });
});
