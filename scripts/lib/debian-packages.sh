# Sourced by the install scripts. install_debian_packages NAME PACKAGE...: installs with apt-get
# the Debian packages that are not installed yet, and nothing else; as another user than root,
# names them and the command to run, and fails. NAME prefixes every message.
install_debian_packages() {
  local name=$1
  shift
  local missing=() package status
  for package in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
    [[ "$status" == ii* ]] || missing+=("$package")
  done
  ((${#missing[@]} > 0)) || return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "$name: missing Debian packages: ${missing[*]}" >&2
    echo "$name: install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
  echo "$name: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}
