import {
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signIn,
  test,
  uniqueEmail,
} from "./support";

// An admin schedules a weekly report and "Run now" emails it with the PDF attached; the outbox
// shows the attachment. The report page prints and downloads as a PDF.

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 800 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test(`an admin schedules a weekly report and Run now emails the PDF (${label})`, async ({ page }) => {
      test.setTimeout(120_000);
      const to = uniqueEmail(`report-${label}`);
      await signIn(page, demo.admin);
      await page.goto("/admin/reports");
      await expect(page.getByRole("heading", { name: "Report", exact: true })).toBeVisible();
      await expect(page.getByText("Credits consumed", { exact: true })).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      const pdf = await page.request.get("/admin/reports/pdf");
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");

      // A bad address is refused with a message; then the weekly schedule is saved.
      await page.getByLabel("How often").selectOption("weekly");
      await page.getByLabel("Recipients").fill(`${to}, not-an-email`);
      await page.getByRole("button", { name: "Schedule report" }).click();
      await expect(page.getByText("Not an email address: not-an-email.")).toBeVisible();
      await page.getByLabel("Recipients").fill(to);
      await page.getByRole("button", { name: "Schedule report" }).click();
      await expect(page.getByText(`A weekly report will go to ${to}.`)).toBeVisible();

      const row = page.getByRole("row").filter({ hasText: to });
      await row.getByRole("button", { name: "Run the weekly report now" }).click();
      await expect(row.getByText(/Report for .+ sent to/)).toBeVisible();
      await expect(row).toContainText(/\d{4}-W\d{2}/);

      await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
      await page
        .getByRole("link", { name: /weekly report/ })
        .first()
        .click();
      await expect(page.getByText(/report-weekly-\d{4}-W\d{2}\.pdf \(\d+ KB\)/)).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });
}
