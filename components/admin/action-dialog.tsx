// Deprecated: ActionDialog became the kit's ConfirmButton (same props, now an AlertDialog).
// Kept only until the last callers import it from components/ui/confirm-button.
export { ConfirmButton as ActionDialog } from "@/components/ui/confirm-button";
