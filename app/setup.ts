// Entry point of `npm run setup`: no logic here (see setup/run-setup.ts).
import { runSetup } from './setup/run-setup.ts';

await runSetup();
