/** Prometheus metrics for one server instance (its own registry, so tests can run several). */
import client from 'prom-client';

export class Metrics {
  readonly registry = new client.Registry();
  readonly httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  readonly connectedSockets: client.Gauge;
  readonly onlineUsers: client.Gauge;

  readonly media: client.Gauge<'kind'>;

  constructor(counts: {
    sockets: () => number;
    onlineUsers: () => number;
    media: () => { rooms: number; peers: number; producers: number; consumers: number };
  }) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'hatchery_' });
    this.httpDuration = new client.Histogram({
      name: 'hatchery_http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.connectedSockets = new client.Gauge({
      name: 'hatchery_connected_sockets',
      help: 'Socket.IO connections open now',
      registers: [this.registry],
      collect() {
        this.set(counts.sockets());
      },
    });
    this.media = new client.Gauge({
      name: 'hatchery_media_objects',
      help: 'Live media rooms, peers, producers and consumers (pipes included)',
      labelNames: ['kind'],
      registers: [this.registry],
      collect() {
        for (const [kind, n] of Object.entries(counts.media())) this.set({ kind }, n);
      },
    });
    this.onlineUsers = new client.Gauge({
      name: 'hatchery_online_users',
      help: 'Distinct people online in the lobby now',
      registers: [this.registry],
      collect() {
        this.set(counts.onlineUsers());
      },
    });
  }
}
