export { createReportSource } from './create-report-source.ts';
export { type DashboardSources, dashboardRoutes } from './dashboard-routes.ts';
export { loadOrgReport } from './load-org-report.ts';
export { readAppHealth } from './read-app-health.ts';
export { readDashboardQuery } from './read-dashboard-query.ts';
export { type ReportView, renderReportView } from './render-report-view.ts';
export type { DeliveriesPage, ReportSource } from './report-source.ts';
export { DASHBOARD_CSP, sendText } from './send-text.ts';
