import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Caller } from '@sekretariat/contracts';
import { ALLOW_KEY } from '../common/access/allow.decorator.js';
import { API_ROUTE, type ApiRouteMeta } from '../common/http/api-route.decorator.js';
import { bodyKindOf, type BodyKind } from '../common/http/state-changes.js';

export interface RouteInfo {
  method: string;
  /** Full path with the /api prefix, in Nest's syntax (`/api/bodies/:id`). */
  path: string;
  allow: Caller[] | undefined;
  api: ApiRouteMeta | undefined;
  /** What the request body must be (see guardStateChanges). */
  accepts: BodyKind;
  controller: string;
  handler: string;
}

function join(...parts: (string | undefined)[]): string {
  return ('/' + parts.filter((p) => p && p !== '/').map((p) => p!.replace(/^\/|\/$/g, '')).join('/')).replace(/\/+/g, '/');
}

/** Every HTTP route of the application, read from Nest's own metadata. */
@Injectable()
export class RouteTable {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(prefix = 'api'): RouteInfo[] {
    const out: RouteInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!instance || !metatype) continue;
      const base = this.reflector.get<string | string[]>(PATH_METADATA, metatype);
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as (...a: unknown[]) => unknown;
        const path = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        for (const b of [base].flat()) {
          for (const p of [path].flat()) {
            out.push({
              method: RequestMethod[method],
              path: join(prefix, b, p),
              allow: this.reflector.getAllAndOverride<Caller[] | undefined>(ALLOW_KEY, [handler, metatype]),
              api: this.reflector.get<ApiRouteMeta | undefined>(API_ROUTE, handler),
              accepts: bodyKindOf(this.reflector, handler),
              controller: metatype.name,
              handler: name,
            });
          }
        }
      }
    }
    return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}
