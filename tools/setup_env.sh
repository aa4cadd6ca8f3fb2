#!/usr/bin/env bash
# The book's environment, as `make` sets it up (and `make bench` times it): a virtual environment
# with the exact versions of requirements.lock and the book's library, editable, with every extra.
# uv (from PyPI, pinned in requirements.lock) installs the packages in seconds; if uv cannot be
# installed or cannot run, pip does the same install (minutes). Both compile the packages' bytecode
# at install time (uv only when asked): a machine that sets PYTHONDONTWRITEBYTECODE would otherwise
# compile pandas, scipy and altair from source in every kernel, test and build process (the claims
# ledger's notebook took 14.8 s instead of 7.8 s).
#
# Usage: tools/setup_env.sh [VENV]   (default .venv; PYTHON names the interpreter, default python3)
set -euo pipefail
venv="${1:-.venv}"
case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
cd "$(dirname "$0")/.."
py="$venv/bin/python"
requirement=".[lab,book,classroom,test]"

test -x "$py" || "${PYTHON:-python3}" -m venv "$venv"
if "$py" -m pip install --quiet --disable-pip-version-check -c requirements.lock uv \
   && "$py" -m uv pip install --python "$py" --compile-bytecode -c requirements.lock -e "$requirement"; then
  echo "set-up: installed with uv into $venv"
else
  echo "set-up: uv failed; installing with pip instead" >&2
  "$py" -m pip install --quiet --upgrade pip
  "$py" -m pip install --progress-bar off -c requirements.lock -e "$requirement"
  echo "set-up: installed with pip into $venv"
fi
