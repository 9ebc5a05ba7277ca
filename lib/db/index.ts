import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export * from "./generated/client";

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
// Created on first use so that importing this module (e.g. during `next build`) needs no database.
const globalForDb = globalThis as unknown as { tollgateDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.tollgateDb) {
    globalForDb.tollgateDb = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl(), max: env.NODE_ENV === "test" ? 10 : 20 }),
    });
  }
  return globalForDb.tollgateDb;
}

export const db = new Proxy({} as PrismaClient, {
  get(_, prop) {
    const c = client();
    const value = Reflect.get(c, prop);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
