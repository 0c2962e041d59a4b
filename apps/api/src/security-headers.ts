// Browser security headers on every answer (helmet), and no caching of anything but the
// web app's own files: API answers and downloads carry people's data and a shared or
// back-button cache must not keep them (OWASP ASVS 8.2.1, 14.4).
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { WEB_APP_PATH } from './web-app';

/**
 * The web app loads only its own scripts, styles and fonts; images may be inline (Vite
 * inlines small ones as data: URLs) and downloads are handed over as blob: URLs. Nothing
 * may frame it, so no other site can overlay the approve and reject buttons.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Swagger UI at /docs styles its page inline: its own, looser policy, still unframeable. */
const DOCS_POLICY = { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'https:'] };

export function applySecurityHeaders(app: INestApplication): void {
  const common = {
    // No referrer leaves the application: plan ids in its URLs are nobody else's business.
    referrerPolicy: { policy: 'no-referrer' as const },
    frameguard: { action: 'deny' as const },
  };
  const appHeaders = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  const docsHeaders = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/docs') ? docsHeaders : appHeaders)(req, res, next));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // The web app's files set their own caching (hashed assets for long, index.html revalidated).
    if (!`${req.path}/`.startsWith(WEB_APP_PATH)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
