import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { batchSchema } from "@/lib/metering/batch";
import type { usageSchema } from "@/lib/metering/charge";
import type { commitSchema, holdSchema } from "@/lib/metering/reservations";
import type { sessionRequestSchema } from "@/lib/metering/session-tokens";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import type * as R from "@/lib/openapi/responses";
import { Tollgate } from "../src/index";
import type * as Sdk from "../src/types";

// The SDK's types against the schemas the OpenAPI document is generated from (lib/openapi): each
// pair must be mutually assignable, so `tsc --noEmit` (npm test) fails the moment the API and the
// SDK drift apart. The test below checks that every operation an app calls has an SDK method.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;

export type SdkMatchesTheDocument = [
  Expect<Same<Sdk.Money, Out<typeof R.moneySchema>>>,
  Expect<Same<Sdk.Quota, Out<typeof R.quotaSchema>>>,
  Expect<Same<Sdk.UsageResult, Out<typeof R.usageResultSchema>>>,
  Expect<Same<Sdk.BatchResult, Out<typeof R.batchResultSchema>>>,
  Expect<Same<Sdk.Reservation, Out<typeof R.reservationSchema>>>,
  Expect<Same<Sdk.CommitResult, Out<typeof R.commitResultSchema>>>,
  Expect<Same<Sdk.ReleaseResult, Out<typeof R.releaseResultSchema>>>,
  Expect<Same<Sdk.Entitlement, Out<typeof R.entitlementSchema>>>,
  Expect<Same<Sdk.Me, Out<typeof R.meSchema>>>,
  Expect<Same<Sdk.Model, Out<typeof R.modelSchema>>>,
  Expect<Same<Sdk.ModelList, Out<typeof R.modelsSchema>>>,
  Expect<Same<Sdk.SessionToken, Out<typeof R.sessionTokenSchema>>>,
  Expect<Same<Sdk.PublicCatalog, Out<typeof R.publicCatalogSchema>>>,
  Expect<Same<Required<Sdk.UsageRequest>, Required<In<typeof usageSchema>>>>,
  Expect<Same<Required<Sdk.BatchEvent>, Required<In<typeof batchSchema>["events"][number]>>>,
  Expect<Same<Required<Sdk.ReservationRequest>, Required<In<typeof holdSchema>>>>,
  Expect<Same<Required<Sdk.CommitRequest>, Required<In<typeof commitSchema>>>>,
  Expect<Same<Required<Sdk.SessionTokenRequest>, Required<In<typeof sessionRequestSchema>>>>,
];

// Each operation of the document an app calls, and the SDK method that calls it.
const SDK_METHODS: Record<string, (t: Tollgate) => unknown> = {
  recordUsage: (t) => t.usage.create,
  recordUsageBatch: (t) => t.usage.batch,
  createReservation: (t) => t.reservations.create,
  commitReservation: (t) => t.reservations.commit,
  releaseReservation: (t) => t.reservations.release,
  getMe: (t) => t.me,
  listModels: (t) => t.models.list,
  getModel: (t) => t.models.retrieve,
  getEntitlement: (t) => t.entitlements.get,
  createSessionToken: (t) => t.sessions.create,
  getPricing: (t) => t.pricing,
};

describe("@tollgate/sdk and the OpenAPI document", () => {
  it("has a method for every operation an app calls (the chat proxy: any OpenAI client)", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    const appOperations = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => !("adminKey" in (op.security[0] ?? {})) || op.operationId === "createSessionToken")
      .map((op) => op.operationId)
      .filter((id) => id !== "createChatCompletion");
    expect(Object.keys(SDK_METHODS).sort()).toEqual(appOperations.sort());
    const client = new Tollgate({ apiKey: "tg_x" });
    for (const [id, method] of Object.entries(SDK_METHODS))
      expect(typeof method(client), id).toBe("function");
  });
});
