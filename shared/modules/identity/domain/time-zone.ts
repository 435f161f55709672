/** The company's zone (Jakarta, WIB): dates and times show in it unless a user chose another. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** True for an IANA zone name the runtime knows ("Asia/Makassar"), false for anything else. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
