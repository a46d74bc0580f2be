// Entry point of `npm run backup -- FILE`: no logic here (see run-backup.ts).
import { runBackup } from './run-backup.ts';

runBackup();
