import { addBusinessMinutes, businessMinutesBetween, BusinessCalendarError, type BusinessCalendar } from '../../../shared/modules/desk/domain/sla-clock';

/**
 * Expected instants are worked out by hand from the calendars below. Jakarta is UTC+7 all
 * year: 08:00 WIB = 01:00Z, 17:00 WIB = 10:00Z. January 2026: Mon 5, 12, 19, 26; Friday
 * 16 January is a holiday (Isra Mikraj), so Thursday 15 is followed by Monday 19.
 */
const workday = { start: '08:00', end: '17:00' };
const JAKARTA: BusinessCalendar = {
  timeZone: 'Asia/Jakarta',
  hours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday },
  holidays: ['2026-01-16', '2026-02-17'],
};
const JAKARTA_SATURDAYS: BusinessCalendar = { ...JAKARTA, hours: { ...JAKARTA.hours, sat: { start: '09:00', end: '13:00' } } };

/** Amsterdam: CET (UTC+1) until Sunday 29 March 2026 02:00, then CEST (UTC+2) until Sunday 25 October 03:00. */
const office = { start: '09:00', end: '17:00' };
const AMSTERDAM: BusinessCalendar = { timeZone: 'Europe/Amsterdam', hours: { mon: office, tue: office, wed: office, thu: office, fri: office }, holidays: [] };
/** Open only on Sunday nights 01:00–04:00 local: the hours that hold the DST changes. */
const AMSTERDAM_NIGHTS: BusinessCalendar = { timeZone: 'Europe/Amsterdam', hours: { sun: { start: '01:00', end: '04:00' } }, holidays: [] };

describe('addBusinessMinutes', () => {
  it.each([
    ['inside hours, same day', JAKARTA, '2026-01-12T02:00:00.000Z', 60, '2026-01-12T03:00:00.000Z'],
    ['0 minutes exactly at opening: that instant', JAKARTA, '2026-01-12T01:00:00.000Z', 0, '2026-01-12T01:00:00.000Z'],
    ['0 minutes exactly at closing: the next opening', JAKARTA, '2026-01-12T10:00:00.000Z', 0, '2026-01-13T01:00:00.000Z'],
    ['ending exactly at closing time stays that day', JAKARTA, '2026-01-12T09:00:00.000Z', 60, '2026-01-12T10:00:00.000Z'],
    ['crossing closing time into the next morning', JAKARTA, '2026-01-12T09:30:00.000Z', 60, '2026-01-13T01:30:00.000Z'],
    ['starting before opening', JAKARTA, '2026-01-11T23:00:00.000Z', 30, '2026-01-12T01:30:00.000Z'],
    ['starting after closing', JAKARTA, '2026-01-12T13:00:00.000Z', 30, '2026-01-13T01:30:00.000Z'],
    ['starting after local midnight, still the previous UTC date', JAKARTA, '2026-01-12T20:00:00.000Z', 60, '2026-01-13T02:00:00.000Z'],
    ['Friday afternoon over the weekend', JAKARTA, '2026-01-09T09:00:00.000Z', 120, '2026-01-12T02:00:00.000Z'],
    ['0 minutes on a Saturday: Monday opening', JAKARTA, '2026-01-10T03:00:00.000Z', 0, '2026-01-12T01:00:00.000Z'],
    ['a holiday on the Friday before a weekend', JAKARTA, '2026-01-15T09:30:00.000Z', 60, '2026-01-19T01:30:00.000Z'],
    ['0 minutes on the holiday itself', JAKARTA, '2026-01-16T03:00:00.000Z', 0, '2026-01-19T01:00:00.000Z'],
    ['an input with a local offset', JAKARTA, '2026-01-12T08:00:00+07:00', 1, '2026-01-12T01:01:00.000Z'],
    ['seconds and milliseconds are kept', JAKARTA, '2026-01-12T02:00:30.500Z', 15, '2026-01-12T02:15:30.500Z'],
    ['24 business hours: two full days and 6 hours', JAKARTA, '2026-01-12T01:00:00.000Z', 1440, '2026-01-14T07:00:00.000Z'],
    ['40 business hours over the Friday holiday', JAKARTA, '2026-01-12T01:00:00.000Z', 2400, '2026-01-19T05:00:00.000Z'],
    ['50 business days over ten weeks and two holidays', JAKARTA, '2026-01-05T01:00:00.000Z', 27000, '2026-03-17T10:00:00.000Z'],
    ['an open Saturday morning', JAKARTA_SATURDAYS, '2026-01-09T09:30:00.000Z', 60, '2026-01-10T02:30:00.000Z'],
    ['Amsterdam over the spring DST change (CET Friday, CEST Monday)', AMSTERDAM, '2026-03-27T15:00:00.000Z', 120, '2026-03-30T08:00:00.000Z'],
    ['Amsterdam over the autumn DST change (CEST Friday, CET Monday)', AMSTERDAM, '2026-10-23T14:00:00.000Z', 120, '2026-10-26T09:00:00.000Z'],
    ['Amsterdam hours that span the skipped hour hold 2 real hours', AMSTERDAM_NIGHTS, '2026-03-29T00:00:00.000Z', 150, '2026-04-04T23:30:00.000Z'],
  ])('%s', (_case, calendar, from, minutes, expected) => {
    expect(addBusinessMinutes(from, minutes, calendar)).toBe(expected);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['the same instant', JAKARTA, '2026-01-12T02:00:00.000Z', '2026-01-12T02:00:00.000Z', 0],
    ['an end before the start', JAKARTA, '2026-01-12T03:00:00.000Z', '2026-01-12T02:00:00.000Z', 0],
    ['inside one day', JAKARTA, '2026-01-12T02:00:00.000Z', '2026-01-12T03:30:00.000Z', 90],
    ['one evening and night, all outside hours', JAKARTA, '2026-01-12T11:00:00.000Z', '2026-01-13T00:00:00.000Z', 0],
    ['Friday afternoon to Monday morning', JAKARTA, '2026-01-09T09:00:00.000Z', '2026-01-12T02:00:00.000Z', 120],
    ['over the Friday holiday and the weekend', JAKARTA, '2026-01-15T09:30:00.000Z', '2026-01-19T01:30:00.000Z', 60],
    ['Saturday to Sunday', JAKARTA, '2026-01-10T02:00:00.000Z', '2026-01-11T09:00:00.000Z', 0],
    ['a full week, midnight to midnight', JAKARTA, '2026-01-04T17:00:00.000Z', '2026-01-11T17:00:00.000Z', 2700],
    ['a full week with a holiday', JAKARTA, '2026-01-11T17:00:00.000Z', '2026-01-18T17:00:00.000Z', 2160],
    ['ten weeks and two holidays', JAKARTA, '2026-01-05T01:00:00.000Z', '2026-03-17T10:00:00.000Z', 27000],
    ['29 seconds round down', JAKARTA, '2026-01-12T02:00:00.000Z', '2026-01-12T02:00:29.000Z', 0],
    ['31 seconds round up', JAKARTA, '2026-01-12T02:00:00.000Z', '2026-01-12T02:00:31.000Z', 1],
    ['Amsterdam over the spring DST change', AMSTERDAM, '2026-03-27T15:00:00.000Z', '2026-03-30T08:00:00.000Z', 120],
    ['Amsterdam 01:00–04:00 on the night clocks go forward', AMSTERDAM_NIGHTS, '2026-03-28T23:00:00.000Z', '2026-03-29T06:00:00.000Z', 120],
    ['Amsterdam 01:00–04:00 on the night clocks go back', AMSTERDAM_NIGHTS, '2026-10-24T22:00:00.000Z', '2026-10-25T06:00:00.000Z', 240],
  ])('%s', (_case, calendar, from, to, expected) => {
    expect(businessMinutesBetween(from, to, calendar)).toBe(expected);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('calendars the clock refuses', () => {
  it.each([
    ['no open weekday', { ...JAKARTA, hours: {} }, 'calendar_never_open'],
    ['an unknown time zone', { ...JAKARTA, timeZone: 'Mars/Olympus_Mons' }, 'invalid_time_zone'],
    ["the server's own zone", { ...JAKARTA, timeZone: 'local' }, 'invalid_time_zone'],
    ['closing before opening', { ...JAKARTA, hours: { mon: { start: '17:00', end: '08:00' } } }, 'invalid_business_hours'],
    ['opening equal to closing', { ...JAKARTA, hours: { mon: { start: '08:00', end: '08:00' } } }, 'invalid_business_hours'],
    ['a time that is not HH:MM', { ...JAKARTA, hours: { mon: { start: '8:00', end: '17:00' } } }, 'invalid_business_hours'],
  ])('%s', (_case, calendar, code) => {
    const runs = [() => addBusinessMinutes('2026-01-12T02:00:00.000Z', 30, calendar), () => businessMinutesBetween('2026-01-12T02:00:00.000Z', '2026-01-13T02:00:00.000Z', calendar)];
    for (const run of runs) {
      const error = thrownBy(run);
      expect(error).toBeInstanceOf(BusinessCalendarError);
      expect((error as BusinessCalendarError).code).toBe(code);
    }
  });

  it('refuses negative minutes and instants that are not ISO', () => {
    expect(() => addBusinessMinutes('2026-01-12T02:00:00.000Z', -1, JAKARTA)).toThrow(RangeError);
    expect(() => addBusinessMinutes('next monday', 30, JAKARTA)).toThrow(RangeError);
    expect(() => businessMinutesBetween('2026-01-12T02:00:00.000Z', 'later', JAKARTA)).toThrow(RangeError);
  });
});
