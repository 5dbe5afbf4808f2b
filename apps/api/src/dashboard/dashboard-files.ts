import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

export interface DashboardFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The built dashboard, read once at start-up (under 1 MB with source maps): requests are
 * answered from memory, and no request can name a path outside the build,
 * because only the files found here exist for the controller.
 */
export class DashboardFiles {
  private constructor(
    readonly directory: string,
    readonly index: DashboardFile | undefined,
    private readonly assets: ReadonlyMap<string, DashboardFile>,
  ) {}

  static load(directory: string): DashboardFiles {
    const indexPath = path.join(directory, 'index.html');
    if (!existsSync(indexPath)) return new DashboardFiles(directory, undefined, new Map());
    const assetsDirectory = path.join(directory, 'assets');
    const assets = new Map<string, DashboardFile>();
    if (existsSync(assetsDirectory)) {
      for (const name of readdirSync(assetsDirectory)) {
        const type = CONTENT_TYPES[path.extname(name)];
        if (type) assets.set(name, fileOf(readFileSync(path.join(assetsDirectory, name)), type));
      }
    }
    return new DashboardFiles(
      directory,
      fileOf(readFileSync(indexPath), CONTENT_TYPES['.html']),
      assets,
    );
  }

  get built(): boolean {
    return this.index !== undefined;
  }

  asset(name: string): DashboardFile | undefined {
    return this.assets.get(name);
  }
}

function fileOf(body: Buffer, contentType: string): DashboardFile {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, contentType, etag: `"${digest}"` };
}
