import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP route beside Probot's webhook path. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** Dashboard/API routes need the bearer token (or a loopback client without one). */
  protected: boolean;
  handle(input: { request: IncomingMessage; response: ServerResponse; query: URLSearchParams }): Promise<void>;
}
