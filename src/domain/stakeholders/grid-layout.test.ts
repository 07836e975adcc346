import fc from 'fast-check';
import { LAUNCH_GRID, names } from './__fixtures__/launch-grid';
import { bandOf, layout, moveTo, scoreAt, type GridLayout } from './grid-layout';
import { quadrantOf } from './quadrant';
import type { Score, Stakeholder } from './stakeholder';

const ok = (result: ReturnType<typeof layout>): GridLayout => {
  if (!result.ok) throw new Error(result.message);
  return result;
};
const VP = LAUNCH_GRID.stakeholders[0]!;
const score = fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Score>;

describe('bands and scores', () => {
  test.each<[Score, number, number]>([
    [1, 0, 200],
    [2, 200, 400],
    [3, 400, 533.33],
    [4, 533.33, 666.67],
    [5, 666.67, 800],
  ])('on an 800 px axis, score %p owns [%p, %p)', (s, start, end) => {
    const band = bandOf(s, 800);
    expect(band.start).toBeCloseTo(start, 1);
    expect(band.end).toBeCloseTo(end, 1);
  });

  test.each([
    [-50, 1],
    [0, 1],
    [199.9, 1],
    [200, 2],
    [399.99, 2],
    [400, 3], // the middle of the axis is where "high" starts
    [533.4, 4],
    [799, 5],
    [800, 5],
    [5000, 5],
  ])('position %p on an 800 px axis is score %p', (position, expected) => {
    expect(scoreAt(position, 800)).toBe(expected);
  });
});

describe('layout', () => {
  test('the launch grid: a dot per stakeholder, with initials, name and quadrant, high authority at the top', () => {
    const l = ok(layout(LAUNCH_GRID, 600, 400, names));
    expect(l.dots.map((d) => [d.stakeholderId, d.initials, d.name, d.quadrant])).toEqual([
      ['s-vp', 'MO', 'Marcus Obi', 'manage-closely'],
      ['s-legal', 'LF', 'Lena Fischer', 'manage-closely'],
      ['s-eng', 'OH', 'Omar Haddad', 'keep-informed'],
      ['s-fin', 'SL', 'Sara Lind', 'keep-satisfied'],
      ['s-mkt', 'J', 'Jo', 'keep-informed'],
      ['s-vendor', 'T', 'Textly', 'monitor'],
    ]);
    const vp = l.dots[0]!;
    const vendor = l.dots[5]!;
    expect(vp.x).toBeGreaterThan(300);
    expect(vp.y).toBeLessThan(200);
    expect(vendor.x).toBeLessThan(300);
    expect(vendor.y).toBeGreaterThan(200);
    expect(l.radius).toBe(18);
  });

  test('the quadrant areas are equal halves, labelled where a reader expects them', () => {
    expect(ok(layout(LAUNCH_GRID, 600, 400)).quadrants).toEqual([
      { quadrant: 'keep-satisfied', x: 0, y: 0, width: 300, height: 200 },
      { quadrant: 'manage-closely', x: 300, y: 0, width: 300, height: 200 },
      { quadrant: 'monitor', x: 0, y: 200, width: 300, height: 200 },
      { quadrant: 'keep-informed', x: 300, y: 200, width: 300, height: 200 },
    ]);
  });

  test('a user without a known name shows "?" and "Unknown person"', () => {
    const dot = ok(layout({ stakeholders: [VP] }, 300, 300)).dots[0];
    expect(dot).toMatchObject({ initials: '?', name: 'Unknown person' });
  });

  test('is the same whatever order the stakeholders come in', () => {
    const a = ok(layout(LAUNCH_GRID, 500, 500));
    const b = ok(layout({ stakeholders: [...LAUNCH_GRID.stakeholders].reverse() }, 500, 500));
    const byId = (l: GridLayout) => Object.fromEntries(l.dots.map((d) => [d.stakeholderId, [d.x, d.y]]));
    expect(byId(b)).toEqual(byId(a));
  });

  test.each([
    [0, 400],
    [400, 49],
    [Number.NaN, 400],
    [Number.POSITIVE_INFINITY, 400],
    [20_000, 400],
  ])('refuses a %p × %p grid with a sentence', (w, h) => {
    expect(layout(LAUNCH_GRID, w, h)).toEqual({
      ok: false,
      message: 'The grid needs a size from 50 to 10,000 pixels each way.',
    });
  });
});

describe('moveTo', () => {
  test.each<[number, number, Score, Score]>([
    [590, 10, 5, 5],
    [10, 390, 1, 1],
    [310, 190, 3, 3], // just inside manage closely
    [290, 210, 2, 2], // just inside monitor
    [-100, -100, 5, 1], // dragged off the top left: clamped
    [900, 900, 1, 5], // dragged off the bottom right: clamped
  ])('a drop at (%p, %p) on 600×400 gives authority %p, concern %p', (x, y, authority, concern) => {
    const moved = moveTo(VP, x, y, 600, 400);
    expect(moved).toEqual({ ok: true, stakeholder: { ...VP, authority, concern } });
  });

  test.each([
    [Number.NaN, 10, 'The drop position was not a point on the grid; drag the dot again.'],
    [10, Number.POSITIVE_INFINITY, 'The drop position was not a point on the grid; drag the dot again.'],
  ])('refuses a drop at (%p, %p)', (x, y, message) => {
    expect(moveTo(VP, x, y, 600, 400)).toEqual({ ok: false, message });
  });

  test('refuses a grid size it cannot draw', () => {
    expect(moveTo(VP, 10, 10, 0, 400).ok).toBe(false);
  });
});

describe('layout and drag (properties)', () => {
  const stakeholders = fc.uniqueArray(
    fc.record({ id: fc.stringMatching(/^s[0-9a-z]{1,4}$/), authority: score, concern: score }),
    { maxLength: 100, selector: (s) => s.id },
  );
  const grids = stakeholders.map((list) =>
    list.map((s): Stakeholder => ({
      ...s,
      party: { kind: 'external', name: s.id, organisation: '' },
      role: '',
      notes: '',
    })),
  );
  const size = fc.integer({ min: 50, max: 2000 });

  test('round trip: dropping a dot where layout drew it gives back the same scores', () => {
    fc.assert(
      fc.property(grids, size, size, (list, width, height) => {
        const l = ok(layout({ stakeholders: list }, width, height));
        for (const dot of l.dots) {
          const s = list.find((x) => x.id === dot.stakeholderId)!;
          const moved = moveTo(s, dot.x, dot.y, width, height);
          expect(moved).toEqual({ ok: true, stakeholder: s });
          expect(dot.quadrant).toBe(quadrantOf(s));
        }
      }),
    );
  });

  test('no two dots overlap, and every dot lies inside the grid', () => {
    fc.assert(
      fc.property(grids, size, size, (list, width, height) => {
        const l = ok(layout({ stakeholders: list }, width, height));
        expect(l.dots).toHaveLength(list.length);
        expect(l.radius).toBeGreaterThan(0);
        for (const d of l.dots) {
          expect(d.x - l.radius).toBeGreaterThanOrEqual(0);
          expect(d.x + l.radius).toBeLessThanOrEqual(width);
          expect(d.y - l.radius).toBeGreaterThanOrEqual(0);
          expect(d.y + l.radius).toBeLessThanOrEqual(height);
        }
        for (let i = 0; i < l.dots.length; i++) {
          for (let j = i + 1; j < l.dots.length; j++) {
            const a = l.dots[i]!;
            const b = l.dots[j]!;
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * l.radius);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  test('a drop anywhere gives scores from 1 to 5 whose layout is back in the same band', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        size,
        size,
        (x, y, w, h) => {
          const moved = moveTo(VP, x, y, w, h);
          if (!moved.ok) throw new Error(moved.message);
          const { authority, concern } = moved.stakeholder;
          const again = ok(layout({ stakeholders: [moved.stakeholder] }, w, h)).dots[0]!;
          expect(moveTo(VP, again.x, again.y, w, h)).toEqual({
            ok: true,
            stakeholder: { ...VP, authority, concern },
          });
        },
      ),
    );
  });
});
