#!/usr/bin/env bash
# Builds fuzz/corpus/<target>/ from the repository's own inputs, so every target starts from
# inputs that already reach deep into its parser: lessons, scenarios, test manifests, the
# manifests inside lessons, the shared Kubernetes examples, and the kubectl and script lines
# of every lesson. The corpus is git-ignored; run this again after adding lessons.
#
#   fuzz/seed-corpus.sh            # from anywhere inside the repository
#
# Needs bash and python3 (to cut lessons into their manifests and lines).
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$fuzz")"
corpus="$fuzz/corpus"
shared="${KUBESTORY_SHARED:-$repo/../shared}"
mkdir -p "$corpus"/{manifest_load,kubectl_parse,kubectl_execute,sim_script,lesson_load,state_files,jsonpath,field_selector,container_shell,wait_condition,remote_input}

# Content-addressed copies: the same input found twice is one file.
add() { # add TARGET FILE
    local sum
    sum="$(sha1sum "$2" | cut -c1-16)"
    cp "$2" "$corpus/$1/seed-$sum"
}

shopt -s nullglob globstar
for f in "$repo"/lessons/*.yaml "$repo"/tests/lessons/**/*.yaml "$repo"/tests/hostile/yaml/*.yaml; do
    add lesson_load "$f"
done
for f in "$repo"/tests/manifests/**/*.yaml "$repo"/assets/scenarios/*.yaml "$shared"/k8s-examples/**/*.yaml; do
    add manifest_load "$f"
done
for f in "$repo"/assets/scenarios/*.sim "$repo"/tests/**/*.sim; do
    add sim_script "$f"
    add kubectl_execute "$f"
done

# Lessons cut into what the other targets read: inline manifests (manifest_load), each
# step's solution and demo as a script (sim_script, kubectl_execute) and each kubectl line
# alone (kubectl_parse).
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$repo"/lessons/*.yaml "$repo"/tests/lessons/**/*.yaml <<'PY'
import os, re, sys
out, files = sys.argv[1], sys.argv[2:]
n = 0
def write(kind, text):
    global n
    os.makedirs(os.path.join(out, kind), exist_ok=True)
    n += 1
    with open(os.path.join(out, kind, f"{n}"), "w") as f:
        f.write(text)
for path in files:
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    i = 0
    script = []
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(\s*)(?:- )?(content|fixed): \|", line)
        if m:
            indent = len(line) - len(line.lstrip())
            body = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                body.append(lines[i])
                i += 1
            width = min((len(b) - len(b.lstrip()) for b in body if b.strip()), default=0)
            write("manifests", "\n".join(b[width:] for b in body) + "\n")
            continue
        m = re.match(r"^\s*- ((?:kubectl|story|node|wait|crash|cluster) .*)$", line)
        if m:
            cmd = m.group(1).strip().strip('"').strip("'")
            script.append(cmd)
            if cmd.startswith("kubectl "):
                write("kubectl", cmd + "\n")
        elif script and not line.strip().startswith("- "):
            write("scripts", "\n".join(script) + "\n")
            script = []
        i += 1
    if script:
        write("scripts", "\n".join(script) + "\n")
PY
for f in "$tmp"/manifests/*; do add manifest_load "$f"; done
for f in "$tmp"/scripts/*; do add sim_script "$f"; add kubectl_execute "$f"; done
for f in "$tmp"/kubectl/*; do add kubectl_parse "$f"; add kubectl_execute "$f"; done

# The files kept between runs: a progress file and a settings file as kubestory writes them.
printf '%s\n' '{"version": 1, "lessons": {"01-state": {"step": 2, "done_steps": ["write", "crash"], "hints": {"write": 1}, "answers": {"crash": 0}}}, "last_lesson": "01-state"}' > "$tmp/progress.json"
printf '%s\n' '{"theme": "light", "present_theme": "high-contrast"}' > "$tmp/settings.json"
add state_files "$tmp/progress.json"
add state_files "$tmp/settings.json"

# JSONPath templates as kubectl's users write them (and client-go's tests).
i=0
for t in '{.items[*].metadata.name}' '{range .items[*]}{.metadata.name}{"\t"}{end}' \
    '{.items[?(@.spec.n>=3)].metadata.labels.x}' '{..name}' '{.items[0:-1:2]}' \
    "{.items[*]['metadata.name', 'spec.b']}" '{.items[?(@.metadata.name=="a")].spec.accessModes[-1]}'; do
    i=$((i + 1))
    printf '%s' "$t" >"$tmp/jsonpath-$i"
    add jsonpath "$tmp/jsonpath-$i"
done

# Field selectors as kubectl's users write them (and apimachinery's selector tests).
i=0
for t in 'status.phase=Running' 'spec.nodeName!=n1,metadata.name==a' 'a=x\,y\=z' 'foo' 'a=b=c' \
    'involvedObject.kind=Pod,type!=Normal'; do
    i=$((i + 1))
    printf '%s' "$t" >"$tmp/field_selector-$i"
    add field_selector "$tmp/field_selector-$i"
done

# `kubectl wait --for=…` conditions (kubectl wait.go's examples and tests).
i=0
for t in 'condition=Ready' 'condition=Ready=false' 'delete' 'create' \
    'jsonpath={.status.phase}=Bound' "jsonpath='{.status.readyReplicas}'=3" \
    'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' 'jsonpath=.status' \
    'jsonpath={.a}==b=c'; do
    i=$((i + 1))
    printf '%s' "$t" >"$tmp/wait-$i"
    add wait_condition "$tmp/wait-$i"
done

# Remote terminal input (issue 14): a session's bytes as an SSH client sends them; the first
# byte chooses the chunk size the fuzz target cuts them in.
i=0
for t in '\003:get pods\r\n\033?' '\005\033[1;5D\033b\001k\033[F\033\177' \
    '\001\033[200~kubectl get pvc\r\033[201~q' '\007\033[<0;10;5M\033[<64;3;4M\033OA\033[3~' \
    '\002\303\251\342\202\254\360\237\246\200\033[24;5~\033[Z\033[I'; do
    i=$((i + 1))
    printf "$t" >"$tmp/remote-$i"
    add remote_input "$tmp/remote-$i"
done

for d in "$corpus"/*/; do
    printf '%-16s %5d inputs\n' "$(basename "$d")" "$(ls "$d" | wc -l)"
done
