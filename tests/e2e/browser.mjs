// One place for how the tests launch Debian's Chromium: no downloads, and
// no background network calls (the machines have no network but registries).
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launchOptions(extra = {}) {
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(extra.args || []),
    ],
    ...extra,
  };
}
