#!/usr/bin/env node
// The `shipwell` command. In a clone, Node 24 runs the TypeScript sources as
// they are (no build, no stale copy); the npm package carries no sources and
// runs its build (dist/, made by `npm pack`/`npm publish`: "prepack").
import { existsSync } from 'node:fs';

const source = new URL('../cli/index.ts', import.meta.url);
await import(existsSync(source) ? source.href : '../dist/cli/index.js');
