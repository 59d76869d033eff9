import { integer, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { companies } from "./companies";

/** Staff users are not tenant rows: one person may belong to several apps. */
export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  /** argon2id. */
  passwordHash: text().notNull(),
  locale: text().notNull().default("fr"),
  /**
   * Part of every session cookie: raised when a password, a role or an access changes, so the
   * member's open sessions end (a signed cookie alone stays valid until it expires).
   */
  sessionVersion: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberRole = pgEnum("member_role", ["owner", "admin", "staff"]);

/** Role of a user in an app. Owners and admins see every company; staff only those listed. */
export const memberships = pgTable(
  "memberships",
  {
    appId: uuid().notNull(),
    userId: uuid().notNull(),
    role: memberRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.userId] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const membershipCompanies = pgTable(
  "membership_companies",
  {
    appId: uuid().notNull(),
    userId: uuid().notNull(),
    companyId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.userId, t.companyId] }),
    foreignKey({ columns: [t.appId, t.userId], foreignColumns: [memberships.appId, memberships.userId] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete(
      "cascade",
    ),
  ],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
