import type { Envelope } from './errors';
import type { ApiMethod } from './methods';

/** Commands the native menu sends to the UI (those the main process cannot finish alone). */
export const MENU_COMMANDS = ['import', 'export', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the main process tells the UI without being asked. */
export type AppEvent = { type: 'menu'; command: MenuCommand } | { type: 'project-changed' };

/**
 * What Electron's preload puts on `window.carecover`: one function per API
 * method (each returns the host's envelope) and one subscription to app events.
 */
export interface DesktopBridge {
  api: Record<ApiMethod, (request: unknown) => Promise<Envelope<unknown>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** A handle the API accepts for importing a File the user picked or dropped (typed loosely because shared/ has no DOM types). */
  fileHandle(file: unknown): Promise<string>;
}
