#!/usr/bin/env python3
"""Sends exactly N submissions (one multipart body, a fresh Idempotency-Key each) with C
keep-alive connections, for scripts/bench-submissions' delivery backlog.

Usage: submit-burst.py URL BODY_FILE BOUNDARY TOKEN --count N [--connections C] [--prefix P]
Prints one JSON line: sent, accepted (202), other (status: count), seconds, rate.
"""
import argparse
import http.client
import json
import threading
import time
from collections import Counter
from urllib.parse import urlsplit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("body_file")
    parser.add_argument("boundary")
    parser.add_argument("token")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--prefix", default=f"burst-{time.time_ns()}")
    args = parser.parse_args()
    url = urlsplit(args.url)
    body = open(args.body_file, "rb").read()
    statuses = Counter()
    lock = threading.Lock()
    next_index = iter(range(args.count))

    def worker() -> None:
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                break
            headers = {"Content-Type": f"multipart/form-data; boundary={args.boundary}",
                       "Authorization": f"Bearer {args.token}", "Idempotency-Key": f"{args.prefix}-{index}"}
            try:
                connection.request("POST", url.path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                status = 0
            with lock:
                statuses[status] += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    accepted = statuses.pop(202, 0)
    print(json.dumps({"sent": args.count, "accepted": accepted, "other": {str(k): v for k, v in statuses.items()},
                      "seconds": round(seconds, 3), "rate": round(args.count / seconds, 1)}))


if __name__ == "__main__":
    main()
