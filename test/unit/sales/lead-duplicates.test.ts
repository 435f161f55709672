import { companyDomain, matchKeys, matchKeyText, normaliseCompanyName } from '../../../shared/modules/sales/domain/lead-duplicates';

describe('lead duplicate keys', () => {
  it('normalises company names: case, legal forms, punctuation, spaces', () => {
    expect(normaliseCompanyName('PT. KITA')).toBe('kita');
    expect(normaliseCompanyName('  pt kita , Tbk ')).toBe('kita');
    expect(normaliseCompanyName('CV. Harapan   Jaya')).toBe('harapan jaya');
    expect(normaliseCompanyName('Harapan-Jaya, CV')).toBe('harapan jaya');
    expect(normaliseCompanyName('PT. Sinar Pagi (Persero) Tbk.')).toBe('sinar pagi');
    expect(normaliseCompanyName('Café Ría')).toBe('cafe ria');
    expect(normaliseCompanyName('PT.')).toBe('');
  });

  it('takes the company domain of an e-mail, but not free-mail domains', () => {
    expect(companyDomain('Hendra@KITA.example')).toBe('kita.example');
    expect(companyDomain('someone@gmail.com')).toBeUndefined();
    expect(companyDomain('someone@yahoo.com')).toBeUndefined();
    expect(companyDomain('someone@outlook.com')).toBeUndefined();
    expect(companyDomain('not-an-email')).toBeUndefined();
  });

  it('derives the match keys of a lead', () => {
    expect(matchKeys({ email: 'hendra@kita.example', companyName: 'PT. KITA' }).map(matchKeyText)).toEqual(['email:hendra@kita.example', 'domain:kita.example', 'company:kita']);
    expect(matchKeys({ email: 'budi@gmail.com' }).map(matchKeyText)).toEqual(['email:budi@gmail.com']);
    expect(matchKeys({ companyName: 'PT' })).toEqual([]);
    expect(matchKeys({})).toEqual([]);
  });
});
