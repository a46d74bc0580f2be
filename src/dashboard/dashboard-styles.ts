/**
 * The page's only stylesheet (inline, no external assets): colours are CSS
 * variables, set for light and for dark (`prefers-color-scheme`). Chart marks
 * are styled by class, never by inline style, so a strict CSP can allow this
 * one `<style>` by its hash.
 */
export const DASHBOARD_CSS = `
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --card: #f6f8fa; --border: #d1d9e0; --grid: #e1e4e8;
  --good: #1a7f37; --bad: #cf222e; --pending: #8c959f; --line: #0969da; --target: #bc4c00; --link: #0969da;
  --k0: #0969da; --k1: #8250df; --k2: #bf3989; --k3: #9a6700; --k4: #cf222e; --focus: #0969da; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #151b23; --border: #3d444d; --grid: #262c36;
  --good: #3fb950; --bad: #f85149; --pending: #6e7681; --line: #4493f8; --target: #f0883e; --link: #4493f8;
  --k0: #4493f8; --k1: #ab7df8; --k2: #db61a2; --k3: #d29922; --k4: #f85149; --focus: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 16px 20px; }
header { border-bottom: 1px solid var(--border); }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.muted { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; margin-top: 10px; }
.toolbar form { display: flex; gap: 8px; align-items: center; }
select, button { font: inherit; color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; }
button { cursor: pointer; }
.notice { border: 1px solid var(--target); border-radius: 6px; padding: 8px 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px; }
.cards .big { font-size: 1.4rem; font-weight: 600; display: block; }
.on-target { color: var(--good); } .off-target { color: var(--bad); }
figure.chart { margin: 0; }
figure.chart svg { width: 100%; max-width: 860px; height: auto; display: block; }
svg text { fill: var(--fg); font-size: 12px; }
svg .tick, svg .axis-title { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--grid); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .s-wp, .swatch.s-wp, svg .s-on { fill: var(--good); background: var(--good); }
svg .s-not, .swatch.s-not, svg .s-off { fill: var(--bad); background: var(--bad); }
svg .s-pending, .swatch.s-pending, svg .s-plain { fill: var(--pending); background: var(--pending); }
.swatch.s-line { background: var(--line); } .swatch.s-target { background: var(--target); }
svg .k0, .swatch.k0 { fill: var(--k0); background: var(--k0); } svg .k1, .swatch.k1 { fill: var(--k1); background: var(--k1); }
svg .k2, .swatch.k2 { fill: var(--k2); background: var(--k2); } svg .k3, .swatch.k3 { fill: var(--k3); background: var(--k3); }
svg .k4, .swatch.k4 { fill: var(--k4); background: var(--k4); }
svg .line { fill: none; stroke: var(--line); stroke-width: 2.5; }
svg .halo { fill: var(--bg); } svg .point { fill: var(--line); }
svg .point.on { fill: var(--good); } svg .point.off { fill: var(--bad); }
svg .target { stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
svg .target.share { stroke-dasharray: 2 3; }
svg .guide { stroke: var(--muted); stroke-width: 2; stroke-dasharray: 1 4; stroke-linecap: round; }
.swatch.s-dash, .swatch.s-dot, .swatch.s-guide { background: none; height: 0; width: 18px; border-top: 3px dashed var(--target); vertical-align: 3px; }
.swatch.s-dot { border-top-style: dotted; } .swatch.s-guide { border-top: 3px dotted var(--muted); }
.swatch.s-none { background: none; }
.cards .note { display: block; font-size: 12px; }
.stated { margin: 0 0 8px; }
details.drill { margin: 2px 0; } ul.drill { margin: 4px 0 8px; padding-left: 20px; font-size: 13px; }
dl.definitions dt { font-weight: 600; margin-top: 10px; } dl.definitions dd { margin: 2px 0 0 0; }
h3 { font-size: 1rem; margin: 14px 0 4px; }
svg .mark { font-size: 14px; font-weight: 700; } svg .mark.on { fill: var(--good); } svg .mark.off { fill: var(--bad); }
svg .none { fill: var(--muted); font-size: 14px; }
svg .value { font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 6px 0; font-size: 13px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
details { margin: 4px 0 16px; } summary { cursor: pointer; color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; color: var(--muted); padding: 4px 0; }
th, td { border-bottom: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
td.status.well-packaged { color: var(--good); } td.status.not-well-packaged { color: var(--bad); } td.status.pending { color: var(--muted); }
.table-wrap { overflow-x: auto; }
.tree ul { list-style: none; margin: 0; padding-left: 22px; border-left: 1px solid var(--border); }
.tree > ul { border-left: 0; padding-left: 0; }
.tree li { margin: 4px 0; }
.tree .node { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.tree .root { font-weight: 600; }
.tree li.selected > .node { font-weight: 600; text-decoration: underline; }
svg.meter { width: 120px; height: 8px; } svg.meter .track { fill: var(--grid); } svg.meter .fill { fill: var(--good); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.empty { color: var(--muted); }
`;
