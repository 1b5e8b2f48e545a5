#!/usr/bin/env bash
# Idle CPU of the real binary in a real terminal: open a lesson in tmux, do one action, then
# leave it alone for 10 s and read the process's CPU time from /proc. Prints the idle CPU use
# in percent of one core. Usage: benches/idle_cpu.sh [path/to/kubestory]
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-target/release/kubestory}
[ -x "$BIN" ] || cargo build --release
D=tests/e2e/tui-drive
export TUI_DRIVE_SOCKET=kubestory-idle-$$
STATE=$(mktemp -d)
$D start idle --size 120x40 -- env XDG_STATE_HOME="$STATE" "$BIN" --lesson container-filesystem
$D wait idle "step 1/4" 10 >/dev/null
$D keys idle : ; $D type idle "kubectl apply -f story.yaml"; $D keys idle Enter
$D wait idle "goal met" 10 >/dev/null
sleep 2
PID=$(pgrep -n -f "$BIN --lesson container-filesystem")
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
T0=$(ticks); sleep 10; T1=$(ticks)
$D stop idle
rm -rf "$STATE"
awk -v a="$T0" -v b="$T1" -v hz="$HZ" 'BEGIN { printf "idle CPU over 10 s: %.2f%% of one core (%d ticks)\n", (b - a) / hz / 10 * 100, b - a }'
