import { jakartaDay, myDayWindow, splitMyDay } from '../../../shared/modules/sales/domain/my-day';

describe('Jakarta days', () => {
  it('puts an instant on its Jakarta calendar day (UTC+7)', () => {
    expect(jakartaDay('2026-11-23T16:59:59Z')).toBe('2026-11-23');
    expect(jakartaDay('2026-11-23T17:00:00Z')).toBe('2026-11-24');
    expect(jakartaDay(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the window of today and the upcoming week in UTC', () => {
    expect(myDayWindow(new Date('2026-11-23T18:00:00Z'))).toEqual({
      startOfToday: '2026-11-23T17:00:00.000Z',
      endOfToday: '2026-11-24T17:00:00.000Z',
      endOfUpcoming: '2026-12-01T17:00:00.000Z',
    });
  });
});

describe('my day split', () => {
  // 09:00 in Jakarta on 24 November.
  const now = new Date('2026-11-24T02:00:00Z');
  const at = (dueAt?: string) => ({ id: dueAt ?? 'undated', dueAt });

  it('splits planned work into overdue, today and upcoming, soonest first', () => {
    const split = splitMyDay(
      [
        at('2026-11-24T16:30:00Z'), // 23:30 on the 24th in Jakarta: today
        at('2026-11-23T16:59:00Z'), // 23:59 on the 23rd: overdue
        at('2026-11-23T17:00:00Z'), // 00:00 on the 24th: today
        at('2026-11-24T17:00:00Z'), // 00:00 on the 25th: upcoming
        at('2026-11-01T00:00:00Z'), // long overdue
        at('2026-12-01T16:59:00Z'), // last minute of the upcoming week
        at('2026-12-01T17:00:00Z'), // beyond it
        at(undefined),
      ],
      now,
    );
    expect(split.overdue.map((a) => a.id)).toEqual(['2026-11-01T00:00:00Z', '2026-11-23T16:59:00Z']);
    expect(split.today.map((a) => a.id)).toEqual(['2026-11-23T17:00:00Z', '2026-11-24T16:30:00Z']);
    expect(split.upcoming.map((a) => a.id)).toEqual(['2026-11-24T17:00:00Z', '2026-12-01T16:59:00Z']);
  });

  it('keeps work due earlier today under today, not overdue', () => {
    expect(splitMyDay([at('2026-11-24T00:30:00Z')], now).today).toHaveLength(1);
  });
});
