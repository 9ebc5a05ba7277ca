import { describe, expect, it } from "vitest";
import { auditDiff, fieldLabel } from "./diff";

describe("audit diff", () => {
  it("shows only what changed, in credits, dollars, percentages and formatted dates", () => {
    const before = {
      id: "t1",
      name: "Pro",
      monthlyPriceCents: 7900,
      includedMillicredits: "5000000",
      markupBps: 500,
      isPublic: true,
      archivedAt: null,
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const after = {
      ...before,
      monthlyPriceCents: 9900,
      includedMillicredits: "7500500",
      markupBps: 750,
      isPublic: false,
      archivedAt: "2026-03-04T05:06:00.000Z",
      updatedAt: "2026-03-04T05:06:00.000Z",
    };
    expect(auditDiff(before, after)).toEqual([
      { field: "monthlyPriceCents", label: "Monthly price", before: "$79", after: "$99" },
      {
        field: "includedMillicredits",
        label: "Included credits",
        before: "5,000 credits",
        after: "7,500.5 credits",
      },
      { field: "markupBps", label: "Markup", before: "5%", after: "7.5%" },
      { field: "isPublic", label: "Is public", before: "Yes", after: "No" },
      { field: "archivedAt", label: "Archived at", before: null, after: expect.stringMatching(/2026.*UTC$/) },
    ]);
  });

  it("lists every field of a created record, and nothing for an unchanged one", () => {
    expect(auditDiff(null, { code: "X", millicredits: "1000" })).toEqual([
      { field: "code", label: "Code", before: null, after: "X" },
      { field: "millicredits", label: "Credits", before: null, after: "1 credits" },
    ]);
    expect(auditDiff({ a: 1 }, { a: 1 })).toEqual([]);
    expect(fieldLabel("workspaceId")).toBe("Workspace ID");
  });
});
