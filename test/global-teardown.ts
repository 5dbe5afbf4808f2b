import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__AISIM_TEST_SERVICES__;
  if (!services) return;
  await Promise.all(services.started.map((service) => service.stop()));
  fs.rmSync(services.dir, { recursive: true, force: true });
}
