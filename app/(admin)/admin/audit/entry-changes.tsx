import type { Prisma } from "@/lib/db";
import { auditDiff } from "@/lib/audit/diff";

const pretty = (value: Prisma.JsonValue | null) => (value === null ? "None" : JSON.stringify(value, null, 2));

// A native disclosure: keyboard- and screen-reader-friendly with no script, closed by default so
// long entries don't stretch the table. Inside: what changed, field by field, in people's units
// (lib/audit/diff.ts), and the raw snapshots for whoever needs them.
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
  const rows = auditDiff(before, after);
  const verb = before === null ? "Created with" : after === null ? "Removed" : "Changed";
  return (
    <details>
      <summary className="w-fit cursor-pointer rounded-sm text-primary underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        {rows.length === 0
          ? "No field changed"
          : `${verb} ${rows.length} field${rows.length === 1 ? "" : "s"}`}
        <span className="sr-only"> for entry #{seq}</span>
      </summary>
      <div className="mt-2 grid gap-2">
        {rows.length ? (
          <dl className="grid max-w-md gap-1.5 text-xs">
            {rows.map((r) => (
              <div key={r.field} className="grid gap-0.5">
                <dt className="font-medium">{r.label}</dt>
                <dd className="break-words">
                  {r.before !== null && after !== null && before !== null ? (
                    <>
                      <del className="text-muted-foreground">{r.before}</del>
                      <span aria-hidden> → </span>
                      <span className="sr-only"> changed to </span>
                    </>
                  ) : null}
                  {after === null
                    ? r.before
                    : (r.after ?? <span className="text-muted-foreground">None</span>)}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
        <details>
          <summary className="w-fit cursor-pointer text-xs text-muted-foreground underline underline-offset-4">
            Raw JSON<span className="sr-only"> for entry #{seq}</span>
          </summary>
          <div className="mt-2 grid gap-2">
            <Snapshot label="Before" value={pretty(before)} />
            <Snapshot label="After" value={pretty(after)} />
          </div>
        </details>
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
