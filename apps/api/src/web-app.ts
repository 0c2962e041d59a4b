// Serves the built browser app (apps/web, built into dist/web by `npm run build`) at
// /app/ on the API's own origin, with a fallback to index.html for the app's routes,
// and sends `/` there. The API's routes stay where they are.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type Express } from 'express';

export const WEB_APP_PATH = '/app/';

/**
 * dist/web from the repository: this file runs from apps/api/src in tests and from
 * dist/apps/api/src when built, so three levels up is either the repository or dist/.
 */
export function defaultWebAppDir(): string {
  const base = path.resolve(__dirname, '..', '..', '..');
  return path.basename(base) === 'dist' ? path.join(base, 'web') : path.join(base, 'dist', 'web');
}

export function serveWebApp(app: INestApplication, dir = defaultWebAppDir()): void {
  const http = app.getHttpAdapter().getInstance() as Express;
  const index = path.join(dir, 'index.html');
  http.get('/', (_req, res) => res.redirect(302, WEB_APP_PATH));
  // Hashed asset names change with every build, so they may be cached for long; index.html may not.
  http.use('/app/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  http.use('/app', express.static(dir, { index: false }));
  http.get(/^\/app(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The web app is not built: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
