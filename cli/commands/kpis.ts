import type { Command } from '../command.ts';

export const kpisCommand: Command = {
  name: 'kpis',
  summary: 'compute the KPI report from recorded webhook deliveries (JSONL)',
  help: 'Usage: shipwell kpis --deliveries FILE.jsonl [--config FILE] [--now ISO] [--format json|markdown]',
  async run() {
    throw new Error('not yet wired');
  },
};
