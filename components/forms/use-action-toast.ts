"use client";

import { useEffect, useRef } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/auth/action";

/**
 * Toasts a form's success: pass the state from `useActionState`. Each new successful state shows
 * its `message`, or `fallback` ("Saved."). Errors stay in the form, beside their fields. Use it
 * instead of, not as well as, an inline success message (the same words twice confuse).
 */
export function useActionToast(state: ActionState, fallback = "Saved.") {
  const last = useRef(state);
  useEffect(() => {
    if (state === last.current) return;
    last.current = state;
    if (state.ok) toast.success(state.message ?? fallback);
  }, [state, fallback]);
}
