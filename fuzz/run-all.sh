#!/usr/bin/env bash
# Builds every fuzz target once, then runs each for SECONDS (default 60) from the seeded
# corpus, and prints per target: executions, executions per second, coverage (libFuzzer's
# `cov`, edges reached, and `ft`, features), corpus size and the outcome (crash files are in
# fuzz/artifacts/<target>/). A run stops at the first crash of a target; the others go on.
#
#   fuzz/run-all.sh [SECONDS] [TARGET...]
#
# Needs a nightly toolchain and cargo-fuzz (`rustup toolchain install nightly`,
# `cargo install cargo-fuzz`). Inputs may be FUZZ_MAX_LEN long from the first input
# (-len_control=0), rather than grown slowly from a few bytes.
# Environment: FUZZ_SANITIZER (default `none`: the code is safe Rust, and without
# AddressSanitizer a run executes about twice as many inputs; set `address` to use it),
# FUZZ_MAX_LEN (default 65536: large enough for deep nesting, long aliases and whole
# lessons), FUZZ_JOBS (libFuzzer -jobs/-workers, default 1).
set -uo pipefail
seconds="${1:-60}"
shift || true
fuzz="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$fuzz")"
cd "$repo" || exit 1
all=(manifest_load lesson_load kubectl_parse kubectl_execute sim_script state_files jsonpath field_selector container_shell wait_condition remote_input)
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi
sanitizer="${FUZZ_SANITIZER:-none}"
max_len="${FUZZ_MAX_LEN:-65536}"
jobs="${FUZZ_JOBS:-1}"

dict_for() {
    case "$1" in
        manifest_load | lesson_load) echo "$fuzz/dict/yaml.dict" ;;
        kubectl_parse | kubectl_execute | sim_script) echo "$fuzz/dict/kubectl.dict" ;;
        jsonpath | wait_condition) echo "$fuzz/dict/jsonpath.dict" ;;
        remote_input) echo "$fuzz/dict/terminal.dict" ;;
        *) echo "" ;;
    esac
}

[ -d "$fuzz/corpus" ] || "$fuzz/seed-corpus.sh"
cargo +nightly fuzz build -s "$sanitizer" || exit 1

logs="$fuzz/logs"
mkdir -p "$logs"
printf '%-16s %10s %8s %7s %7s %7s %8s  %s\n' target executions "exec/s" cov ft corpus "rss MB" outcome
for t in "${targets[@]}"; do
    mkdir -p "$fuzz/corpus/$t" "$fuzz/artifacts/$t"
    dict="$(dict_for "$t")"
    args=(-max_total_time="$seconds" -max_len="$max_len" -len_control=0 -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$fuzz/artifacts/$t/")
    [ -n "$dict" ] && args+=(-dict="$dict")
    [ "$jobs" -gt 1 ] && args+=(-jobs="$jobs" -workers="$jobs")
    log="$logs/$t.log"
    cargo +nightly fuzz run -s "$sanitizer" "$t" "$fuzz/corpus/$t" -- "${args[@]}" >"$log" 2>&1
    status=$?
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')"
    rss="$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')"
    last="$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' | tail -1)"
    cov="$(echo "$last" | awk '{print $2}')"
    ft="$(echo "$last" | awk '{print $4}')"
    corp="$(echo "$last" | awk '{print $6}')"
    if [ "$status" -eq 0 ]; then
        outcome="ok"
    else
        outcome="FAILED ($(grep -oE 'ERROR: libFuzzer: [a-z-]+|panicked at [^ ]+' "$log" | head -1)); see $log"
    fi
    printf '%-16s %10s %8s %7s %7s %7s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$outcome"
done
