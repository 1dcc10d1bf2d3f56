/**
 * Staff accounts, sessions (Lucia's design: `id.secret` tokens, only SHA-256 of the secret
 * stored), personal API tokens, login-failure counters for rate limiting, and the
 * append-only, hash-chained audit log. Session and rate-limit state live here, in the
 * database, so that several app servers behind a load balancer agree.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../src/domain/vocabulary';
import { parties } from './reference';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-case; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
  passwordChangedAt: text('password_changed_at').notNull().default(now),
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** The parties an editor may write for. */
export const userParties = sqliteTable(
  'user_parties',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
  },
  (t) => [primaryKey({ columns: [t.userId, t.partySlug] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** Hex SHA-256 of the token's secret part. */
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastActiveAt: integer('last_active_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
    /** When the token stops working (chosen at creation: 90 days by default, at most a year). */
    expiresAt: text('expires_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One row per failed sign-in, keyed by account and by client address; counted over a window. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/**
 * The audit log. Append-only in the database itself (triggers refuse UPDATE and DELETE, see
 * migration 0002); each row's `hash` is SHA-256 over the previous row's hash and this row's
 * content, so that `npm run audit:verify` finds the first row changed behind the app's back.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_actor_idx').on(t.actorId)],
);

/**
 * Repeated refusals from one client (address) for one reason within one window: the first
 * writes an audit row (`audit_id`), the rest only raise `count` here, so that a flood of
 * refused requests cannot fill the append-only log.
 */
export const auditRefusalWindows = sqliteTable(
  'audit_refusal_windows',
  {
    client: text('client').notNull(),
    reason: text('reason').notNull(),
    windowStart: integer('window_start').notNull(),
    auditId: integer('audit_id').notNull(),
    count: integer('count').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.client, t.reason, t.windowStart] }), index('audit_refusal_windows_audit_idx').on(t.auditId)],
);
