export { type DashboardSources, dashboardRoutes } from './dashboard-routes.ts';
export { loadOrgReport } from './load-org-report.ts';
export { readAppHealth } from './read-app-health.ts';
export { readDashboardQuery } from './read-dashboard-query.ts';
export { DASHBOARD_CSP, sendText } from './send-text.ts';
