#!/usr/bin/env bash
# The test command (README): builds the solution and runs every test project.
# Needs WORKFLOWS_TEST_POSTGRES (or a Docker engine) for the PostgreSQL tests: they fail, not skip,
# without one. `bash scripts/postgres/start.sh` starts a local cluster and prints the string.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${WORKFLOWS_TEST_POSTGRES:-}" ] && [ -f scripts/postgres/start.sh ] && [ "${WORKFLOWS_START_POSTGRES:-1}" = 1 ]; then
  WORKFLOWS_TEST_POSTGRES="$(sh scripts/postgres/start.sh | tail -1)"
  export WORKFLOWS_TEST_POSTGRES
fi
if [ ! -f src/Workflows.Host/wwwroot/designer/index.html ] && [ -f designer/package.json ]; then
  (cd designer && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)
fi
dotnet build Workflows.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test Workflows.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee /tmp/workflows-test.log | grep -vE '^\s+Passed ' 
status=${PIPESTATUS[0]}
set -e
# One closing line with the totals over every test project.
awk '/^[[:space:]]+Passed: [0-9]+$/ { p += $2 } /^[[:space:]]+Failed: [0-9]+$/ { f += $2 } /^[[:space:]]+Skipped: [0-9]+$/ { s += $2 }
     /^(Passed!|Failed!) / { for (i=1;i<=NF;i++) { if ($i=="Failed:") f+=$(i+1); if ($i=="Passed:") p+=$(i+1); if ($i=="Skipped:") s+=$(i+1) } }
     END { printf "Totals: %d passed, %d failed, %d skipped\n", p, f, s }' /tmp/workflows-test.log
exit $status
