import { liveKitConfig } from './livekit';

describe('liveKitConfig', () => {
  const yaml = liveKitConfig({ port: 17880, udpPort: 17882, apiKey: 'k', apiSecret: 's'.repeat(32), webhookUrl: 'http://127.0.0.1:3102/api/meetings/livekit/webhook' });

  it('binds only to loopback, with one UDP port and no TCP fallback', () => {
    expect(yaml).toContain('bind_addresses:\n  - 127.0.0.1\n');
    expect(yaml).toContain('udp_port: 17882');
    expect(yaml).toContain('tcp_port: 0');
    expect(yaml).toContain('use_external_ip: false');
    expect(yaml).toContain('node_ip: 127.0.0.1');
  });

  it('never hands clients a public STUN server', () => {
    expect(yaml).toMatch(/stun_servers:\n {4}- 127\.0\.0\.1:3478/);
    expect(yaml).not.toMatch(/google/);
  });

  it('serves Prometheus metrics only when asked for (bench:sfu), on the same address', () => {
    expect(yaml).not.toContain('prometheus');
    const withMetrics = liveKitConfig({ port: 17880, udpPort: 17882, apiKey: 'k', apiSecret: 's'.repeat(32), prometheusPort: 17890 });
    expect(withMetrics).toContain('prometheus:\n  port: 17890\n');
    expect(withMetrics).toContain('bind_addresses:\n  - 127.0.0.1\n');
  });

  it('signs webhooks to meetings with the API key', () => {
    expect(yaml).toContain('webhook:\n  api_key: k\n  urls:\n    - http://127.0.0.1:3102/api/meetings/livekit/webhook');
  });
});
