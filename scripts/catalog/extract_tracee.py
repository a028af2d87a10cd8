#!/usr/bin/python3
"""Extract the facts Sluice carries over from Tracee's syscall events into tracee-syscalls.tsv.

Run by hand when Tracee's definitions are to be followed again (never by the build):

    extract_tracee.py GIT_DIR [COMMIT] > scripts/catalog/tracee-syscalls.tsv

GIT_DIR is a clone of github.com/aquasecurity/tracee. Read from it, at COMMIT (default HEAD):
  pkg/events/core_amd64.go   the x86_64 syscall numbers (Tracee's event id of a syscall is its x86_64 number)
  pkg/events/core_arm64.go   the arm64 numbers
  pkg/events/core.go         per syscall event: name, sets, fields (name and DecodeAs), in order
  api/v1beta1/event.proto    the public EventId number of each event (Sluice's catalog id)

Tracee also defines events for 32-bit-only syscalls (waitpid, oldstat, ...; set 32bit_unique), numbered after the last
x86_64 one: they are kept with their i386 number and no x86_64 one (Sluice names them but does not trace ia32
emulation). The returnValue field is left out: Sluice appends it to every syscall event.
"""
import re
import subprocess
import sys

UNSUPPORTED = 9000


def show(git_dir, commit, path):
    return subprocess.run(["git", "-C", git_dir, "show", f"{commit}:{path}"], check=True, capture_output=True,
                          text=True).stdout


def const_ids(text, first_block_only=True):
    """Go const blocks of `Name ID = expr` lines with iota, evaluated: name -> number."""
    ids = {}
    for block in re.finditer(r"\nconst \(\n(.*?)\n\)", text, re.S):
        body = block.group(1)
        if " ID = " not in body:
            continue
        iota = 0
        expr = None
        for line in body.split("\n"):
            line = line.split("//")[0].strip()
            if not line:
                continue
            m = re.match(r"^(\w+)(?:\s+ID\s*=\s*(.+))?$", line)
            if not m:
                continue
            name, value = m.group(1), m.group(2)
            if value is not None:
                expr = value.strip()
            ids[name] = evaluate(expr, iota, ids)
            iota += 1
        if first_block_only:
            break
    return ids


def evaluate(expr, iota, known):
    text = expr.replace("iota", str(iota)).replace("Unsupported", str(UNSUPPORTED))
    for name, value in known.items():
        text = re.sub(rf"\b{name}\b", str(value), text)
    if not re.fullmatch(r"[0-9+\- ]+", text):
        raise ValueError(f"cannot evaluate {expr!r}")
    return eval(text)  # digits, + and - only


def proto_ids(text):
    enum = re.search(r"enum EventId \{(.*?)\n\}", text, re.S).group(1)
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\s*(\w+)\s*=\s*(\d+);", enum, re.M)}


def definitions(text):
    body = text[text.index("var CoreEvents = map[ID]Definition{"):]
    parts = re.split(r"\n\t(\w+): \{\n", body)
    for i in range(1, len(parts), 2):
        key, block = parts[i], parts[i + 1].split("dependencies:")[0]
        if "syscall: true" not in block:
            continue
        name = re.search(r'\bname:\s+"([^"]+)"', block).group(1)
        sets = re.findall(r'"([^"]+)"', re.search(r"sets:\s+\[\]string\{([^}]*)\}", block).group(1))
        fields = [(m.group(2), m.group(1)) for m in re.finditer(
            r'DecodeAs: data\.(\w+), ArgMeta: trace\.ArgMeta\{Type: "[^"]+", Name: "([^"]+)"\}', block)]
        id32 = re.search(r"id32Bit:\s+(\w+),", block).group(1)
        yield key, name, id32, sets, [f for f in fields if f[0] != "returnValue"]


def main():
    git_dir = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    sha = subprocess.run(["git", "-C", git_dir, "rev-parse", commit], check=True, capture_output=True,
                         text=True).stdout.strip()
    x86 = const_ids(show(git_dir, commit, "pkg/events/core_amd64.go"))
    arm = const_ids(show(git_dir, commit, "pkg/events/core_arm64.go"))
    i386 = const_ids(show(git_dir, commit, "pkg/events/core_amd64.go").split("x86 32bit syscall numbers")[1])
    public = proto_ids(show(git_dir, commit, "api/v1beta1/event.proto"))
    last_x86 = x86["ProcessMrelease"]  # the last real x86_64 syscall Tracee numbers; 32-bit-only ones follow
    rows = []
    for key, name, id32, sets, fields in definitions(show(git_dir, commit, "pkg/events/core.go")):
        nr = x86.get(key)
        if nr is None:
            continue
        x86_nr = str(nr) if nr <= last_x86 else "-"
        i386_nr = str(i386[id32]) if id32 in i386 else "-"
        arm_nr = arm.get(key)
        if name not in public:
            raise SystemExit(f"{name}: no public EventId in api/v1beta1/event.proto")
        args = ";".join(f"{field}:{decode}" for field, decode in fields)
        rows.append((public[name], x86_nr, "-" if arm_nr is None or arm_nr >= UNSUPPORTED else str(arm_nr), i386_nr, name,
                     ",".join(sets), args))
    rows.sort()
    print(f"# Tracee's syscall events, from github.com/aquasecurity/tracee at {sha}")
    print("# (scripts/catalog/extract_tracee.py; read by scripts/catalog/generate.py)")
    print("# event_id\tx86_64\tarm64\ti386\tname\tsets\targs (name:DecodeAs;...)")
    for row in rows:
        print("\t".join(str(c) for c in row))


if __name__ == "__main__":
    main()
