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
