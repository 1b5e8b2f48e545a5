#!/usr/bin/env bash
# Instructions to the first screen (issue 10): kubestory's picker, vimtutor's first page, and
# a shell that prints one line, each counted by callgrind over every process it starts, in
# an 80x24 tmux terminal; each program is quit as soon as its first screen shows, so the
# count is its start-up plus a few idle wake-ups. Needs valgrind, tmux and vim (vimtutor).
#
#   cargo build --release && benches/first_screen.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'tmux -L first-screen kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/first-screen"; rm -rf "$out"' EXIT
count() { # NAME: sums the instructions of every process of the run
    cat "$out/$1".*.log | grep 'Collected' | awk '{s += $4} END {print s}'
}
run() { # NAME TEXT-THAT-SHOWS QUIT-KEYS COMMAND...
    local name="$1" shows="$2" quit="$3"
    shift 3
    tmux -L first-screen new-session -d -s "$name" -x 80 -y 24 \
        "valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null --log-file=$out/$name.%p.log $*"
    for _ in $(seq 1 120); do
        tmux -L first-screen capture-pane -p -t "$name" 2>/dev/null | grep -q "$shows" && break
        sleep 0.5
    done
    tmux -L first-screen send-keys -t "$name" $quit
    for _ in $(seq 1 60); do
        tmux -L first-screen has-session -t "$name" 2>/dev/null || break
        sleep 0.5
    done
}
valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \
    --log-file="$out/sh.%p.log" sh -c 'echo one line' >/dev/null
run vimtutor "Welcome" "Escape :qa! Enter" vimtutor
# A fresh state folder: no progress, the first run's picker.
run kubestory "Sandbox" "q" env XDG_STATE_HOME="$out/state" "$repo/target/release/kubestory"
sh=$(count sh)
vt=$(count vimtutor)
ks=$(count kubestory)
printf '%-34s %14s %14s\n' program instructions "over the shell"
printf '%-34s %14d %14s\n' "sh -c 'echo one line'" "$sh" "-"
printf '%-34s %14d %14d\n' "vimtutor (first page)" "$vt" $((vt - sh))
printf '%-34s %14d %14d\n' "kubestory (the picker)" "$ks" $((ks - sh))
