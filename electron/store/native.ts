import fs from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * better-sqlite3 is a native module built against one runtime's ABI. Under
 * Node (tests, CLI, browser host) the build in node_modules is used. Under an
 * unpackaged Electron the start script keeps a second build, made for Electron,
 * in `.electron-native/` and we load it through the `nativeBinding` option, so
 * `npm test` and `npm start` never overwrite each other's build. A packaged
 * app has its node_modules rebuilt for Electron by electron-builder.
 */
export interface RuntimeFacts {
  electronVersion: string | undefined;
  isPackaged: boolean;
  appRoot: string;
  platform: string;
  arch: string;
}

export function electronNativeBindingPath(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return path.join(appRoot, '.electron-native', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

export function resolveNativeBinding(facts: RuntimeFacts): string | undefined {
  if (!facts.electronVersion || facts.isPackaged) return undefined;
  return electronNativeBindingPath(facts.appRoot, facts.electronVersion, facts.platform, facts.arch);
}

// A worker thread (services, import, export, optimiser) is handed the binding its parent uses,
// so every connection in the process loads the same build of better-sqlite3.
let configuredBinding: string | undefined = isMainThread ? undefined : (workerData as { nativeBinding?: string } | null)?.nativeBinding;

/** What to pass on to a worker as `nativeBinding` in its workerData. */
export function nativeBindingInUse(): string | undefined {
  return configuredBinding;
}

/** Called once by the Electron main process before any project is opened. */
export function useNativeBinding(bindingPath: string | undefined): void {
  if (bindingPath && !fs.existsSync(bindingPath)) {
    throw new Error(`The Electron build of better-sqlite3 is missing at ${bindingPath}; run npm start to build it.`);
  }
  configuredBinding = bindingPath;
}

export function sqliteOptions(extra: Database.Options = {}): Database.Options {
  return configuredBinding ? { ...extra, nativeBinding: configuredBinding } : extra;
}
