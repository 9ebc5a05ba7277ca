// Local ESLint rules for Tollgate's module boundaries.
//
// no-server-import-in-client: a file that starts with "use client" is bundled for the browser, so it
// must not reach (directly or through other modules) a module that declares `import "server-only"`.
// Next fails the build on that too, but only at build time and with a long trace; this names the
// import and the chain in the editor. Imports are read with a regular expression (type-only imports
// are skipped, they vanish at compile time) and each file is read once per lint run.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const SERVER_ONLY_RE = /^\s*import\s+["']server-only["']/m;
// A "use server" module is a boundary, not a dependency: the client gets references to its actions.
const USE_SERVER_RE = /^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use server["']/;

const resolved = new Map();
function resolve(from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: not ours to follow
  const key = base;
  if (resolved.has(key)) return resolved.get(key);
  let file = null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) file = base;
  else file = EXTENSIONS.map((ext) => base + ext).find((f) => fs.existsSync(f)) ?? null;
  resolved.set(key, file);
  return file;
}

const sources = new Map();
function read(file) {
  if (!sources.has(file)) sources.set(file, fs.readFileSync(file, "utf8"));
  return sources.get(file);
}

function valueImports(file, text) {
  const out = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    if (m[1]) continue; // import type / export type
    const target = resolve(file, m[2] ?? m[3]);
    if (target) out.push(target);
  }
  return out;
}

// The chain from `file` to the first server-only module it reaches, or null. Memoised per file.
const chains = new Map();
function serverChain(file, seen = new Set()) {
  if (chains.has(file)) return chains.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const text = read(file);
  let chain = null;
  if (USE_SERVER_RE.test(text)) chain = null;
  else if (SERVER_ONLY_RE.test(text)) chain = [file];
  else
    for (const dep of valueImports(file, text)) {
      const sub = serverChain(dep, seen);
      if (sub) {
        chain = [file, ...sub];
        break;
      }
    }
  chains.set(file, chain);
  return chain;
}

const isClient = (sourceCode) => {
  const first = sourceCode.ast.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
};

const noServerImportInClient = {
  meta: {
    type: "problem",
    docs: { description: 'Keep "use client" files from importing server-only modules.' },
    schema: [],
    messages: {
      serverOnly:
        'Client component imports server-only code: {{chain}}. Pass the data in as props or move the shared piece into a module without "server-only".',
    },
  },
  create(context) {
    if (!isClient(context.sourceCode)) return {};
    const filename = context.filename;
    const check = (node, specifier, typeOnly) => {
      if (typeOnly || typeof specifier !== "string") return;
      const target = resolve(filename, specifier);
      const chain = target && serverChain(target);
      if (chain)
        context.report({
          node,
          messageId: "serverOnly",
          data: { chain: chain.map((f) => path.relative(root, f)).join(" -> ") },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source.value, false),
    };
  },
};

const plugin = {
  meta: { name: "tollgate" },
  rules: { "no-server-import-in-client": noServerImportInClient },
};
export default plugin;
