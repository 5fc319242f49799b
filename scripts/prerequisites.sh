#!/usr/bin/env bash
# Installs the Debian packages EvalUnit's code tasks and tests use, when they are missing:
#   bubblewrap, util-linux, mount   the sandbox code tasks run the model's code in (docs/security.md)
#   socat                           the sandbox's loopback forwarder (without it a slower JVM forwarder runs)
#   chromium, chromium-driver       with --tests: the HTML report's browser test (skipped without it)
# Everything else the build needs, Maven fetches from Maven Central. Installing needs root (or sudo).
set -euo pipefail
packages=()
for tool in bwrap nsenter setpriv prlimit; do
    command -v "$tool" >/dev/null 2>&1 || { packages+=(bubblewrap util-linux mount); break; }
done
command -v socat >/dev/null 2>&1 || packages+=(socat)
if [ "${1:-}" = "--tests" ] && ! command -v chromium >/dev/null 2>&1; then
    packages+=(chromium chromium-driver)
fi
[ "${#packages[@]}" -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "EvalUnit needs ${packages[*]} (Debian names) and cannot install them here: install them, then run again" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "EvalUnit needs ${packages[*]}: run this as root (apt-get install ${packages[*]})" >&2
        exit 1
    fi
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${packages[@]}"
