import type { ReactNode } from "react";
import { CopyButton } from "@/components/docs/copy-button";

// Tiny build-time highlighter for the code samples: comments, strings, keywords, numbers.
// The panel is dark in both themes, so these colours are chosen for contrast on slate-950.
const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|\b(const|await|return|switch|case|default|throw|new|if|import|export|from|async|function|try|catch)\b|\b(\d+)\b/g;
// Python and shell: # comments, '…' strings too, Python's keywords.
const PYTHON_TOKEN =
  /(#[^\n]*)|(f?"(?:[^"\\\n]|\\.)*"|f?'(?:[^'\\\n]|\\.)*')|\b(def|return|with|as|import|from|try|except|raise|for|in|if|not|yield|lambda)\b|\b(\d+)\b/g;

const TOKEN_CLASS = {
  comment: "text-slate-400",
  string: "text-emerald-300",
  keyword: "text-violet-300",
  number: "text-amber-300",
} as const;

function highlight(code: string, hashComments: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of code.matchAll(hashComments ? PYTHON_TOKEN : TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) out.push(code.slice(last, start));
    const kind = match[1] ? "comment" : match[2] ? "string" : match[3] ? "keyword" : "number";
    out.push(
      <span key={start} className={TOKEN_CLASS[kind]}>
        {match[0]}
      </span>,
    );
    last = start + match[0].length;
  }
  if (last < code.length) out.push(code.slice(last));
  return out;
}

export function CodeBlock({ code, filename, label }: { code: string; filename: string; label: string }) {
  return (
    <figure className="min-w-0 overflow-hidden rounded-xl border border-slate-800 bg-slate-950 text-slate-100 shadow-lg">
      <figcaption className="flex items-center gap-2 border-b border-slate-800 py-1.5 pr-2 pl-4">
        <span aria-hidden className="flex gap-1.5">
          <span className="size-2.5 rounded-full bg-slate-700" />
          <span className="size-2.5 rounded-full bg-slate-700" />
          <span className="size-2.5 rounded-full bg-slate-700" />
        </span>
        <span className="min-w-0 flex-1 truncate font-mono text-xs text-slate-300">{filename}</span>
        <CopyButton text={code} label={label} />
      </figcaption>
      {/* Focusable so keyboard users can scroll long lines sideways on narrow screens. */}
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="relative overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
      >
        <pre className="w-max min-w-full p-4 font-mono text-[13px] leading-6">
          <code>{highlight(code, filename.endsWith(".py") || filename === "terminal")}</code>
        </pre>
      </div>
    </figure>
  );
}
