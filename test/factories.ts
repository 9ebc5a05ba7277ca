import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/auth/accounts";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export async function createUser(opts: { verified?: boolean; role?: "user" | "admin"; password?: string } = {}) {
  const email = uniqueEmail();
  const password = opts.password ?? "correct horse battery";
  const user = await signUp({ email, password, name: "Test User" }, { verified: opts.verified, role: opts.role });
  return { ...user, password };
}
