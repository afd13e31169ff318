import path from 'node:path';
import { DEFAULT_PORT, startHost } from '../../host/server';
import { ServiceWorker } from '../../services/service-worker';
import { userDataDir } from '../../services/user-data';
import type { Command } from '../command';
import { UsageError } from '../errors';

/** The built renderer sits beside the bundled CLI (dist/node → dist/renderer). */
export function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.CARECOVER_RENDERER_DIR ? path.resolve(env.CARECOVER_RENDERER_DIR) : path.resolve(__dirname, '..', 'renderer');
}

export function parsePort(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks a free port), not "${String(value)}".`);
  }
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the app to a browser on this computer (127.0.0.1 only).',
  usage: `carecover serve [--project FILE] [--port N]   (default port ${DEFAULT_PORT}; 0 picks a free one)`,
  options: { project: { type: 'string' }, port: { type: 'string' } },
  async run(args, io) {
    const port = parsePort(args.values.port);
    // The services answer from their own thread; this one only serves the page and routes calls.
    const services = new ServiceWorker({ host: 'web', answers: 'json', userData: userDataDir(io.env), onInternalError: (e) => io.err(String(e)) });
    let host;
    try {
      const project = await services.openStartupProject(args.values.project as string | undefined);
      host = await startHost({ api: services.call, staticDir: rendererDir(io.env), port, onInternalError: (e) => io.err(String(e)) });
      io.out(`CareCover is serving "${project.name}" (${project.path}).`);
    } catch (error) {
      await services.close();
      throw error;
    }
    io.out(`Open this address in a browser on this computer: ${host.url}`);
    io.out('Press Ctrl+C to stop.');
    await io.stopSignal;
    await host.close();
    await services.close();
    return 0;
  },
};
