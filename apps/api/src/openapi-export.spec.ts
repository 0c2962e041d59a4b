// The OpenAPI document the web app's types are generated from: every operation is named and
// summarised, only the @Public() routes go without a token, no property lost its type, and the
// committed copy is the document the code describes (`npm run build` rewrites it).
import { readFileSync } from 'node:fs';
import type { Type } from '@nestjs/common';
import { ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import pino from 'pino';
import { databaseOver } from '../../../persistence';
import type { ApiDependencies } from './api-dependencies';
import { AppModule } from './app.module';
import { IS_PUBLIC } from './middleware/public.decorator';
import { buildOpenApiDocument, OPENAPI_JSON } from './openapi-export';

type Operation = { operationId?: string; summary?: string; security?: unknown[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: OpenAPIObject): Array<{ route: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ route: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );
}

/** operationId → whether the handler (or its controller) is marked @Public(). */
async function publicByOperationId(): Promise<Map<string, boolean>> {
  const deps = { config: {}, database: databaseOver({} as never), temporal: {}, logger: pino({ enabled: false }) } as unknown as ApiDependencies;
  const app = await NestFactory.create(AppModule.register(deps), { preview: true, logger: false, abortOnError: false });
  const reflector = new Reflector();
  const result = new Map<string, boolean>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const operation = Reflect.getMetadata('swagger/apiOperation', handler) as Operation | undefined;
        if (!operation?.operationId) continue;
        result.set(operation.operationId, Boolean(reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller])));
      }
    }
  }
  await app.close();
  return result;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it('gives every operation a summary and a readable, unique operationId', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(60);
    for (const { route, operation } of all) {
      expect({ route, summary: operation.summary?.trim() || undefined }).toEqual({ route, summary: expect.any(String) });
      expect({ route, operationId: operation.operationId }).toEqual({ route, operationId: expect.stringMatching(/^[a-z][A-Za-z]+$/) });
    }
    const ids = all.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks for the bearer token everywhere but on the @Public() routes', async () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    const isPublic = await publicByOperationId();
    const all = operations(document);
    expect([...isPublic.keys()].sort()).toEqual(all.map(({ operation }) => operation.operationId).sort());
    for (const { route, operation } of all) {
      const expected = isPublic.get(operation.operationId!) ? [] : undefined;
      expect({ route, security: operation.security }).toEqual({ route, security: expected });
    }
  });

  it('types every property (a `string | null` without `type: String` would read as an empty object)', () => {
    const untyped: string[] = [];
    for (const [schema, definition] of Object.entries(document.components?.schemas ?? {})) {
      for (const [property, value] of Object.entries((definition as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})) {
        const described = value.type || value.$ref || value.allOf || value.anyOf;
        const emptyObject = value.type === 'object' && !value.properties && !value.additionalProperties && !value.allOf;
        if (!described || emptyObject) untyped.push(`${schema}.${property}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('is committed as apps/web/src/api/openapi.json as the code describes it (`npm run build` rewrites it)', () => {
    expect(JSON.parse(readFileSync(OPENAPI_JSON, 'utf8'))).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
