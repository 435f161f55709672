import { allRoutes, SECTIONS, sectionOf } from '../../../functions/api/sections';

describe('API sections (a request loads only its route module)', () => {
  it('maps every route to the module that defines it, by the first segment of its path', async () => {
    const unreachable: string[] = [];
    for (const routes of await allRoutes()) {
      for (const { method, path } of routes.routes) {
        const load = SECTIONS[sectionOf(path)];
        if (!load || (await load()) !== routes) unreachable.push(`${method} ${path}`);
      }
    }
    expect(unreachable).toEqual([]);
  });

  it('loads every module once however many sections share it', async () => {
    const modules = await allRoutes();
    expect(new Set(modules).size).toBe(modules.length);
    expect(await SECTIONS['lead-rules']!()).toBe(await SECTIONS.leads!());
  });

  it('reads the section from a path under /api/v1', () => {
    expect(sectionOf('/accounts/A1/timeline')).toBe('accounts');
    expect(sectionOf('/health')).toBe('health');
    expect(sectionOf('/')).toBe('');
  });
});
