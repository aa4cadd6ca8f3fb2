#!/usr/bin/env bash
# Install Node.js and npm from Debian, to fetch axe-core for the accessibility checks.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "npm not found: installing Debian's nodejs and npm packages" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
