import { signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { seedCatalog } from "./seed-catalog";

export type DemoLogin = { email: string; password: string; role: "admin" | "user" };

export function demoLogins(): DemoLogin[] {
  return [
    { email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD, role: "admin" },
    { email: "ada@example.com", password: "tollgate-demo", role: "user" },
    { email: "grace@example.com", password: "tollgate-demo", role: "user" },
  ];
}

const names: Record<string, string> = {
  "ada@example.com": "Ada Lovelace",
  "grace@example.com": "Grace Hopper",
};

/** Idempotent: creates what is missing and leaves existing rows alone. Returns who it created. */
export async function seed(): Promise<DemoLogin[]> {
  await seedCatalog();
  const created: DemoLogin[] = [];
  for (const login of demoLogins()) {
    if (await db.user.findUnique({ where: { email: login.email } })) continue;
    await signUp(
      { email: login.email, password: login.password, name: names[login.email] ?? "Admin" },
      { role: login.role, verified: true },
    ).catch((e: unknown) => {
      if (!(e instanceof Error && e.name === "EmailTakenError")) throw e;
    });
    created.push(login);
  }
  return created;
}
