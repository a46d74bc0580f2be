export { checkRunUrl, DEFAULT_GITHUB_URL } from './check-run-url.ts';
export { DASHBOARD_CSS } from './dashboard-styles.ts';
export { escapeHtml } from './escape-html.ts';
export { quoteCsvCell } from './quote-csv-cell.ts';
export { renderDashboardPage } from './render-dashboard-page.ts';
export { renderMessagePage } from './render-message-page.ts';
export { renderReleasesCsv } from './render-releases-csv.ts';
