#!/usr/bin/env bash
# Downloads the bundled official examples again from kubernetes/website (main branch).
#   assets/k8s-examples/refresh.sh [PATH...]   PATH relative to content/en/examples/
# Without arguments, every .yaml file already in this folder is refreshed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples"
cd "$here"
if [ "$#" -gt 0 ]; then paths=("$@"); else mapfile -t paths < <(find . -name '*.yaml' | sed 's|^\./||' | sort); fi
for p in "${paths[@]}"; do
    mkdir -p "$(dirname "$p")"
    curl -fsSL "$base/$p" -o "$p.tmp" && mv "$p.tmp" "$p" && echo "refreshed $p"
done
