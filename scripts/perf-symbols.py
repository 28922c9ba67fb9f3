#!/usr/bin/env python3
"""Self and inclusive CPU shares by function, from `perf script` output, with the proxy's own
functions named even where perf cannot read the binary's symbols.

    perf script -i perf.data -F comm,ip,sym,dso | scripts/perf-symbols.py BINARY [TOP] [THREAD]

THREAD keeps only the samples of threads whose name contains it (`curl-multi`, `NIO`, `qos`:
the Swift concurrency pool).

Why: perf 6.1 here reports "cannot get elf header" for the Swift release binaries (100+ MB with
DWARF) and leaves every frame of the proxy's own code unnamed. The addresses perf prints for an
unnamed frame are relative to the binary, which is position-independent and mapped from offset 0,
so they are the symbol table's addresses: `nm -n` names them, `swift demangle` makes them readable.
"""
import bisect
import collections
import re
import subprocess
import sys

binary = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
thread = sys.argv[3] if len(sys.argv) > 3 else None
binary_name = binary.rsplit("/", 1)[-1]

addresses, names = [], []
for line in subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
    parts = line.split(" ", 2)
    if len(parts) == 3 and parts[1] in "tTwW":
        addresses.append(int(parts[0], 16))
        names.append(parts[2])


def name_of(address: int) -> str:
    index = bisect.bisect_right(addresses, address) - 1
    return names[index] if index >= 0 else f"0x{address:x}"


frame_pattern = re.compile(r"^\s*([0-9a-f]+) (.*) \((.*)\)$")
samples = []          # each sample: its frames, innermost first
frames = []
keep = True
for line in sys.stdin:
    if not line.strip():
        if frames and keep:
            samples.append(frames)
        frames = []
        continue
    if not line[0].isspace():   # the sample's header: the thread's name
        keep = thread is None or thread in line
        continue
    match = frame_pattern.match(line.rstrip("\n"))
    if not match:
        continue
    address, symbol, dso = match.groups()
    if symbol == "[unknown]" and dso.endswith("/" + binary_name):
        symbol = name_of(int(address, 16))
    frames.append(symbol)
if frames and keep:
    samples.append(frames)

mangled = sorted({symbol for frames in samples for symbol in frames if symbol.startswith("$s")})
demangled = dict(zip(mangled, subprocess.run(
    ["swift", "demangle", "--simplified", "--compact"], input="\n".join(mangled), capture_output=True, text=True
).stdout.splitlines())) if mangled else {}


def readable(symbol: str) -> str:
    return demangled.get(symbol, symbol)[:180]


self_counts, inclusive_counts = collections.Counter(), collections.Counter()
for frames in samples:
    self_counts[readable(frames[0])] += 1
    for symbol in {readable(frame) for frame in frames}:
        inclusive_counts[symbol] += 1
total = len(samples) or 1
print(f"{total} samples")
print("== self ==")
for symbol, count in self_counts.most_common(top):
    print(f"{100 * count / total:6.2f}%  {symbol}")
print("== inclusive ==")
for symbol, count in inclusive_counts.most_common(top * 2):
    print(f"{100 * count / total:6.2f}%  {symbol}")
