import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import {
  E2E_DB_URL,
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  payWithTestCard,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// An admin refunds half of a Pro payment with a reason and cancels the plan at period end: the
// customer is emailed and the workspace's audit tab shows it. A support-role admin sees no refund
// form, and replaying the refund action with their session is refused.

async function subscribeToProMonthly(page: Page, label: string) {
  const email = uniqueEmail(`refund-${label}`);
  await signUpVerified(page, email);
  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: "Choose Pro monthly" }).click();
  await payWithTestCard(page, "Pay $79");
  await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
  return email;
}

async function sql<T>(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A new account made admin (there is no console form for that), then given the support role by the owner. */
async function supportAdmin(browser: Browser, owner: Page) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("support");
  await signUpVerified(page, email);
  const [{ id }] = await sql<{ id: string }>(
    `update "User" set role = 'admin' where email = $1 returning id`,
    [email],
  );
  await owner.goto(`/admin/users/${id}`);
  await owner
    .getByLabel("Console role")
    .selectOption({ label: "Support — Users, workspaces and credits up to a limit." });
  await owner.getByRole("button", { name: "Save role" }).click();
  await expect(owner.getByText(`${email} is now Support.`)).toBeVisible();
  return page;
}

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 800 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test(`an admin refunds half a payment and cancels at period end; support cannot refund (${label})`, async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      const customer = await subscribeToProMonthly(page, label);
      const [payment] = await sql<{ id: string; workspaceId: string }>(
        `select p.id, p."workspaceId" from "Payment" p join "Membership" m on m."workspaceId" = p."workspaceId"
         join "User" u on u.id = m."userId" where u.email = $1 and p.status = 'paid' order by p."createdAt" desc limit 1`,
        [customer],
      );

      const adminContext = await browser.newContext({ viewport });
      const admin = await adminContext.newPage();
      await signIn(admin, demo.admin);
      await admin.goto("/admin/payments");
      await admin.getByRole("link", { name: "Pro plan (monthly)" }).first().click();
      await expect(admin).toHaveURL(new RegExp(`/admin/payments/${payment.id}`));
      await expect(admin.getByRole("link", { name: customer })).toBeVisible();
      await expectAccessible(admin);
      await expectNoHorizontalScroll(admin);

      // Half of $79.00, a reason, and the plan ends at the end of its period.
      await admin.getByLabel("Amount (USD)").fill("39.50");
      await admin.getByLabel("Reason").selectOption({ label: "Service problem" });
      await admin.getByLabel("The plan").selectOption({ label: "Cancel at the end of the period" });
      let actionRequest: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
      admin.on("request", (r) => {
        if (r.method() === "POST" && r.headers()["next-action"] && !actionRequest)
          actionRequest = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
      });
      await admin.getByRole("button", { name: "Review refund…" }).click();
      const dialog = admin.getByRole("alertdialog", { name: "Refund $39.50?" });
      await expect(dialog).toContainText("will not renew");
      await expectAccessible(admin);
      await dialog.getByRole("button", { name: "Confirm refund" }).click();
      await expect(admin.getByText("Refunded $39.50. The customer was emailed.")).toBeVisible();
      await expect(admin.getByRole("table", { name: "Refunds so far" })).toContainText("Service problem");
      await expect(admin.getByText("Left to refund")).toBeVisible();

      const email = await latestEmail(customer, "refund-issued");
      expect(email.subject).toMatch(/refunded \$39\.50/);
      expect(email.text).toContain("Service problem");
      expect(email.text).toMatch(/will not renew/);

      await admin.goto(`/admin/workspaces/${payment.workspaceId}?tab=audit`);
      await expect(admin.getByText("payment.refund").first()).toBeVisible();
      await expectAccessible(admin);

      // Support: the payment page has no refund form, and the refund action itself is refused.
      const support = await supportAdmin(browser, admin);
      await support.setViewportSize(viewport);
      await support.goto(`/admin/payments/${payment.id}`);
      await expect(support.getByRole("heading", { name: "Pro plan (monthly)" })).toBeVisible();
      await expect(support.getByRole("button", { name: "Review refund…" })).toHaveCount(0);
      await expect(support.getByText("Refund all or part of what is left.")).toHaveCount(0);
      await expectAccessible(support);
      expect(actionRequest).not.toBeNull();
      const { url, headers, body } = actionRequest!;
      const replay = await support.request.post(url, {
        headers: {
          "next-action": headers["next-action"],
          "content-type": headers["content-type"],
          accept: headers["accept"] ?? "text/x-component",
        },
        data: body,
      });
      const text = await replay.text();
      expect(replay.status()).toBe(403);
      expect(text).not.toContain("The customer was emailed");
      const [{ n }] = await sql<{ n: number }>(
        `select count(*)::int as n from "Refund" where "paymentId" = $1`,
        [payment.id],
      );
      expect(n).toBe(1);
      await adminContext.close();
    });
  });
}
