/**
 * `GET /metrics` in the Prometheus text format (prom-client): API requests and errors by operation, delivery
 * attempts by channel and outcome, delivery latency, and the outbox's messages by medium and status.
 * Nothing here carries a code, an address or a username.
 *
 * The counters and histograms are kept here, in plain objects (counting a request is a few additions), and handed
 * to a prom-client registry, which writes the text, at the first scrape: prom-client is only loaded then, so a
 * server that is never scraped does not load it, and a cold start does not wait for it.
 *
 * Why not prom-client's own Counter/Histogram (measured 2026-12-06, issue 10): they hash and validate the labels on
 * every call, 30-40 times the work of these classes in a micro-benchmark; a CPU profile of the resend bench puts
 * 2.6 % of the server's busy time in the observe/inc calls with prom-client's classes against 0.1 % with these. The
 * same-run throughput ratio (5 alternated runs each, a loaded machine) could not separate the two (c=16: 0.54 vs 0.47
 * of bare node, ranges overlapping), so the profile decides; loading prom-client's classes at start would also cost
 * a cold start 8-15 ms. Empty labelled metrics still show their # HELP / # TYPE lines at the first scrape (tested).
 */
import type { ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { AttemptOutcome } from "../delivery/outbox-worker.js";
import type { OutboxMessage, Store } from "../store/types.js";

type Labels = Record<string, string>;
/** What prom-client's Registry reads from a metric: `get()` (as prom-client's own metrics return it). */
interface Exported {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  aggregator: "sum";
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: unknown[] }>;
}

type PromClient = typeof import("prom-client");
let promClient: Promise<PromClient> | undefined;
const loadPromClient = () => (promClient ??= import("prom-client"));

/** Process metrics (CPU, memory, event loop) are per process, so they live in one registry shared by servers. */
let processRegistry: Promise<Registry> | undefined;
function processMetrics(): Promise<Registry> {
  return (processRegistry ??= loadPromClient().then(({ collectDefaultMetrics, Registry }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "userpool_" });
    return registry;
  }));
}

/** A counter with labels: one series per label set, in the order they first appeared. */
class CounterVec implements Exported {
  readonly type = "counter";
  readonly aggregator = "sum";
  private readonly series = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  /** The series for `key` (a string naming the label values), made with `labels` the first time. */
  at(key: string, labels: Labels): { value: number } {
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, value: 0 }));
    return s;
  }

  async get() {
    const values = [...this.series.values()].map((s) => ({ labels: s.labels, value: s.value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

class HistogramSeries {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly labels: Labels, private readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number) {
    if (!Number.isFinite(value)) return;
    this.sum += value;
    this.count++;
    const b = this.bounds;
    for (let i = 0; i < b.length; i++) {
      if (value <= b[i]) { this.counts[i]++; return; }
    }
  }
}

/** A histogram with labels, exported as prom-client exports its own (cumulative `le` buckets, `_sum`, `_count`). */
class HistogramVec implements Exported {
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly series = new Map<string, HistogramSeries>();
  constructor(readonly name: string, readonly help: string, private readonly bounds: readonly number[]) {}

  at(key: string, labels: Labels): HistogramSeries {
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = new HistogramSeries(labels, this.bounds)));
    return s;
  }

  async get() {
    const bucket = `${this.name}_bucket`;
    const values: unknown[] = [];
    for (const s of this.series.values()) {
      let acc = 0;
      this.bounds.forEach((le, i) => {
        acc += s.counts[i];
        values.push({ labels: { le }, sharedLabels: s.labels, value: acc, metricName: bucket });
      });
      values.push(
        { labels: { le: "+Inf" }, sharedLabels: s.labels, value: s.count, metricName: bucket },
        { labels: {}, sharedLabels: s.labels, value: s.sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

export interface Metrics {
  /** One answered `POST /` request; `errorType` set when it failed. */
  observeRequest(operation: string | undefined, errorType: string | undefined, seconds: number): void;
  observeAttempt(message: OutboxMessage, channel: string, outcome: AttemptOutcome, ms: number, now: number): void;
  /** A request committed a message for this medium (counted under the channel serving the medium). */
  observeQueued(medium: string): void;
  handle(res: ServerResponse): Promise<void>;
}

export function createMetrics(store: Store, channelOf: (medium: string) => string, now: () => number = Date.now): Metrics {
  const requests = new CounterVec("userpool_api_requests_total", "Cognito API requests answered, by operation.");
  const errors = new CounterVec("userpool_api_errors_total", "Cognito API requests answered with an error, by operation and error type.");
  const duration = new HistogramVec("userpool_api_request_duration_seconds", "Time to answer a Cognito API request, by operation.",
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
  const queued = new CounterVec("userpool_messages_queued_total", "Messages queued by this instance's requests, by channel.");
  const byOutcome = {
    sent: new CounterVec("userpool_messages_sent_total", "Messages delivered, by channel."),
    failed: new CounterVec("userpool_messages_failed_total", "Delivery attempts that failed and will be retried, by channel."),
    abandoned: new CounterVec("userpool_messages_abandoned_total", "Messages given up (status failed: refused for good, or out of tries), by channel."),
    expired: new CounterVec("userpool_messages_expired_total", "Messages whose code expired before they could be delivered, by channel."),
  };
  const latency = new HistogramVec("userpool_delivery_latency_seconds", "Time from queueing a message to its delivery, by channel.",
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600]);
  const attemptTime = new HistogramVec("userpool_delivery_attempt_duration_seconds", "Time one delivery attempt took, by channel and outcome.",
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
  // The outbox gauges read the backlog only (queued and processing), from its partial index, once per scrape: a
  // scrape costs the same whatever the number of delivered messages kept (docs/delivery.md).
  // Both gauges share one read per scrape (`handle` forgets it before each).
  let backlogRead: ReturnType<Store["outboxBacklog"]> | undefined;
  const backlog = () => (backlogRead ??= store.outboxBacklog());
  // Only the media and statuses that have messages waiting get a series: one that empties is gone, not frozen at 0.
  const outbox: Exported = {
    name: "userpool_outbox_messages",
    help: "Messages waiting in the outbox (status queued or processing) by medium and the channel now serving the medium.",
    type: "gauge", aggregator: "sum",
    async get() {
      const values = (await backlog()).map((r) => ({ labels: { medium: r.channel, channel: channelOf(r.channel), status: r.status }, value: r.count }));
      return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
    },
  };
  const oldest: Exported = {
    name: "userpool_outbox_oldest_queued_age_seconds",
    help: "Age of the oldest message waiting in the outbox (queued or processing), by medium. A stuck relay makes it grow.",
    type: "gauge", aggregator: "sum",
    async get() {
      const at = now();
      const byMedium = new Map<string, number>();
      for (const r of await backlog()) {
        if (Number.isFinite(r.oldest)) byMedium.set(r.channel, Math.min(byMedium.get(r.channel) ?? Infinity, r.oldest));
      }
      const values = [...byMedium].map(([medium, first]) => ({ labels: { medium, channel: channelOf(medium) }, value: Math.max(0, at - first) / 1000 }));
      return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
    },
  };
  // prom-client writes them in this order.
  const all: Exported[] = [requests, errors, duration, queued, byOutcome.sent, byOutcome.failed, byOutcome.abandoned, byOutcome.expired,
    latency, attemptTime, outbox, oldest];

  /** Per operation, its request counter and duration series (so counting a request looks nothing up by labels). */
  const perOperation = new Map<string, { requests: { value: number }; duration: HistogramSeries }>();
  let registry: Promise<Registry> | undefined;

  return {
    observeRequest(operation, errorType, seconds) {
      const op = operation ?? "unknown";
      let s = perOperation.get(op);
      if (!s) {
        const labels = { operation: op };
        perOperation.set(op, (s = { requests: requests.at(op, labels), duration: duration.at(op, labels) }));
      }
      s.requests.value++;
      if (errorType) errors.at(`${op}\n${errorType}`, { operation: op, error: errorType }).value++;
      s.duration.observe(seconds);
    },
    observeQueued(medium) {
      const channel = channelOf(medium);
      queued.at(channel, { channel }).value++;
    },
    observeAttempt(message, channel, outcome, ms, now) {
      byOutcome[outcome].at(channel, { channel }).value++;
      attemptTime.at(`${channel}\n${outcome}`, { channel, outcome }).observe(ms / 1000);
      if (outcome === "sent") latency.at(channel, { channel }).observe(Math.max(0, now - message.createdAt) / 1000);
    },
    async handle(res) {
      registry ??= loadPromClient().then(({ Registry }) => {
        const r = new Registry();
        for (const m of all) r.registerMetric(m as unknown as Parameters<Registry["registerMetric"]>[0]);
        return r;
      });
      const r = await registry;
      backlogRead = undefined;
      const text = (await (await processMetrics()).metrics()) + (await r.metrics());
      res.writeHead(200, { "Content-Type": r.contentType, "Content-Length": Buffer.byteLength(text) });
      res.end(text);
    },
  };
}
