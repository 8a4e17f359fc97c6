/**
 * `GET /metrics` in the Prometheus text format (prom-client): API requests and errors by operation, delivery
 * attempts by channel and outcome, delivery latency, and the outbox's messages by medium and status.
 * Nothing here carries a code, an address or a username.
 */
import type { ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { OutboxMessage, Store } from "../store/types.js";

/** Process metrics (CPU, memory, event loop) are per process, so they live in one registry shared by servers. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "userpool_" });
  }
  return processRegistry;
}

export interface Metrics {
  registry: Registry;
  /** One answered `POST /` request; `errorType` set when it failed. */
  observeRequest(operation: string | undefined, errorType: string | undefined, seconds: number): void;
  observeAttempt(message: OutboxMessage, channel: string, outcome: "sent" | "failed" | "abandoned", ms: number, now: number): void;
  handle(res: ServerResponse): Promise<void>;
}

export function createMetrics(store: Store, channelOf: (medium: string) => string): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "userpool_api_requests_total", help: "Cognito API requests answered, by operation.", labelNames: ["operation"], registers: [registry],
  });
  const errors = new Counter({
    name: "userpool_api_errors_total", help: "Cognito API requests answered with an error, by operation and error type.",
    labelNames: ["operation", "error"], registers: [registry],
  });
  const duration = new Histogram({
    name: "userpool_api_request_duration_seconds", help: "Time to answer a Cognito API request, by operation.",
    labelNames: ["operation"], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: ["channel"], registers: [registry] });
  const byOutcome = {
    sent: counter("userpool_messages_sent_total", "Messages delivered, by channel."),
    failed: counter("userpool_messages_failed_total", "Delivery attempts that failed and will be retried, by channel."),
    abandoned: counter("userpool_messages_abandoned_total", "Messages given up after their last attempt, by channel."),
  };
  const latency = new Histogram({
    name: "userpool_delivery_latency_seconds", help: "Time from queueing a message to its delivery, by channel.",
    labelNames: ["channel"], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600], registers: [registry],
  });
  const attemptTime = new Histogram({
    name: "userpool_delivery_attempt_duration_seconds", help: "Time one delivery attempt took, by channel and outcome.",
    labelNames: ["channel", "outcome"], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [registry],
  });
  new Gauge({
    name: "userpool_outbox_messages",
    help: "Messages in the outbox by medium, status (queued, processing, sent, abandoned) and the channel now serving the medium.",
    labelNames: ["medium", "channel", "status"], registers: [registry],
    async collect() {
      this.reset();
      for (const row of await store.outboxCounts()) {
        this.set({ medium: row.channel, channel: channelOf(row.channel), status: row.status }, row.count);
      }
    },
  });

  return {
    registry,
    observeRequest(operation, errorType, seconds) {
      const op = operation ?? "unknown";
      requests.inc({ operation: op });
      if (errorType) errors.inc({ operation: op, error: errorType });
      duration.observe({ operation: op }, seconds);
    },
    observeAttempt(message, channel, outcome, ms, now) {
      byOutcome[outcome].inc({ channel });
      attemptTime.observe({ channel, outcome }, ms / 1000);
      if (outcome === "sent") latency.observe({ channel }, Math.max(0, now - message.createdAt) / 1000);
    },
    async handle(res) {
      const text = (await processMetrics().metrics()) + (await registry.metrics());
      res.writeHead(200, { "Content-Type": registry.contentType, "Content-Length": Buffer.byteLength(text) });
      res.end(text);
    },
  };
}
