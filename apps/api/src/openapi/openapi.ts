import { z } from 'zod';
import { ErrorResponse } from '@sekretariat/contracts';
import type { RouteInfo } from './route-table.js';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType): Json => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any', io: 'output' });
const input = (s: z.ZodType): Json => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' });

/** OpenAPI 3.0 document built from the route table and the contract schemas the routes validate with. */
export function buildOpenApi(routes: RouteInfo[], info: { title: string; version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const oaPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const api = route.api;
    const op: Json = {
      operationId: `${route.controller}.${route.handler}`,
      summary: api?.summary ?? route.handler,
      tags: [route.controller.replace(/Controller$/, '')],
      'x-roles': route.allow ?? [],
    };
    const params: Json[] = [];
    for (const match of route.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
      const name = match[1]!;
      const shape = api?.params instanceof z.ZodObject ? (api.params.shape as Record<string, z.ZodType>)[name] : undefined;
      params.push({ name, in: 'path', required: true, schema: shape ? input(shape) : { type: 'string' } });
    }
    if (api?.query instanceof z.ZodObject) {
      const shape: Record<string, z.ZodType> = api.query.shape;
      for (const [name, s] of Object.entries(shape)) {
        params.push({ name, in: 'query', required: !s.safeParse(undefined).success, schema: input(s) });
      }
    }
    if (params.length) op['parameters'] = params;
    if (api?.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: input(api.body) } } };
    const status = String(api?.status ?? (route.method === 'POST' ? 201 : 200));
    const responses: Json = {};
    if (typeof api?.response === 'string') {
      responses[status] = { description: 'OK', content: { [api.response]: { schema: { type: 'string', format: 'binary' } } } };
    } else if (api?.response) {
      responses[status] = { description: 'OK', content: { 'application/json': { schema: schema(api.response) } } };
    } else {
      responses[status] = { description: 'OK' };
    }
    responses['default'] = { description: 'Error', content: { 'application/json': { schema: schema(ErrorResponse) } } };
    op['responses'] = responses;
    paths[oaPath] = { ...(paths[oaPath] ?? {}), [route.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.0.3',
    info: { ...info, description: 'Sekretariat API. Roles per operation in x-roles; "public" means open to everyone.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sekretariat_sid' } } },
    security: [{ session: [] }],
    paths,
  };
}
