#!/usr/bin/env python3
"""CPU samples of a JMH benchmark per Java source line, from JMH's perfasm profiler.

Why: a profile by method hides where a method's time goes once the JIT has inlined everything into it (the JSON
writer compiles into a handful of methods), and without a disassembler the JVM can load (JDK 17 loads an hsdis that
exports decode_instructions_virtual; Debian's libhsdis0-fcml exports only the older decode_instructions) the listing
shows instructions as bytes, and JMH's own per-instruction view attributes next to nothing. The listing still gives,
at each address where the JIT recorded debug information, the bytecode and the inlining chain of the code that ends
there; this joins perf's samples to those ranges.

Run (as root, where `perf` works):

    mkdir -p /tmp/asm
    java -jar perf/target/benchmarks.jar FormatBenchmark -p format=json -f 1 -wi 3 -i 4 \\
        -prof "perfasm:events=cpu-clock;top=1;savePerfBin=true;savePerfBinTo=/tmp/asm;saveLog=true;saveLogTo=/tmp/asm" \\
        -jvmArgsAppend "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED -XX:+UseParallelGC"
    perf/jit-lines.py /tmp/asm/*.log /tmp/asm/*.perfbin 7.5

(-jvmArgsAppend replaces the benchmark's own, so it repeats them.) The last argument is how many seconds of the
fork's samples to leave out: its start and warm-up (JMH prints what it skipped); the few samples after the last
measured iteration stay in. Samples are of every thread of the fork. A sample is given to the first address after it
with debug information in the same compiled method (that information describes the code ending there); a sample in a
compiled method past its last such address counts for the method alone; one outside every listed method (stubs such
as array copies, the VM, the kernel, the compiler threads) is unattributed. When the code cache reused a flushed
method's space, the later method's listing wins (a line says how many were dropped).
"""
import bisect
import collections
import re
import subprocess
import sys

METHOD = re.compile(r'\s*Compiled method \((?:c1|c2)\)\s+\d+\s+\d+\s+(?:[%sbn!]\s*)*\d\s+(\S+::\S+)')
MAIN_CODE = re.compile(r'\s*main code\s+\[(0x[0-9a-f]+),(0x[0-9a-f]+)\]')
# an address line with a comment, after JMH's optional share of the samples: "  0.12%  0x...: ;*aload {...}"
NOTE = re.compile(r'\s*(?:[\d.]+%\s+)?(0x[0-9a-f]{16}): ;')
FRAME = re.compile(r'; - (?:\(reexecute\) )?(\S+::\S+)@(\d+)(?: \(line (\d+)\))?')


class Listing:
    """One compiled method: its code range and, in address order, the inlining chains recorded in it."""

    def __init__(self, name):
        self.name, self.low, self.high, self.notes = name, 0, 0, {}

    def ends(self):
        return sorted(self.notes)


def listings(log):
    """Every compiled method of the JIT's listing, later ones first dropping the earlier ones they overlap."""
    methods, current, note = [], None, None
    with open(log, errors='replace') as lines:
        for line in lines:
            header = METHOD.match(line)
            if header:
                current, note = Listing(header.group(1)), None
                methods.append(current)
                continue
            if current is None:
                continue
            code = MAIN_CODE.match(line)
            if code:
                current.low, current.high = int(code.group(1), 16), int(code.group(2), 16)
                continue
            address = NOTE.match(line)
            if address:
                note = int(address.group(1), 16)
                continue
            frame = FRAME.search(line)
            if frame and note is not None:
                where = frame.group(3) and ':' + frame.group(3) or '@' + frame.group(2)
                # innermost first: the first frame listed at an address is where the code is
                current.notes.setdefault(note, []).append(frame.group(1).split('.')[-1] + where)
    kept = []
    for method in (m for m in methods if m.high > m.low):
        kept = [k for k in kept if k.high <= method.low or k.low >= method.high]
        kept.append(method)
    dropped = sum(1 for m in methods if m.high > m.low) - len(kept)
    return sorted(kept, key=lambda m: m.low), dropped


def samples(perfbin, skip_seconds):
    """Instruction pointers of perf's samples, less the first skip_seconds."""
    run = subprocess.run(['perf', 'script', '-i', perfbin, '-F', 'ip,time'], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f'perf/jit-lines.py: perf script failed: {run.stderr.strip()}')
    timed = [(float(parts[0].rstrip(':')), int(parts[1], 16))
             for parts in (line.split() for line in run.stdout.splitlines()) if len(parts) == 2]
    if not timed:
        sys.exit(f'perf/jit-lines.py: no samples in {perfbin}')
    start = min(time for time, _ in timed)
    return [ip for time, ip in timed if time - start >= skip_seconds]


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: perf/jit-lines.py JMH_LOG PERFBIN SKIP_SECONDS')
    methods, dropped = listings(sys.argv[1])
    if not methods:
        sys.exit(f'perf/jit-lines.py: no compiled method in {sys.argv[1]}')
    lows = [m.low for m in methods]
    ends = [m.ends() for m in methods]
    ips = samples(sys.argv[2], float(sys.argv[3]))
    by_line, by_chain, unattributed = collections.Counter(), collections.Counter(), 0
    for ip in ips:
        i = bisect.bisect_right(lows, ip) - 1
        if i < 0 or ip >= methods[i].high:
            unattributed += 1
            continue
        j = bisect.bisect_right(ends[i], ip)
        if j == len(ends[i]):
            by_line[methods[i].name.split('.')[-1] + ' (no debug information)'] += 1
            continue
        frames = methods[i].notes[ends[i][j]]
        by_line[frames[0]] += 1
        by_chain[' < '.join(frames[:3])] += 1
    total = max(1, len(ips))
    print(f'{len(ips)} samples, {100 * unattributed / total:.1f}% unattributed (stubs, the VM, the kernel, other '
          f'threads); {dropped} listings dropped for a later one at the same addresses')
    for line, count in by_line.most_common(40):
        print(f'{100 * count / total:5.1f}% {line}')
    print()
    for chain, count in by_chain.most_common(25):
        print(f'{100 * count / total:5.1f}% {chain}')


if __name__ == '__main__':
    main()
