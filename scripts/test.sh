#!/usr/bin/env bash
# npm test: every check, in order. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "prisma generate"
npm run --silent db:generate
step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint . --max-warnings=0
step "format (prettier --check; npm run format fixes it)"
npx prettier --check . --log-level warn
step "unit + integration (vitest, embedded PostgreSQL)"
npx vitest run
step "build"
npm run --silent build
step "end to end (Playwright, Chromium)"
npx playwright test
