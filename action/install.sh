#!/usr/bin/env bash
# The install step of the faircopy GitHub Action (action.yml). Inputs come through the environment only:
#   FAIRCOPY_VERSION  empty: build faircopy from the action's own checkout ($GITHUB_ACTION_PATH);
#                     else a version, range or dist-tag of the faircopy package on npm, installed in $RUNNER_TEMP.
# It writes the output `bin`: the faircopy bin script that the audit step runs with node.
set -euo pipefail

error() {
  # Fixed messages only: nothing from the inputs is echoed into a workflow command.
  printf '::error title=faircopy action::%s\n' "$1"
  exit 2
}

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number)
  if (major < 20 || (major === 20 && minor < 19)) process.exit(1)
' || error 'faircopy needs Node.js 20.19 or later on the PATH (actions/setup-node before this action)'

version="${FAIRCOPY_VERSION:-}"
if [ -z "$version" ]; then
  action_path="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  (cd "$action_path" && npm ci --no-audit --no-fund && npm run build)
  bin="$action_path/dist/cli/bin.js"
else
  # A version (0.2.1), a range (^0.2) or a dist-tag (latest): never a path, URL or git spec.
  if ! [[ "$version" =~ ^[0-9A-Za-z.^~*+-]+$ ]] || [[ "$version" == -* ]]; then
    error 'the version input must be a faircopy version, range or dist-tag, such as 0.2.1, ^0.2 or latest'
  fi
  prefix="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/faircopy-install-XXXXXX")"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --ignore-scripts "faircopy@$version"
  bin="$prefix/node_modules/faircopy/dist/cli/bin.js"
fi

[ -f "$bin" ] || error 'faircopy was installed, but its bin script is missing'
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  delimiter="faircopy_$RANDOM$RANDOM$RANDOM"
  printf 'bin<<%s\n%s\n%s\n' "$delimiter" "$bin" "$delimiter" >> "$GITHUB_OUTPUT"
fi
