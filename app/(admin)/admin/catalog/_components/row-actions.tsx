import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  name: string;
  editHref: string;
  /** Omit when the row cannot be deleted. */
  remove?: {
    id: string;
    description: string;
    confirmLabel: string;
    action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  };
};

/** A catalog table row's Edit link and Delete (with confirmation). */
export function RowActions({ name, editHref, remove }: Props) {
  return (
    <div className="flex justify-end gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={editHref} aria-label={`Edit ${name}`}>
          Edit
        </Link>
      </Button>
      {remove ? (
        <ConfirmButton
          triggerSize="sm"
          trigger="Delete"
          triggerVariant="outline"
          triggerLabel={`Delete ${name}`}
          title={`Delete ${name}?`}
          description={remove.description}
          confirmLabel={remove.confirmLabel}
          pendingLabel="Deleting…"
          action={remove.action}
          fields={{ id: remove.id }}
        />
      ) : null}
    </div>
  );
}
