/** The whole database schema; drizzle-kit generates migrations from this module. */
export * from './reference';
export * from './assessments';
export * from './staff';
export * from './derived';
export * from './treaty-imports';
export * from './measures';
export * from './search';
export * from './mail';
export * from './translations';
