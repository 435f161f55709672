import { DEFAULT_TIME_ZONE, formatInZone, humanizeWord, isTimeZone } from '../../../portals/ui/src/kit/time-zone';
import { crmEn } from '../../../portals/ui/src/features/crm/texts.en';
import { crmId } from '../../../portals/ui/src/features/crm/texts.id';

describe('dates and times in one zone', () => {
  it("shows an instant in the company's zone (Jakarta, UTC+7) by default, in either language", () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Jakarta');
    // 20:30 UTC on 3 March is already 4 March, 03:30 in Jakarta.
    expect(formatInZone('2026-03-03T20:30:00.000Z', 'dateTime', 'en')).toMatch(/4 Mar 2026.*03:30|4 Mar 2026.*3:30/);
    expect(formatInZone('2026-03-03T20:30:00.000Z', 'dateTime', 'id')).toMatch(/4 Mar 2026.*03[.:]30/);
    expect(formatInZone('2026-03-03T20:30:00.000Z', 'date', 'en')).toMatch(/4 Mar 2026/);
  });

  it('shows the same instant in the zone asked for, and falls back to the company zone for an unknown one', () => {
    expect(formatInZone('2026-03-03T20:30:00.000Z', 'dateTime', 'en', 'Europe/London')).toMatch(/3 Mar 2026.*20:30|3 Mar 2026.*8:30/);
    expect(formatInZone('2026-03-03T20:30:00.000Z', 'date', 'en', 'Not/A_Zone')).toBe(formatInZone('2026-03-03T20:30:00.000Z', 'date', 'en'));
  });

  it('keeps a calendar day (a due date) on its day whatever the zone, and leaves what is not a date as written', () => {
    expect(formatInZone('2026-12-15', 'date', 'en', 'America/Los_Angeles')).toMatch(/15 Dec 2026/);
    expect(formatInZone('2026-12-15', 'dateTime', 'en', 'Pacific/Kiritimati')).toMatch(/^15 Dec 2026$/);
    expect(formatInZone(undefined, 'date', 'en')).toBe('—');
    expect(formatInZone('soon', 'date', 'en')).toBe('soon');
  });

  it('knows IANA zone names and refuses anything else', () => {
    expect(isTimeZone('Asia/Makassar')).toBe(true);
    expect(isTimeZone('Asia/Jayapura')).toBe(true);
    expect(isTimeZone('WIB+7')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('timeline words', () => {
  it('reads every channel the API stores on a timeline entry in English and Bahasa Indonesia', () => {
    for (const channel of ['email', 'phone', 'face_to_face', 'internal', 'portal', 'staff', 'web', 'chat']) {
      expect([channel, crmEn[`crm.timelineChannel.${channel}` as keyof typeof crmEn]]).toEqual([channel, expect.any(String)]);
      expect([channel, crmId[`crm.timelineChannel.${channel}` as keyof typeof crmId]]).toEqual([channel, expect.any(String)]);
    }
    expect([crmEn['crm.timelineChannel.face_to_face'], crmId['crm.timelineChannel.face_to_face']]).toEqual(['Face to face', 'Tatap muka']);
  });

  it('reads every entry type the modules write', () => {
    for (const type of ['note', 'audit', 'contact_linked', 'contact_unlinked', 'lead_converted', 'activity', 'opportunity', 'quote', 'order', 'invoice', 'ticket']) {
      expect([type, crmEn[`crm.timelineType.${type}` as keyof typeof crmEn], crmId[`crm.timelineType.${type}` as keyof typeof crmId]]).toEqual([type, expect.any(String), expect.any(String)]);
    }
  });

  it('turns a word no catalogue knows yet into words rather than showing the raw value', () => {
    expect(humanizeWord('face_to_face')).toBe('Face to face');
    expect(humanizeWord('video-call')).toBe('Video call');
    expect(humanizeWord('sms')).toBe('Sms');
  });
});
