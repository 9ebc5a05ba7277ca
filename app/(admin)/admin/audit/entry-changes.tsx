import type { Prisma } from "@/lib/db";

const pretty = (value: Prisma.JsonValue | null) => (value === null ? "None" : JSON.stringify(value, null, 2));

// A native disclosure: keyboard- and screen-reader-friendly with no script, closed by default so
// long snapshots don't stretch the table.
export function EntryChanges({
  seq,
  before,
  after,
}: {
  seq: string;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
}) {
  if (before === null && after === null) return <span className="text-muted-foreground">No details</span>;
  return (
    <details>
      <summary className="w-fit cursor-pointer rounded-sm text-primary underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        Before and after<span className="sr-only"> for entry #{seq}</span>
      </summary>
      <div className="mt-2 grid gap-2">
        <Snapshot label="Before" value={pretty(before)} />
        <Snapshot label="After" value={pretty(after)} />
      </div>
    </details>
  );
}

function Snapshot({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <pre className="max-w-md rounded-md bg-muted p-2 font-mono text-xs break-all whitespace-pre-wrap">
        {value}
      </pre>
    </div>
  );
}
