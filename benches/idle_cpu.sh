#!/usr/bin/env bash
# Idle CPU of the real binary in a real terminal: open a lesson in tmux, do one action, then
# leave it alone for 10 s (60 s for the clock modes) and read the process's CPU time from
# /proc. Prints the idle CPU use in percent of one core.
# Usage: benches/idle_cpu.sh [path/to/kubestory] [lesson|quiz|notes|clock|clock60]
#   lesson: a lesson after one command; quiz: a quiz with a running --time-limit countdown
#   (a redraw a second); notes: `present --notes` following a presentation; clock: the kind
#   sandbox with the simulated clock running at x1 and `kubectl get pvc -w` streaming (a
#   redraw a simulated second); clock60: the same at x60.
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
clock|clock60)
  ARGS="--sandbox --profile kind"
  $D start idle --size 120x40 -- env XDG_STATE_HOME="$STATE" "$BIN" $ARGS
  $D wait idle "t/> " 10 >/dev/null
  $D keys idle : ; $D type idle "kubectl apply -f assets/scenarios/watch-wffc.pvc.yaml"; $D keys idle Enter
  $D wait idle "persistentvolumeclaim/data created" 10 >/dev/null
  $D keys idle Escape : ; $D type idle "kubectl get pvc -w"; $D keys idle Enter
  $D wait idle "stop watching" 10 >/dev/null
  $D keys idle Escape
  [ "$MODE" = clock60 ] && $D keys idle ">" ">"
  SECS=60 ;;
*) echo "usage: $0 [BIN] [lesson|quiz|notes|clock|clock60]" >&2; exit 2 ;;
esac
SECS=${SECS:-10}
sleep 2
PID=$(pgrep -n -f "$BIN $ARGS")
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
T0=$(ticks); sleep "$SECS"; T1=$(ticks)
$D stop idle
[ "$MODE" = notes ] && $D stop pres
rm -rf "$STATE"
awk -v a="$T0" -v b="$T1" -v hz="$HZ" -v m="$MODE" -v s="$SECS" 'BEGIN { printf "idle CPU (%s) over %d s: %.2f%% of one core (%d ticks)\n", m, s, (b - a) / hz / s * 100, b - a }'
