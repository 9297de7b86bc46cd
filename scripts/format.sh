#!/usr/bin/env bash
# Checks that every C++ file is as clang-format 14 writes it (.clang-format) and every JS file as
# Prettier writes it (.prettierrc.json, which reads .editorconfig): the files git tracks, and new
# ones it does not ignore. With --fix, rewrites them.
# Installs clang-format (Debian) and Prettier (npm) when missing.
#   scripts/format.sh [--fix]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/debian-packages.sh

fix=false
[[ ${1:-} == --fix ]] && fix=true
install_debian_packages format clang-format
[[ -x node_modules/.bin/prettier ]] || npm install --no-audit --no-fund

mapfile -t cpp < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp' '*.h')
mapfile -t js < <(git ls-files --cached --others --exclude-standard '*.js' '*.mjs' '*.cjs' '*.mts' '*.ts')

if $fix; then
  clang-format -i "${cpp[@]}"
  node_modules/.bin/prettier --log-level warn --write "${js[@]}"
  exit 0
fi
status=0
if ! report=$(clang-format --dry-run -Werror "${cpp[@]}" 2>&1); then
  # One line per file rather than every differing line.
  grep -o '^[^: ]*:' <<<"$report" | sort -u | sed 's/:$/: not as clang-format writes it/' >&2
  status=1
fi
# Prettier skips what .prettierignore names (generated files).
node_modules/.bin/prettier --log-level warn --check "${js[@]}" || status=1
if ((status != 0)); then
  echo "format: run bash scripts/format.sh --fix" >&2
fi
exit "$status"
