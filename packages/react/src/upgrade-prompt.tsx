import { useEffect, useId, useRef } from "react";
import { describeRefusal, type RefusalInput } from "./refusal.js";

// A refusal as a modal dialog: what happened and the one action that fixes it (buy credits,
// upgrade, wait). A native modal <dialog>: the page behind is inert, Tab stays inside, Esc closes,
// and focus goes back where it was.

export interface UpgradePromptProps {
  /** The refusal to explain; nothing is shown while it is null. */
  error: RefusalInput | null | undefined;
  onClose: () => void;
  className?: string;
}

export function UpgradePrompt({ error, onClose, className }: UpgradePromptProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const open = Boolean(error);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const trap = (e: KeyboardEvent) => {
      if (e.key !== "Tab") return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>("a[href], button:not([disabled])")];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener("keydown", trap);
    return () => {
      dialog.removeEventListener("keydown", trap);
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, [open]);

  if (!error) return null;
  const refusal = describeRefusal(error);
  const root = ["tg", "tg-dialog", className].filter(Boolean).join(" ");
  return (
    <dialog
      ref={ref}
      className={root}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-code={refusal.code}
      onCancel={(e) => {
        // Esc: React state decides whether the dialog is open, so close through onClose.
        e.preventDefault();
        onClose();
      }}
    >
      <h2 className="tg-dialog-title" id={`${id}-title`}>
        {refusal.title}
      </h2>
      <p className="tg-dialog-message" id={`${id}-message`}>
        {refusal.message}
      </p>
      <div className="tg-dialog-actions">
        <button type="button" className="tg-button tg-button-secondary" onClick={() => onClose()}>
          {refusal.action ? "Not now" : "Close"}
        </button>
        {refusal.action && (
          <a className="tg-button" href={refusal.action.href}>
            {refusal.action.label}
          </a>
        )}
      </div>
    </dialog>
  );
}
