import { ConnectionError, errorFromResponse, TollgateError } from "./errors.js";
import { createMeter, type Meter } from "./meter.js";
import { Tracker, type TrackerOptions } from "./tracker.js";
import type {
  BatchEvent,
  BatchResult,
  CommitRequest,
  CommitResult,
  Entitlement,
  Me,
  Model,
  ModelList,
  PublicCatalog,
  ReleaseResult,
  Reservation,
  ReservationRequest,
  SessionToken,
  SessionTokenRequest,
  UsageRequest,
  UsageResult,
} from "./types.js";

export interface TollgateOptions {
  /** A workspace API key (tg_…), a customer session token (tgs_…, read-only) or an admin key (tga_…). */
  apiKey: string;
  /** Where Tollgate runs, e.g. https://billing.example.com (default http://localhost:3000). */
  baseUrl?: string;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Retries after a dropped connection, a 5xx or a 429 (default 2). */
  maxRetries?: number;
  /** The longest wait between retries, in ms; a longer Retry-After is not waited for (default 10,000). */
  maxRetryDelayMs?: number;
}

export interface RequestOptions {
  /** Names this call: a retry with the same key is charged once. Generated when omitted. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type Method = "GET" | "POST";

const newKey = () => `tg-sdk-${globalThis.crypto.randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Tollgate v1 API. Every method returns the API's body or throws a typed TollgateError. */
export class Tollgate {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly fetchImpl: typeof fetch;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;

  constructor(options: TollgateOptions) {
    if (!options?.apiKey) throw new TypeError("Tollgate: apiKey is required.");
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? "http://localhost:3000").replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
    this.meter = createMeter(this);
  }

  /** Charge first, then run the work (known cost); `meter.hold` for costs known only afterwards. */
  readonly meter: Meter;

  readonly usage = {
    /** Check and charge one call. */
    create: (body: UsageRequest, options: RequestOptions = {}) =>
      this.request<UsageResult>("POST", "/api/v1/usage", body, { ...options, idempotent: true }),
    /** Up to 100 events, each charged on its own; every event gets an idempotency key if it has none. */
    batch: (events: BatchEvent[], options: Omit<RequestOptions, "idempotencyKey"> = {}) =>
      this.request<BatchResult>(
        "POST",
        "/api/v1/usage/batch",
        { events: events.map((e) => ({ ...e, idempotencyKey: e.idempotencyKey ?? newKey() })) },
        { ...options, retrySafe: true },
      ),
  };

  readonly reservations = {
    /** Hold the estimated cost of a call whose real cost comes later. */
    create: (body: ReservationRequest, options: RequestOptions = {}) =>
      // A retried hold that had gone through is a second hold, never a charge: it expires unclaimed.
      this.request<Reservation>("POST", "/api/v1/reservations", body, { ...options, retrySafe: true }),
    /** Charge the actual usage; the rest of the hold comes back. A second commit is refused (409). */
    commit: (id: string, body: CommitRequest, options: RequestOptions = {}) =>
      this.request<CommitResult>("POST", `/api/v1/reservations/${encodeURIComponent(id)}/commit`, body, {
        ...options,
        retrySafe: true,
      }),
    /** Give the whole hold back. */
    release: (id: string, options: RequestOptions = {}) =>
      this.request<ReleaseResult>(
        "POST",
        `/api/v1/reservations/${encodeURIComponent(id)}/release`,
        {},
        {
          ...options,
          retrySafe: true,
        },
      ),
  };

  readonly models = {
    /** Every enabled model: allowed or not for the plan, the tier that unlocks it, its price. */
    list: async (options: RequestOptions = {}) =>
      (await this.request<ModelList>("GET", "/api/v1/models", undefined, options)).data,
    retrieve: (id: string, options: RequestOptions = {}) =>
      this.request<Model>("GET", `/api/v1/models/${encodeURIComponent(id)}`, undefined, options),
  };

  readonly entitlements = {
    get: (featureKey: string, options: RequestOptions = {}) =>
      this.request<Entitlement>(
        "GET",
        `/api/v1/entitlements/${encodeURIComponent(featureKey)}`,
        undefined,
        options,
      ),
  };

  /** Management API (admin key, tga_…): customer session tokens for an app's browser code. */
  readonly sessions = {
    create: (workspaceId: string, body: SessionTokenRequest = {}, options: RequestOptions = {}) =>
      this.request<SessionToken>(
        "POST",
        `/api/v1/admin/workspaces/${encodeURIComponent(workspaceId)}/sessions`,
        body,
        { ...options, retrySafe: true },
      ),
  };

  /** A queue for fire-and-forget usage: `tracker.track(event)`, sent in batches; `await tracker.flush()` before exit. */
  tracker(options: TrackerOptions = {}) {
    return new Tracker(this, options);
  }

  /** The public price list (tiers, prices, features, models, packs) as /pricing shows it; sent without the key. */
  pricing(options: RequestOptions = {}) {
    return this.request<PublicCatalog>("GET", "/api/v1/pricing", undefined, { ...options, anonymous: true });
  }

  /** The calling workspace: plan, balance, credit buckets, runway, quota, rate limit, entitlements. */
  me(options: RequestOptions = {}) {
    return this.request<Me>("GET", "/api/v1/me", undefined, options);
  }

  /**
   * One call with retries: a dropped connection, a 5xx or a 429 is retried with the same
   * Idempotency-Key, so a call the server did process is answered from its record and charged once.
   * POSTs are retried only when they carry a key or cannot charge twice (retrySafe); any other 4xx
   * is never retried.
   */
  async request<T>(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions & { idempotent?: boolean; retrySafe?: boolean; anonymous?: boolean } = {},
  ): Promise<T> {
    const key = options.idempotent ? (options.idempotencyKey ?? newKey()) : null;
    const retryable = method === "GET" || key !== null || options.retrySafe === true;
    // Public reads go without the key: a browser then needs no CORS preflight, and no key travels needlessly.
    const headers: Record<string, string> = options.anonymous
      ? { accept: "application/json" }
      : { authorization: `Bearer ${this.apiKey}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchImpl(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: options.signal,
        });
      } catch (e) {
        if (options.signal?.aborted) throw e;
        if (retryable && attempt < this.maxRetries) {
          await sleep(this.backoff(attempt, null));
          continue;
        }
        throw new ConnectionError(e);
      }
      const data: unknown = await res.json().catch(() => null);
      if (res.ok) return data as T;
      const error = errorFromResponse(res.status, data, res.headers);
      const wait = this.backoff(attempt, error);
      if (retryable && attempt < this.maxRetries && this.shouldRetry(error) && wait <= this.maxRetryDelayMs) {
        await sleep(wait);
        continue;
      }
      throw error;
    }
  }

  private shouldRetry(error: TollgateError) {
    // A quota that resets at midnight is not worth waiting for; a busy minute or an outage is.
    return error.status >= 500 || error.code === "rate_limited";
  }

  /** Retry-After when the server gave one, else 250 ms doubling with jitter. */
  private backoff(attempt: number, error: TollgateError | null) {
    const after = error?.retryAfterSeconds;
    if (after !== null && after !== undefined) return after * 1000;
    return Math.round(250 * 2 ** attempt * (0.75 + Math.random() / 2));
  }
}
