#!/usr/bin/env python3
"""CPU samples of a JMH benchmark per Java source line, from JMH's perfasm profiler.

Why: a profile by method hides where a method's time goes once the JIT has inlined everything into it (the JSON
writer compiles into a handful of methods), and the disassembler Debian has (libhsdis0-fcml) prints instructions as
bytes, so JMH's own per-instruction view attributes next to nothing. The JIT's listing still says which source line
(and which inlining chain) each address range comes from; this joins perf's samples to those ranges.

Run (as root, on a machine where `perf` works; libhsdis0-fcml installed):

    mkdir -p /tmp/hsdis /tmp/asm && ln -sf /usr/lib/x86_64-linux-gnu/libhsdis.so.0 /tmp/hsdis/hsdis-amd64.so
    LD_LIBRARY_PATH=/tmp/hsdis java -jar perf/target/benchmarks.jar FormatBenchmark -p format=json -f 1 -wi 3 -i 4 \\
        -prof "perfasm:events=cpu-clock;top=1;savePerfBin=true;savePerfBinTo=/tmp/asm;saveLog=true;saveLogTo=/tmp/asm" \\
        -jvmArgsAppend "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED"
    perf/jit-lines.py /tmp/asm/*.log /tmp/asm/*.perfbin 7.5

The last argument is how many seconds of the fork to leave out (its start and warm-up; JMH prints what it skipped).
Prints the share of samples per innermost source line, then per chain of the three innermost frames. Samples outside
the listed code (stubs such as array copies, the kernel) are counted as unattributed.
"""
import bisect
import collections
import re
import subprocess
import sys

ADDRESS_NOTE = re.compile(r'\s*(0x[0-9a-f]{16}): (;\*\S+|;\s*\{|; ImmutableOopMap)')
ADDRESS_BYTES = re.compile(r'\s*(0x[0-9a-f]{16}): [0-9a-f]{4}')
FRAME = re.compile(r'; - (?:\(reexecute\) )?(\S+::\S+)@\d+ \(line (\d+)\)')
# an address range belongs to the note before it only this far: beyond, it is code the listing did not annotate
MAX_GAP = 256


def annotated_addresses(log):
    """(address, frames innermost first) for every address the JIT's listing annotates with a source position."""
    marks, address, frames, pending = [], None, [], False
    with open(log, errors='replace') as lines:
        for line in lines:
            note = ADDRESS_NOTE.match(line)
            if note:
                if pending and frames:
                    marks.append((address, frames))
                address, frames, pending = int(note.group(1), 16), [], True
                continue
            frame = FRAME.search(line)
            if frame and pending:
                frames.append(frame.group(1).split('.')[-1] + ':' + frame.group(2))
                continue
            if ADDRESS_BYTES.match(line) and pending:
                if frames:
                    marks.append((address, frames))
                pending, frames = False, []
    marks.sort(key=lambda mark: mark[0])
    return marks


def samples(perfbin, skip_seconds):
    """Instruction pointers of perf's samples, less the first skip_seconds."""
    out = subprocess.run(['perf', 'script', '-i', perfbin, '-F', 'ip,time'], capture_output=True, text=True).stdout
    timed = [(float(parts[0].rstrip(':')), int(parts[1], 16))
             for parts in (line.split() for line in out.splitlines()) if len(parts) == 2]
    if not timed:
        sys.exit(f'perf/jit-lines.py: no samples in {perfbin}')
    start = min(time for time, _ in timed)
    return [ip for time, ip in timed if time - start >= skip_seconds]


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: perf/jit-lines.py JMH_LOG PERFBIN SKIP_SECONDS')
    marks = annotated_addresses(sys.argv[1])
    starts = [address for address, _ in marks]
    ips = samples(sys.argv[2], float(sys.argv[3]))
    by_line, by_chain, unattributed = collections.Counter(), collections.Counter(), 0
    for ip in ips:
        i = bisect.bisect_right(starts, ip) - 1
        if i < 0 or ip - starts[i] > MAX_GAP:
            unattributed += 1
            continue
        frames = marks[i][1]
        by_line[frames[0]] += 1
        by_chain[' < '.join(frames[:3])] += 1
    total = max(1, len(ips))
    print(f'{len(ips)} samples, {100 * unattributed / total:.1f}% unattributed (stubs, kernel, unlisted code)')
    for line, count in by_line.most_common(40):
        print(f'{100 * count / total:5.1f}% {line}')
    print()
    for chain, count in by_chain.most_common(25):
        print(f'{100 * count / total:5.1f}% {chain}')


if __name__ == '__main__':
    main()
