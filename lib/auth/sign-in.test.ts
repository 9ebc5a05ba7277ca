import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createUser } from "@/test/factories";
import { signInWithPassword } from "./sign-in";

const ip = () => `ip-${randomUUID()}`;

describe("signInWithPassword", () => {
  it("accepts the right password in any email case and refuses a wrong one", async () => {
    const user = await createUser();
    await expect(signInWithPassword(user.email.toUpperCase(), user.password, ip())).resolves.toMatchObject({ id: user.id });
    await expect(signInWithPassword(user.email, "wrong password", ip())).rejects.toThrow("Wrong email or password.");
    await expect(signInWithPassword("nobody@example.test", "whatever", ip())).rejects.toThrow("Wrong email or password.");
  });

  it("locks an email out after too many attempts, even with the right password, with a clear message", async () => {
    const user = await createUser();
    for (let i = 0; i < env.SIGNIN_MAX_ATTEMPTS_PER_EMAIL; i++) {
      await expect(signInWithPassword(user.email, "wrong password", ip())).rejects.toThrow("Wrong email or password.");
    }
    await expect(signInWithPassword(user.email, user.password, ip())).rejects.toThrow(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
  });

  it("limits attempts per IP across different emails", async () => {
    const address = ip();
    const attempts = Array.from({ length: env.SIGNIN_MAX_ATTEMPTS_PER_IP + 3 }, (_, i) =>
      signInWithPassword(`guess-${i}@example.test`, "guess", address).then(
        () => "signed in",
        (e: Error) => e.message,
      ),
    );
    const messages = await Promise.all(attempts);
    expect(messages.filter((m) => m === "Wrong email or password.")).toHaveLength(env.SIGNIN_MAX_ATTEMPTS_PER_IP);
    expect(messages.filter((m) => /Too many sign-in attempts/.test(m))).toHaveLength(3);
  });
});
