import { searchDocumentOf, sameDocument } from '../../../shared/modules/search/domain/search-document';
import {
  documentNumberTerms,
  emailTerms,
  holdsEvery,
  leadingTerm,
  nameWords,
  phoneTerms,
  queryTerms,
  termBucket,
} from '../../../shared/modules/search/domain/search-terms';

describe('name words', () => {
  it('drops legal forms, folds case and accents', () => {
    expect(nameWords('PT. KITA')).toEqual(['kita']);
    expect(nameWords('PT. Sinar Pagi')).toEqual(['sinar', 'pagi']);
    expect(nameWords('CV Maju Jaya')).toEqual(['maju', 'jaya']);
    expect(nameWords('PT Bank Rakyat Indonesia (Persero) Tbk')).toEqual(['bank', 'rakyat', 'indonesia']);
    expect(nameWords('UD. Sumber Rejeki')).toEqual(['sumber', 'rejeki']);
    expect(nameWords('Acme Ltd.')).toEqual(['acme']);
    expect(nameWords('Café Señor Inc')).toEqual(['cafe', 'senor']);
    expect(nameWords(undefined)).toEqual([]);
  });

  it('keeps a legal form that is part of another word', () => {
    expect(nameWords('Ptolemy Cvetkovic')).toEqual(['ptolemy', 'cvetkovic']);
  });
});

describe('e-mail, phone and document number terms', () => {
  it('indexes an e-mail whole and by its local part', () => {
    expect(emailTerms('Yeyen@KITA.example')).toEqual(['yeyen@kita.example', 'yeyen']);
    expect(emailTerms(undefined)).toEqual([]);
  });

  it('indexes a phone by its national digits, +62 and 0 forms alike', () => {
    expect(phoneTerms('+62 812-3456-7890')).toEqual(['081234567890', '81234567890']);
    expect(phoneTerms('0812 3456 7890')).toEqual(['081234567890', '81234567890']);
    expect(phoneTerms('123')).toEqual([]);
  });

  it('indexes a document number whole and without separators', () => {
    expect(documentNumberTerms('Q-2026-0007')).toEqual(['q-2026-0007', 'q20260007']);
    expect(documentNumberTerms('INV/2026/12')).toEqual(['inv/2026/12', 'inv202612']);
  });
});

describe('query terms', () => {
  it('folds words and drops legal forms the way names are indexed', () => {
    expect(queryTerms('KITA')).toEqual(['kita']);
    expect(queryTerms('pt. sinar')).toEqual(['sinar']);
    expect(queryTerms('  Sínar  PAGI ')).toEqual(['sinar', 'pagi']);
    expect(queryTerms('PT')).toEqual([]);
  });

  it('turns a phone number in any form into national digits', () => {
    expect(queryTerms('+62 812 3456')).toEqual(['08123456']);
    expect(queryTerms('0812-3456')).toEqual(['08123456']);
  });

  it('compacts a document number and keeps an e-mail whole', () => {
    expect(queryTerms('Q-2026-0007')).toEqual(['q20260007']);
    expect(queryTerms('so-2026')).toEqual(['so2026']);
    expect(queryTerms('Yeyen@kita')).toEqual(['yeyen@kita']);
  });

  it('drops one-letter words', () => {
    expect(queryTerms('a kita')).toEqual(['kita']);
  });

  it('queries by the longest term and keeps hits holding every term as a prefix', () => {
    expect(leadingTerm(['sin', 'pagi'])).toBe('pagi');
    expect(holdsEvery(['sinar', 'pagi'], ['sin', 'pag'])).toBe(true);
    expect(holdsEvery(['sinar', 'pagi'], ['sinar', 'malam'])).toBe(false);
    expect(termBucket('kita')).toBe('ki');
  });
});

describe('search documents', () => {
  it('builds one from each searched entity and ignores the others', () => {
    expect(searchDocumentOf({ __edb_e__: 'account', accountId: 'A1', name: 'PT. KITA', email: 'info@kita.example', phone: '+62 21 555 0101' })).toEqual({
      type: 'account',
      recordId: 'A1',
      title: 'PT. KITA',
      subtitle: 'info@kita.example',
      terms: ['kita', 'info@kita.example', 'info', '0215550101', '215550101'],
    });
    expect(searchDocumentOf({ __edb_e__: 'salesOrder', orderId: 'O1', number: 'SO-2026-0001', status: 'open', accountId: 'A1' })).toMatchObject({ type: 'order', terms: ['so-2026-0001', 'so20260001'] });
    expect(searchDocumentOf({ __edb_e__: 'party', partyId: 'P1', lastName: 'Staff', isContact: false })).toBeUndefined();
    expect(searchDocumentOf({ __edb_e__: 'session' })).toBeUndefined();
    expect(searchDocumentOf({ __edb_e__: 'toString' })).toBeUndefined();
    expect(searchDocumentOf(undefined)).toBeUndefined();
  });

  it('sees an update that changed nothing searchable', () => {
    const before = searchDocumentOf({ __edb_e__: 'ticket', ticketId: 'T1', number: 'T-1', subject: 'Printer rusak', status: 'open', accountId: 'A1', slaDueAt: '1' });
    const after = searchDocumentOf({ __edb_e__: 'ticket', ticketId: 'T1', number: 'T-1', subject: 'Printer rusak', status: 'open', accountId: 'A1', slaDueAt: '2' });
    expect(sameDocument(before, after)).toBe(true);
  });
});
