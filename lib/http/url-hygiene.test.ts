import { describe, expect, it } from "vitest";
import { urlProblem } from "./url-hygiene";

describe("urlProblem", () => {
  it.each([
    ["/api/v1/reservations/%ff/commit", ""],
    ["/admin/users/%e0%80", ""],
    ["/admin/outbox/%00", ""],
    ["/admin/users", "?q=%00"],
    ["/admin/users", "?q=a%00b&page=2"],
  ])("refuses %s%s", (path, search) => {
    expect(urlProblem(path, search)).toMatch(/NUL|UTF-8/);
  });

  it.each([
    ["/admin/users", "?q=ada%40example.com"],
    ["/dashboard/usage", "?from=2026-01-01"],
    ["/api/v1/entitlements/team_seats", ""],
    ["/pricing/%C3%A9t%C3%A9", "?x=%ff"],
  ])("accepts %s%s", (path, search) => {
    expect(urlProblem(path, search)).toBeNull();
  });
});
