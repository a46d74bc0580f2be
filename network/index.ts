/** Adapter-side network setup shared by the CLI, the Action and the App (never imported by `src/`). */
export { useEnvProxy } from './use-env-proxy.ts';
