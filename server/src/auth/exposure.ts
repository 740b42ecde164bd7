/**
 * The demo org's passwords are public (README): a server with `SEED=demo` that listens on anything but
 * a loopback interface offers them to the network. It warns, and refuses to start unless
 * `ALLOW_EXPOSED_DEMO=1` says the demo org may be exposed.
 */
import { isIP } from 'node:net';

/** Whether `host` is a loopback interface: 127.0.0.0/8, ::1 (also IPv4-mapped), localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

export interface ExposureCheck {
  /** A warning to print at start, when the demo org is reachable from other machines. */
  warning?: string;
  /** Whether the server must not start. */
  refuse: boolean;
}

export function checkDemoExposure(settings: { host: string; seed: string; allowExposedDemo: boolean }): ExposureCheck {
  if (settings.seed !== 'demo' || isLoopbackHost(settings.host)) return { refuse: false };
  const exposed = `HOST=${settings.host} makes the demo org, whose sign-ins (admin@example.com / demo, …) are public, reachable from other machines.`;
  if (settings.allowExposedDemo)
    return { refuse: false, warning: `Warning: ${exposed} ALLOW_EXPOSED_DEMO=1 allows it.` };
  return {
    refuse: true,
    warning: `Refusing to start: ${exposed} Listen on a loopback address (HOST=127.0.0.1), use SEED=none, or set ALLOW_EXPOSED_DEMO=1 to expose it anyway.`,
  };
}
