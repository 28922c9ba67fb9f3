#!/usr/bin/env python3
"""Open-model, constant-rate HTTP load for the benchmark scripts.

Requests are scheduled at fixed intervals (rate per second) and latency is measured from each
request's *intended* send time, so a stalled server is not hidden by a stalled generator
(coordinated omission). Keep-alive connections, plain HTTP/1.1 GET.

Usage: loadgen.py URL --rate R --duration S [--connections C] [--warmup S] [--expect TEXT] [--header "N: V"]…
Prints one JSON line: sent, ok, errors, unexpected (200 without TEXT), achieved_rate,
p50_ms, p99_ms, p999_ms, max_ms, behind_ms (how late the generator itself started requests).
"""
import argparse
import asyncio
import json
import time
from urllib.parse import urlsplit


class Connection:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path, headers=()):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        extra = "".join(f"{header}\r\n" for header in headers)
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n{extra}\r\n"
        self.writer.write(request.encode())
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        body = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, body

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, int(fraction * len(sorted_values)))
    return sorted_values[index]


async def run(args):
    url = urlsplit(args.url)
    path = url.path + (f"?{url.query}" if url.query else "")
    pool = asyncio.Queue()
    for _ in range(args.connections):
        pool.put_nowait(Connection(url.hostname, url.port or 80))
    interval = 1.0 / args.rate
    total = int(args.rate * (args.warmup + args.duration))
    warm = int(args.rate * args.warmup)
    latencies, stats, behind = [], {"ok": 0, "errors": 0, "unexpected": 0}, []
    expect = args.expect.encode() if args.expect else None

    async def one(index, intended):
        connection = await pool.get()
        try:
            status, body = await asyncio.wait_for(connection.get(path, args.header), timeout=args.timeout)
            good = status == 200
            unexpected = good and expect is not None and expect not in body
        except Exception:
            connection.close()
            good, unexpected = False, False
        finally:
            pool.put_nowait(connection)
        done = time.perf_counter()
        if index < warm:
            return
        latencies.append((done - intended) * 1000)
        if not good:
            stats["errors"] += 1
        elif unexpected:
            stats["unexpected"] += 1
        else:
            stats["ok"] += 1

    start = time.perf_counter()
    tasks = []
    for index in range(total):
        intended = start + index * interval
        delay = intended - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        elif index >= warm:
            behind.append(-delay * 1000)
        tasks.append(asyncio.create_task(one(index, intended)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start - args.warmup
    latencies.sort()
    return {
        "sent": total - warm, **stats,
        "achieved_rate": round((total - warm) / elapsed, 1) if elapsed > 0 else None,
        "p50_ms": percentile(latencies, 0.50), "p99_ms": percentile(latencies, 0.99),
        "p999_ms": percentile(latencies, 0.999), "max_ms": latencies[-1] if latencies else None,
        "behind_ms": max(behind) if behind else 0.0,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--expect", default=None)
    parser.add_argument("--header", action="append", default=[], help="extra request header, e.g. 'Authorization: Bearer …'")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    if result["behind_ms"] > 50:
        result["warning"] = "the generator fell behind its schedule: figures understate the load"
    print(json.dumps(result))


if __name__ == "__main__":
    main()
