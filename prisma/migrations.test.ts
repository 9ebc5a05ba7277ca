import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/schema-engine";
import { databaseUrl } from "@/lib/env";

describe("prisma/migrations", () => {
  it("describe exactly what schema.prisma says (run `npm run db:migration -- <name>` when this fails)", async () => {
    const sql = await diffSchemaAgainstMigrations(databaseUrl());
    expect(sql.trim()).toBe("-- This is an empty migration.");
  });
});
