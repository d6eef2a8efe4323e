#!/usr/bin/env bash
# Installs the Debian 12 packages volley builds with, skipping those already present.
# Usage: cmake/install-deps.sh [extra-package ...]
set -euo pipefail
packages=(g++ cmake ninja-build libhwy-dev libeigen3-dev catch2 libbenchmark-dev libcli11-dev
          nlohmann-json3-dev libfmt-dev libprimesieve-dev primesieve libtbb-dev python3 python3-matplotlib "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
