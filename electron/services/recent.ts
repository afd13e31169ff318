import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api/contract';

const MAX_RECENT = 10;
const Stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
type StoredEntry = z.infer<typeof Stored>[number];

/** The recent-projects list, kept as JSON in the user-data folder, newest first. */
export class RecentProjects {
  private readonly file: string;

  constructor(userData: string) {
    this.file = path.join(userData, 'recent-projects.json');
  }

  private read(): StoredEntry[] {
    try {
      const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      // A damaged list is not worth stopping the app for: start a new one.
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  list(): Omit<RecentProject, 'file'>[] {
    return this.read().map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  /** The most recently opened project that still exists. */
  last(): string | undefined {
    return this.list().find((entry) => entry.exists)?.path;
  }

  remember(projectPath: string, name: string, now = new Date()): void {
    const absolute = path.resolve(projectPath);
    const entries = [{ path: absolute, name, openedAt: now.toISOString() }, ...this.read().filter((e) => e.path !== absolute)];
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves half a list.
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(entries.slice(0, MAX_RECENT), null, 2));
    fs.renameSync(temp, this.file);
  }
}
