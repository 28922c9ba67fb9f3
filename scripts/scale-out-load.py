#!/usr/bin/env python3
"""Steady open-model traffic through the load balancer for `scripts/scale-out test`, and its report.

  scale-out-load.py load BASE_URL --token T --seconds S --read-rate R --submit-rate R2
                         --citizens INSZ[,INSZ…] --ocmw ID --out RECORDS.jsonl
  scale-out-load.py report RECORDS.jsonl EVENTS.txt FACTS.json

`load` sends citizen reads (`GET …/debts`) and requests for help (`POST …/requests`, a fresh
Idempotency-Key each) at constant rates, each at its intended time whatever the earlier ones do,
and writes one JSON line per request: kind, intended send time (epoch seconds), latency, final
status, submission id. A submission that gets no definite answer (connection lost, 502/503/504)
is sent again with the SAME key after 250 ms, as Mijn Burgerprofiel would, until it gets one
(at most 40 times): the proxy answers a repeat with the original submission, so retrying never
makes a second one. Reads are not retried by the client (the balancer may retry them itself).

`report` merges the records with the kill/restart events and the counts taken afterwards
(FACTS.json: outbox states, what the simulated OCMW received and created, audit rows) and prints
the figures as JSON.
"""
import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urlsplit

BOUNDARY = "scaleoutboundary7d2c"


def help_request_body(ocmw: str) -> bytes:
    form = json.dumps({
        "ocmw": ocmw,
        "applicant": {"lastName": "Vandenbrande", "firstName": "Jacqueline",
                      "domicile": {"street": "Koning Albertlaan 82", "postalCode": "9000", "municipality": "Gent"},
                      "email": "jacqueline@example.org", "phone": "0474 75 87 42"},
        "categories": ["LL"], "text": "Ik vraag hulp."})
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"request\"\r\n"
            f"Content-Type: application/json\r\n\r\n{form}\r\n--{BOUNDARY}--\r\n").encode()


class Pool:
    """Keep-alive HTTP/1.1 connections, opened on demand, one request at a time each."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.idle: list = []
        # Requests sent again on a new connection because a kept-alive one was closed under them.
        self.reconnected = 0

    async def request(self, method: str, path: str, headers: dict, body: bytes = b"", timeout: float = 30.0):
        """(status, body); status 0 when no answer came. A kept-alive connection the other side
        closed just before this request was written on it is retried once on a new one, as HTTP
        clients do (the request never reached a server); anything else is reported as it came."""
        reused = bool(self.idle)
        status, payload, answered = await self.attempt(method, path, headers, body, timeout)
        if status == 0 and reused and not answered:
            self.reconnected += 1
            status, payload, _ = await self.attempt(method, path, headers, body, timeout, fresh=True)
        return status, payload

    async def attempt(self, method, path, headers, body, timeout, fresh=False):
        connection = None if fresh or not self.idle else self.idle.pop()
        answered = False
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection(self.host, self.port), timeout)
            reader, writer = connection
            lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", "Accept: application/json"]
            lines += [f"{name}: {value}" for name, value in headers.items()]
            if body:
                lines.append(f"Content-Length: {len(body)}")
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            status_line = await asyncio.wait_for(reader.readline(), timeout)
            if not status_line:
                raise ConnectionError("closed before an answer")
            answered = True
            status = int(status_line.split()[1])
            length, close = 0, False
            while True:
                line = await asyncio.wait_for(reader.readline(), timeout)
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
                elif name.strip().lower() == "connection" and value.strip().lower() == "close":
                    close = True
            payload = await asyncio.wait_for(reader.readexactly(length), timeout) if length else b""
            if close:
                writer.close()
            else:
                self.idle.append(connection)
            return status, payload, True
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
            if connection is not None:
                connection[1].close()
            return 0, b"", answered


async def run_load(args) -> None:
    url = urlsplit(args.base_url)
    pool = Pool(url.hostname, url.port)
    citizens = args.citizens.split(",")
    body = help_request_body(args.ocmw)
    records = []
    started = time.time()
    auth = {"Authorization": f"Bearer {args.token}"}

    async def read(index: int, intended: float) -> None:
        await asyncio.sleep(max(0.0, intended - time.time()))
        insz = citizens[index % len(citizens)]
        status, _ = await pool.request(
            "GET", f"/v1/citizens/{insz}/debts", {**auth, "X-Request-Id": f"so-r-{args.run}-{index}"})
        records.append({"kind": "read", "n": index, "t": intended, "latencyMs": (time.time() - intended) * 1000,
                        "status": status})

    async def submit(index: int, intended: float) -> None:
        await asyncio.sleep(max(0.0, intended - time.time()))
        insz = citizens[index % len(citizens)]
        headers = {**auth, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                   "Idempotency-Key": f"so-{args.run}-{index}", "X-Request-Id": f"so-s-{args.run}-{index}"}
        attempts, status, payload = 0, 0, b""
        while attempts < 40:
            attempts += 1
            status, payload = await pool.request("POST", f"/v1/citizens/{insz}/requests", headers, body)
            if status not in (0, 502, 503, 504):
                break
            await asyncio.sleep(0.25)
        submission = None
        if status == 202:
            try:
                submission = json.loads(payload)["id"]
            except (ValueError, KeyError):
                pass
        records.append({"kind": "submit", "n": index, "t": intended, "latencyMs": (time.time() - intended) * 1000,
                        "status": status, "attempts": attempts, "id": submission})

    tasks = []
    for kind, rate, action in (("read", args.read_rate, read), ("submit", args.submit_rate, submit)):
        if rate <= 0:
            continue
        for index in range(int(args.seconds * rate)):
            tasks.append(asyncio.ensure_future(action(index, started + index / rate)))
    await asyncio.gather(*tasks)
    records.append({"kind": "client", "t": started, "reconnected": pool.reconnected})
    with open(args.out, "w", encoding="utf-8") as out:
        for record in sorted(records, key=lambda r: r["t"]):
            out.write(json.dumps(record) + "\n")


def report(records_path: str, events_path: str, facts_path: str) -> None:
    records = [json.loads(line) for line in open(records_path, encoding="utf-8")]
    events = []
    for line in open(events_path, encoding="utf-8"):
        stamp, _, what = line.strip().partition(" ")
        events.append((float(stamp), what))
    facts = json.load(open(facts_path, encoding="utf-8"))
    client = next((r for r in records if r["kind"] == "client"), {"reconnected": None})
    start = min(r["t"] for r in records)
    reads = [r for r in records if r["kind"] == "read"]
    submits = [r for r in records if r["kind"] == "submit"]
    failed_reads = [r for r in reads if r["status"] != 200]

    def percentile(values, fraction):
        values = sorted(values)
        return round(values[min(len(values) - 1, int(fraction * len(values)))], 1) if values else None

    def window(r):
        """The event a failed read follows (the latest event before its send time)."""
        before = [what for stamp, what in events if stamp <= r["t"]]
        return before[-1] if before else "steady"

    by_event = {}
    for r in failed_reads:
        entry = by_event.setdefault(window(r), {"failed": 0, "statuses": {}, "first_s": None, "last_s": None})
        entry["failed"] += 1
        entry["statuses"][str(r["status"])] = entry["statuses"].get(str(r["status"]), 0) + 1
        offset = round(r["t"] - start, 2)
        entry["first_s"] = offset if entry["first_s"] is None else entry["first_s"]
        entry["last_s"] = offset
    accepted = {r["id"] for r in submits if r["id"]}
    simulator = facts.get("simulator", {})
    figures = {
        "events": [{"at_s": round(stamp - start, 2), "event": what} for stamp, what in events],
        "clientReconnects": client["reconnected"],
        "reads": {"sent": len(reads), "ok": len(reads) - len(failed_reads), "failed": len(failed_reads),
                  "failedByEvent": by_event,
                  "p50Ms": percentile([r["latencyMs"] for r in reads if r["status"] == 200], 0.5),
                  "p99Ms": percentile([r["latencyMs"] for r in reads if r["status"] == 200], 0.99)},
        "submissions": {"sent": len(submits), "accepted": len(accepted),
                        "withoutAnswer": sum(1 for r in submits if not r["id"]),
                        "retried": sum(1 for r in submits if r["attempts"] > 1),
                        "outboxRows": facts.get("outboxRows"), "outboxDelivered": facts.get("outboxDelivered"),
                        "ocmwReceived": simulator.get("received"), "ocmwCreated": simulator.get("created"),
                        "ocmwDuplicates": simulator.get("duplicates")},
        "audit": {"answeredReads": len(reads) - len(failed_reads), "readRows": facts.get("auditReadRows"),
                  "readRowsOk": facts.get("auditReadRowsOk")},
    }
    s = figures["submissions"]
    figures["goals"] = {
        "noSubmissionLost": s["accepted"] == s["outboxDelivered"] == s["ocmwCreated"] and s["withoutAnswer"] == 0,
        # Created once each: every POST the OCMW received either created a submission or was
        # answered from its idempotency record.
        "noSubmissionCreatedTwice": s["ocmwCreated"] == s["accepted"]
        and s["ocmwReceived"] == s["ocmwCreated"] + s["ocmwDuplicates"],
    }
    # Reported, not a goal: sent again because the instance that had sent it was killed before it
    # recorded the OCMW's answer (the lease expired, another instance sent it with the same key).
    # Nothing short of asking the OCMW first can tell whether a crashed call reached it.
    s["resentAfterCrash"] = s["ocmwReceived"] - s["ocmwCreated"]
    # Reported, not a goal: an instance killed with -9 takes the audit records of its last
    # moments (the writer's flush interval, 100 ms) with it; a graceful stop writes them all.
    figures["audit"]["missing"] = figures["audit"]["answeredReads"] - (figures["audit"]["readRowsOk"] or 0)
    audited = set(facts.get("auditedReads") or [])
    unaudited = [r for r in reads if r["status"] == 200 and f"so-r-{facts.get('run')}-{r['n']}" not in audited]
    figures["audit"]["missingSentAt_s"] = [round(r["t"] - start, 2) for r in unaudited][:40]
    print(json.dumps(figures, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load")
    load.add_argument("base_url")
    load.add_argument("--token", required=True)
    load.add_argument("--seconds", type=float, required=True)
    load.add_argument("--read-rate", type=float, default=40)
    load.add_argument("--submit-rate", type=float, default=5)
    load.add_argument("--citizens", required=True)
    load.add_argument("--ocmw", default="gent")
    load.add_argument("--run", default="run")
    load.add_argument("--out", required=True)
    rep = commands.add_parser("report")
    rep.add_argument("records")
    rep.add_argument("events")
    rep.add_argument("facts")
    args = parser.parse_args()
    if args.command == "load":
        asyncio.run(run_load(args))
    else:
        report(args.records, args.events, args.facts)


if __name__ == "__main__":
    sys.exit(main())
