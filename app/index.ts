// Entry point of `npm start`: no logic here (see run-app.ts).
import { runApp } from './run-app.ts';

await runApp();
