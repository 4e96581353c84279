import { Controller, Get, Header, Patch, Post } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApiProduces } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { RouteTable } from './route-table';

@Controller('v1/things')
class ThingsController {
  // Declared before `:id`, as Express needs to reach it: the table matches in the same order.
  @Get('export') @ApiProduces('application/json', 'text/csv') export(): void {}
  @Get(':id') read(): void {}
  @Patch(':id') change(): void {}
  @Post() create(): void {}
}

@Public()
@Controller('metrics')
class OpenController {
  @Get() @Header('Content-Type', 'text/plain; version=0.0.4') scrape(): void {}
}

describe('RouteTable', () => {
  const discovery = {
    getControllers: () => [{ metatype: ThingsController }, { metatype: OpenController }],
  } as unknown as DiscoveryService;
  const table = new RouteTable(discovery, new MetadataScanner(), new Reflector());

  it('finds the route of a method, and every method of the path for Allow', () => {
    const { route, allow } = table.match('PATCH', '/v1/things/42?x=1');
    expect(route).toMatchObject({ method: 'PATCH', path: '/v1/things/:id', isPublic: false });
    expect(allow).toEqual(['GET', 'PATCH', 'HEAD']);
    expect(table.match('HEAD', '/V1/Things/42/').route?.method).toBe('GET');
  });

  it('knows a path with other methods only, and nothing of an unknown path', () => {
    expect(table.match('DELETE', '/v1/things')).toEqual({ route: undefined, allow: ['POST'] });
    expect(table.match('GET', '/v1/things/42/parts')).toEqual({ route: undefined, allow: [] });
    expect(table.match('GET', '/v1/things//')).toEqual({ route: undefined, allow: ['POST'] });
  });

  it('claims every path under a route’s first segment, matched or not, and nothing else', () => {
    expect(table.claims('/v1/things/42/parts/7')).toBe(true);
    expect(table.claims('/V1/anything')).toBe(true);
    expect(table.claims('/metrics')).toBe(true);
    expect(table.claims('/requests/42')).toBe(false);
    expect(table.claims('/')).toBe(false);
  });

  it('reads what a route serves from @ApiProduces, else its Content-Type, else JSON', () => {
    expect(table.match('GET', '/v1/things/export').route?.produces).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(table.match('GET', '/metrics').route).toMatchObject({
      produces: ['text/plain'],
      isPublic: true,
    });
    expect(table.match('POST', '/v1/things').route?.produces).toEqual(['application/json']);
  });
});
