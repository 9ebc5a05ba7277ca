import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/test/factories";
import { signInWithPassword } from "./sign-in";

const ip = () => `ip-${randomUUID()}`;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "signed in",
    (e: Error) => e.message,
  );

describe("signInWithPassword", () => {
  it("accepts the right password in any email case and refuses a wrong one", async () => {
    const user = await createUser();
    await expect(signInWithPassword(user.email.toUpperCase(), user.password, ip())).resolves.toMatchObject({
      id: user.id,
    });
    await expect(signInWithPassword(user.email, "wrong password", ip())).rejects.toThrow(
      "Wrong email or password.",
    );
    await expect(signInWithPassword("nobody@example.test", "whatever", ip())).rejects.toThrow(
      "Wrong email or password.",
    );
  });

  it("locks an email out from the address that kept guessing, even with the right password, with a clear message", async () => {
    const user = await createUser();
    const guesser = ip();
    for (let i = 0; i < env.SIGNIN_MAX_ATTEMPTS_PER_EMAIL; i++) {
      await expect(signInWithPassword(user.email, "wrong password", guesser)).rejects.toThrow(
        "Wrong email or password.",
      );
    }
    await expect(signInWithPassword(user.email, user.password, guesser)).rejects.toThrow(
      /Too many sign-in attempts\. Try again in \d+ minutes?\./,
    );
  });

  it("a stranger's failures elsewhere do not lock the owner out of their own address", async () => {
    const user = await createUser();
    const owner = ip();
    // Many strangers (or one rotating addresses) hammer the owner's email.
    for (let i = 0; i < env.SIGNIN_MAX_ATTEMPTS_PER_EMAIL * 3; i++) {
      await outcome(signInWithPassword(user.email, `guess-${i}`, `stranger-${i % 3}-${user.id}`));
    }
    await expect(signInWithPassword(user.email, user.password, owner)).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("limits attempts per IP across different emails", async () => {
    const address = ip();
    const attempts = Array.from({ length: env.SIGNIN_MAX_ATTEMPTS_PER_IP + 3 }, (_, i) =>
      outcome(signInWithPassword(`guess-${i}@example.test`, "guess", address)),
    );
    const messages = await Promise.all(attempts);
    expect(messages.filter((m) => m === "Wrong email or password.")).toHaveLength(
      env.SIGNIN_MAX_ATTEMPTS_PER_IP,
    );
    expect(messages.filter((m) => /Too many sign-in attempts/.test(m))).toHaveLength(3);
  });

  it("counts only failures against the address: successful sign-ins never lock it", async () => {
    const user = await createUser();
    const address = ip();
    for (let i = 0; i < env.SIGNIN_MAX_ATTEMPTS_PER_IP + 2; i++) {
      await expect(signInWithPassword(user.email, user.password, address)).resolves.toMatchObject({
        id: user.id,
      });
    }
    const [row] = await db.rateLimitHit.findMany({ where: { key: `signin:ip:${address}` } });
    expect(row?.count ?? 0).toBe(0);
  });

  it("costs about the same for an unknown email as for a known one (a bcrypt comparison either way)", async () => {
    const user = await createUser();
    const time = async (email: string) => {
      const started = performance.now();
      await outcome(signInWithPassword(email, "not the password", ip()));
      return performance.now() - started;
    };
    await time("warm-up@example.test");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`nobody-${randomUUID()}@example.test`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    // Without the dummy comparison an unknown email answers ~20x faster than a known one.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });
});
