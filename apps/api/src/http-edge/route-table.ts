import { Injectable, RequestMethod, Type } from '@nestjs/common';
import { HEADERS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../auth/public.decorator';

/** The key of `@ApiProduces()`: the media types a route documents are the ones it serves. */
const API_PRODUCES = 'swagger/apiProduces';

/** One route of the application's controllers, as the HTTP edge needs to know it. */
export interface Route {
  method: string;
  /** The path template, `/v1/requests/:id`. */
  path: string;
  /** Marked @Public(): no bearer token. */
  isPublic: boolean;
  /** Media types it answers in, for `Accept`. */
  produces: string[];
}

/** What is known of a request's path: the route of its method, and every method the path has. */
export interface RouteMatch {
  route?: Route;
  allow: string[];
}

/**
 * Every route of the Nest controllers, read from their own metadata once the application is up,
 * so a route added later is covered without anyone listing it. Routes served outside Nest's
 * controllers (the docs, the queue dashboard) are not in it and pass untouched.
 */
@Injectable()
export class RouteTable {
  private routes?: (Route & { segments: string[] })[];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  match(method: string, path: string): RouteMatch {
    const segments = segmentsOf(path);
    const candidates = this.all().filter((route) => matches(route.segments, segments));
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allow = [...new Set(candidates.map((route) => route.method))];
    if (allow.includes('GET')) allow.push('HEAD');
    return { route: candidates.find((route) => route.method === wanted), allow };
  }

  /**
   * Whether the path lies under the first segment of a route (`/v1/…`, `/auth/…`): the API's
   * namespace, where a path no route matches is the API's 404, never a page of the console.
   */
  claims(path: string): boolean {
    const first = segmentsOf(path)[0]?.toLowerCase();
    return (
      first !== undefined && this.all().some((route) => route.segments[0]?.toLowerCase() === first)
    );
  }

  private all(): (Route & { segments: string[] })[] {
    this.routes ??= this.discovery
      .getControllers()
      .flatMap(({ metatype }) => (metatype ? this.routesOf(metatype as Type) : []))
      .map((route) => ({ ...route, segments: segmentsOf(route.path) }));
    return this.routes;
  }

  private routesOf(controller: Type): Route[] {
    const prototype = controller.prototype as Record<string, unknown>;
    const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
    return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const own = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || own === undefined) return [];
      const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
        handler,
        controller,
      ]);
      const produces = producesOf(handler, controller);
      return base.flatMap((prefix) =>
        pathsOf(own).map((path) => ({
          method: RequestMethod[method],
          path: `/${[prefix, path].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
          isPublic: isPublic === true,
          produces,
        })),
      );
    });
  }
}

/** `@ApiProduces()` of the route or its controller, else its `Content-Type` header, else JSON. */
function producesOf(handler: object, controller: object): string[] {
  const documented = (Reflect.getMetadata(API_PRODUCES, handler) ??
    Reflect.getMetadata(API_PRODUCES, controller)) as string[] | undefined;
  if (documented?.length) return documented;
  const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as {
    name: string;
    value: string;
  }[];
  const type = headers.find((header) => header.name.toLowerCase() === 'content-type');
  return [type ? type.value.split(';')[0].trim() : 'application/json'];
}

function pathsOf(value: unknown): string[] {
  const paths = Array.isArray(value)
    ? (value as string[])
    : [typeof value === 'string' ? value : ''];
  return paths.map((path) => path.replace(/^\/+|\/+$/g, ''));
}

function segmentsOf(path: string): string[] {
  return path
    .split('?')[0]
    .split('/')
    .filter((segment) => segment !== '');
}

/** Express's matching: `:name` takes one non-empty segment, the rest compare case-insensitively. */
function matches(template: string[], segments: string[]): boolean {
  return (
    template.length === segments.length &&
    template.every(
      (part, i) => part.startsWith(':') || part.toLowerCase() === segments[i].toLowerCase(),
    )
  );
}
