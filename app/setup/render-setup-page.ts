import { escapeHtml } from '../../src/dashboard/index.ts';

/**
 * The page of `npm run setup`: one button that posts the manifest to
 * GitHub's "new App" page (the first click; "Create GitHub App" there is
 * the second). `warning` says why deliveries would not arrive yet.
 */
export function renderSetupPage({
  manifest,
  action,
  webhookUrl,
  warning,
}: {
  manifest: Record<string, unknown>;
  action: string;
  webhookUrl: string;
  warning: string | null;
}): string {
  const name = typeof manifest.name === 'string' ? manifest.name : 'Shipwell';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Register ${escapeHtml(name)} on GitHub</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}.warning{background:#fff8c5;padding:.5rem 1rem}</style>
</head>
<body>
<h1>Register ${escapeHtml(name)} on GitHub</h1>
<p>GitHub creates the App with the permissions and events of <code>app.yml</code>, sending deliveries to
<code>${escapeHtml(webhookUrl)}</code>, then sends you back here: its id, private key and webhook secret are
written to <code>.env</code>, and you install it on your organization.</p>
${warning ? `<p class="warning">${escapeHtml(warning)}</p>` : ''}
<form action="${escapeHtml(action)}" method="post">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">
<button type="submit">Register the App on GitHub</button>
</form>
<p>The name must be unique on GitHub: change it on GitHub's page if it is taken.</p>
</body>
</html>
`;
}
