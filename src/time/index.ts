export * from './instant.ts';
export * from './parse-instant.ts';
export * from './read-instant.ts';
