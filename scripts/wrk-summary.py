#!/usr/bin/env python3
"""Reads wrk --latency output on stdin, prints one JSON line: rps, p50_ms, p99_ms, errors, non2xx, requests."""
import json
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text}")
    return float(match.group(1)) * UNITS[match.group(2)]


def main() -> None:
    out = sys.stdin.read()
    result = {"rps": None, "p50_ms": None, "p99_ms": None, "errors": 0, "non2xx": 0}
    for line in out.splitlines():
        line = line.strip()
        if re.match(r"^\d+ requests in ", line):
            result["requests"] = int(line.split()[0])
        elif line.startswith("Requests/sec:"):
            result["rps"] = float(line.split()[1])
        elif re.match(r"^50(\.0+)?%", line):
            result["p50_ms"] = millis(line.split()[1])
        elif re.match(r"^99(\.0+)?%", line):
            result["p99_ms"] = millis(line.split()[1])
        elif line.startswith("Socket errors:"):
            result["errors"] = sum(int(n) for n in re.findall(r"\d+", line))
        elif line.startswith("Non-2xx or 3xx responses:"):
            result["non2xx"] = int(line.split(":")[1])
    if result["rps"] is None:
        sys.stderr.write(out)
        raise SystemExit("wrk output not understood")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
