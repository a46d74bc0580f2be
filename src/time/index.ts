export * from './instant.ts';
export * from './instant-issue.ts';
export * from './parse-instant.ts';
export * from './read-instant.ts';
