// `import "server-only"` outside Next. Next resolves the real package (empty on the server, a build
// error in client code: its compiler checks the specifier itself). Node scripts run through tsx
// (scripts/, prisma/seed) and vitest are server-side by definition, but the package's default
// export throws without the "react-server" condition, and turning that condition on would also
// switch React to its server build. So tsconfig.json `paths` (read by tsx) and vitest.config.ts
// point "server-only" here instead: nothing to do.
export {};
