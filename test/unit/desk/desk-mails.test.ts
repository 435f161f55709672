import type { MailTemplates } from '../../../shared/platform/mail/mail-template';
import { DESK_MAILS } from '../../../shared/modules/desk/domain/desk-mails';

describe('ticket mails', () => {
  it('have the customer answer to the support address, where the intake threads the answer; mails to staff do not', () => {
    const mails: MailTemplates = DESK_MAILS;
    const answeredToSupport = Object.keys(mails).filter((name) => mails[name]?.replyToSupport);
    expect(answeredToSupport.sort()).toEqual(['ticket_created', 'ticket_reply', 'ticket_resolved']);
  });
});
