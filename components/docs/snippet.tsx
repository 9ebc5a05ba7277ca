import { CodeBlock } from "@/components/marketing/code-block";
import { CodeTabs } from "./code-tabs";
import { readSnippet } from "@/lib/docs/snippets";

/** A sample from docs/snippets, shown under the path it would have in the reader's app. */
export function Snippet({ file, filename, label }: { file: string; filename: string; label: string }) {
  return <CodeBlock code={readSnippet(file)} filename={filename} label={label} />;
}

/** The same sample in TypeScript and Python, as keyboard-switchable tabs. */
export function SnippetTabs({
  label,
  typescript,
  python,
}: {
  label: string;
  typescript: string;
  python: string;
}) {
  return (
    <CodeTabs
      label={label}
      tabs={[
        { id: "typescript", label: "TypeScript", code: readSnippet(typescript) },
        { id: "python", label: "Python", code: readSnippet(python) },
      ]}
    />
  );
}
