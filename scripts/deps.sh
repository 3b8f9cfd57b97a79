#!/usr/bin/env bash
# Installs the Debian 12 packages KillScope needs, and nothing when all are there.
#   scripts/deps.sh run    what building and running the program needs
#   scripts/deps.sh test   that plus what the tests need (MariaDB, Xvfb, a CJK font, ...)
#   scripts/deps.sh bench  that plus what the benchmarks compare against (pt-kill from
#                          percona-toolkit)
# Non-interactive; uses sudo when not root.
set -euo pipefail

mode=${1:-run}

run_pkgs=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libqt6sql6-mysql libqt6sql6-sqlite libqt6svg6 libgl1-mesa-dev qt6-translations-l10n
    nlohmann-json3-dev qtkeychain-qt6-dev libmariadb-dev
    fonts-wqy-microhei
)
test_pkgs=(
    mariadb-server mariadb-client
    xvfb xauth
    python3 openssl
    libzstd-dev
)
bench_pkgs=(
    percona-toolkit
)

case "$mode" in
run) pkgs=("${run_pkgs[@]}") ;;
test) pkgs=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
bench) pkgs=("${run_pkgs[@]}" "${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
*) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "KillScope: installing missing Debian packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "KillScope: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
