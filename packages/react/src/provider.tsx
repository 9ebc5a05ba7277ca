import { AuthenticationError, Tollgate, type Me, type Model } from "@tollgate/sdk";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

// One customer session token (minted by the app's own backend, never the secret key) and one
// /me + /models fetch, shared by every component below the provider. The token is renewed a minute
// before it expires (a quarter of its lifetime before, for short ones), and at once if Tollgate
// refuses it.

export interface SessionToken {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
}

export interface TollgateContextValue {
  /** Where Tollgate runs, e.g. https://billing.example.com. */
  baseUrl: string;
  me: Me | null;
  models: Model[] | null;
  /** Reads /me and /models again (after a call, to update the meter and balance). */
  refresh: () => Promise<void>;
  /** True until the first read has answered. */
  loading: boolean;
  error: Error | null;
  /** Where a user upgrades to a tier (Tollgate's billing page, the tier preselected). */
  upgradeUrl: (tier?: string | null) => string;
}

const TollgateContext = createContext<TollgateContextValue | null>(null);

/** Renewed this long before expiry (a quarter of the lifetime for short tokens); never sooner than MIN_DELAY_MS. */
const REFRESH_MARGIN_MS = 60_000;
const MIN_DELAY_MS = 5_000;

export interface TollgateProviderProps {
  baseUrl: string;
  /** Fetches a session token from your backend (which mints it with the admin key). */
  getToken: () => Promise<SessionToken>;
  /** Where a user upgrades; default Tollgate's billing page on baseUrl with the tier preselected. */
  upgradeUrl?: (tier?: string | null) => string;
  children?: ReactNode;
}

const defaultUpgradeUrl = (baseUrl: string) => (tier?: string | null) =>
  // The same page the API's refusal bodies link to (upgradeUrl).
  `${baseUrl.replace(/\/+$/, "")}/dashboard/billing${tier ? `?plan=${encodeURIComponent(tier)}` : ""}`;

export function TollgateProvider({ baseUrl, getToken, upgradeUrl, children }: TollgateProviderProps) {
  const [me, setMe] = useState<Me | null>(null);
  const [models, setModels] = useState<Model[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [renewAt, setRenewAt] = useState<number | null>(null);
  const session = useRef<{ client: Tollgate; expiresAt: number; renewAt: number } | null>(null);
  // The latest getToken without re-reading when an inline function changes identity each render.
  const getTokenRef = useRef(getToken);
  useEffect(() => {
    getTokenRef.current = getToken;
  }, [getToken]);

  const renew = useCallback(async () => {
    const { token, expiresAt } = await getTokenRef.current();
    const client = new Tollgate({ apiKey: token, baseUrl, maxRetries: 1 });
    const at = new Date(expiresAt).getTime();
    const margin = Math.min(REFRESH_MARGIN_MS, (at - Date.now()) / 4);
    session.current = { client, expiresAt: at, renewAt: at - margin };
    setRenewAt(session.current.renewAt);
    return session.current;
  }, [baseUrl]);

  const refresh = useCallback(async () => {
    try {
      let current = session.current;
      if (!current || Date.now() >= current.renewAt) current = await renew();
      const read = (c: Tollgate) => Promise.all([c.me(), c.models.list()]);
      const [nextMe, nextModels] = await read(current.client).catch(async (e: unknown) => {
        // Revoked by a restart, a suspended-then-restored workspace or a clock skew: mint again once.
        if (!(e instanceof AuthenticationError)) throw e;
        return read((await renew()).client);
      });
      setMe(nextMe);
      setModels(nextModels);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoading(false);
    }
  }, [renew]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Renew the token shortly before it expires, so reads never meet an expired token.
  useEffect(() => {
    if (!renewAt) return;
    const delay = Math.max(MIN_DELAY_MS, renewAt - Date.now());
    const timer = setTimeout(() => void renew().catch((e: Error) => setError(e)), delay);
    return () => clearTimeout(timer);
  }, [renewAt, renew]);

  const value = useMemo<TollgateContextValue>(
    () => ({
      baseUrl,
      me,
      models,
      refresh,
      loading,
      error,
      upgradeUrl: upgradeUrl ?? defaultUpgradeUrl(baseUrl),
    }),
    [baseUrl, me, models, refresh, loading, error, upgradeUrl],
  );
  return <TollgateContext.Provider value={value}>{children}</TollgateContext.Provider>;
}

/** The shared session: `{ me, models, refresh, loading, error }`. Must be used under <TollgateProvider>. */
export function useTollgate(): TollgateContextValue {
  const value = useContext(TollgateContext);
  if (!value) throw new Error("useTollgate() must be used inside <TollgateProvider>.");
  return value;
}

/** The session if there is a provider above, else null (for components that also work alone). */
export const useOptionalTollgate = () => useContext(TollgateContext);
