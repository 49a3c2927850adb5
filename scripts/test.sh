#!/usr/bin/env bash
# Install what the tests need (system Chromium for the browser tests, the package with its test extras)
# into a virtual environment, build the gazetteer, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
  else
    echo "scripts/test.sh: chromium is missing and we are not root; browser tests will be skipped" >&2
  fi
fi

VENV="${GEOMAP_VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e ".[test]"
"$VENV/bin/geomap" gazetteer build
"$VENV/bin/python" -m pytest -q "$@"
