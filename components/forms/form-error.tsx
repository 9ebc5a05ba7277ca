import { Alert } from "@/components/ui/alert";

/** The last submit's error, above the fields (nothing when it succeeded or has not run). */
export function FormError({ error, className }: { error?: string; className?: string }) {
  return error ? (
    <Alert variant="error" className={className}>
      {error}
    </Alert>
  ) : null;
}
