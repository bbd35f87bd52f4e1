# Shared by scripts/start and scripts/test: make .venv with Python 3.11+ and install a requirements file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BAJOR_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; return 1; fi
}

apt_install() {  # apt_install PACKAGE... : install Debian packages that are missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

make_venv() {  # make_venv REQUIREMENTS_FILE : the project (editable) and its packages, at constraints.txt's pins
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PY" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' 2>/dev/null; then
      echo "Python 3.11 or newer is needed as '$PY' (set PYTHON=...)" >&2; exit 1
    fi
    "$PY" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PY" -m venv "$VENV"; }
  fi
  # Install again whenever the list, the pins or the project's metadata changed since the last install.
  local stamp="$VENV/.installed-$(basename "$1")" f stale=
  [ -f "$stamp" ] || stale=1
  for f in "$1" "$ROOT/requirements.txt" "$ROOT/constraints.txt" "$ROOT/pyproject.toml"; do
    [ "$f" -nt "$stamp" ] && stale=1
  done
  if [ -n "$stale" ]; then
    # -e . in the lists is relative to the working directory: install from the project's root
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      -c "$ROOT/constraints.txt" -r "$1")
    touch "$stamp"
  fi
}
