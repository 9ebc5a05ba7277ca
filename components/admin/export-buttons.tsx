"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { exportRowCounter, type ExportFormat } from "@/lib/audit/export-format";
import { formatCount } from "@/lib/utils/format";

// total is null until the response's x-total-count arrives.
type Progress = { done: number; total: number | null; finished: boolean; filename?: string };

// Reads the export as it streams, so a large list shows progress instead of a silent wait, then
// saves it through an object URL (a plain link could show neither progress nor errors). The
// endpoint answers with X-Total-Count and a filename; `query` is the list's filters and sort.
export function ExportButtons({
  endpoint,
  query,
  formats = ["csv"],
  noun = ["row", "rows"],
}: {
  endpoint: string;
  query: string;
  formats?: ExportFormat[];
  /** What a row is, singular and plural ("user", "users"). */
  noun?: [string, string];
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = progress !== null && !progress.finished;

  async function run(format: ExportFormat) {
    setError(null);
    setProgress({ done: 0, total: null, finished: false });
    try {
      const res = await fetch(`${endpoint}?${query ? `${query}&` : ""}format=${format}`);
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The export failed (HTTP ${res.status}).`);
      }
      const total = Number(res.headers.get("x-total-count") ?? 0);
      const filename =
        /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `export.${format}`;
      const count = exportRowCounter(format);
      const decoder = new TextDecoder();
      const chunks: BlobPart[] = [];
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        const rows = count(decoder.decode(value, { stream: true }));
        setProgress({ done: rows, total, finished: false });
      }
      const url = URL.createObjectURL(
        new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setProgress({ done: total, total, finished: true, filename });
    } catch (e) {
      setProgress(null);
      setError(e instanceof Error && e.message ? e.message : "The export failed. Please try again.");
    }
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {formats.map((format) => (
          <Button key={format} type="button" variant="outline" disabled={running} onClick={() => run(format)}>
            <Download aria-hidden /> {running ? "Exporting…" : `Export ${format.toUpperCase()}`}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className="grid gap-2 text-sm break-words">
        {progress ? (
          <>
            {/* Without a value the bar is indeterminate while the count is unknown. */}
            <progress
              value={progress.total === null ? undefined : progress.done}
              max={Math.max(progress.total ?? 1, 1)}
              aria-label="Export progress"
              className="h-2 w-full max-w-md accent-primary"
            />
            <p>
              {progress.total === null
                ? "Preparing the export…"
                : `Exported ${formatCount(progress.done)} of ${formatCount(progress.total)} ${progress.total === 1 ? noun[0] : noun[1]}`}
              {progress.finished ? ` — saved as ${progress.filename}` : null}
            </p>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
