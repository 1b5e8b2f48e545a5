#!/usr/bin/env bash
# Idle CPU of the real binary in a real terminal: open a lesson in tmux, do one action, then
# leave it alone for 10 s and read the process's CPU time from /proc. Prints the idle CPU use
# in percent of one core. Usage: benches/idle_cpu.sh [path/to/kubestory] [lesson|quiz|notes]
#   lesson: a lesson after one command; quiz: a quiz with a running --time-limit countdown
#   (a redraw a second); notes: `present --notes` following a presentation.
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-target/release/kubestory}
[ -x "$BIN" ] || cargo build --release
D=tests/e2e/tui-drive
export TUI_DRIVE_SOCKET=kubestory-idle-$$
STATE=$(mktemp -d)
MODE=${2:-lesson}
case "$MODE" in
lesson)
  ARGS="--lesson container-filesystem"
  $D start idle --size 120x40 -- env XDG_STATE_HOME="$STATE" "$BIN" $ARGS
  $D wait idle "step 1/4" 10 >/dev/null
  $D keys idle : ; $D type idle "kubectl apply -f story.yaml"; $D keys idle Enter
  $D wait idle "goal met" 10 >/dev/null ;;
quiz)
  ARGS="quiz emptydir --time-limit 10m"
  $D start idle --size 120x40 -- env XDG_STATE_HOME="$STATE" "$BIN" $ARGS
  $D wait idle "left" 10 >/dev/null ;;
notes)
  $D start pres --size 160x45 -- env XDG_STATE_HOME="$STATE" "$BIN" present emptydir
  ARGS="present --notes"
  $D start idle --size 100x30 -- env XDG_STATE_HOME="$STATE" "$BIN" $ARGS
  $D wait idle "step 1/4" 10 >/dev/null ;;
*) echo "usage: $0 [BIN] [lesson|quiz|notes]" >&2; exit 2 ;;
esac
sleep 2
PID=$(pgrep -n -f "$BIN $ARGS")
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
T0=$(ticks); sleep 10; T1=$(ticks)
$D stop idle
[ "$MODE" = notes ] && $D stop pres
rm -rf "$STATE"
awk -v a="$T0" -v b="$T1" -v hz="$HZ" -v m="$MODE" 'BEGIN { printf "idle CPU (%s) over 10 s: %.2f%% of one core (%d ticks)\n", m, (b - a) / hz / 10 * 100, b - a }'
