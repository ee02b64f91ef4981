import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root (where package.json lives). Config files run both from `config/` (unit tests)
 * and from `dist/config/` (Strapi), so paths like `.tmp/data.db` and `.env` are resolved from
 * the root rather than from `__dirname`.
 */
export function findAppRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'ppid-cms') return dir;
      } catch {
        /* not ours: keep walking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
