#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs the Debian packages listed in deps/*.txt that are
# missing. Fast path: when everything is installed it prints nothing and needs no root.
bootstrap_apt() {
  local wanted missing=() pkg
  wanted=$(sed -e 's/#.*//' -e '/^\s*$/d' "$@")
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Node.js and npm run the browser test and its front-end packages (web/package-lock.json). The
# machine image ships them (NodeSource); Debian's packages are installed only where there are
# none, since they would conflict with that install.
bootstrap_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing Debian's nodejs and npm (no node/npm on PATH)"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
}
