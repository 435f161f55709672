import { messageChannel } from '../../../shared/modules/desk/domain/message-channel';
import { MESSAGE_CHANNELS } from '../../../shared/modules/desk/domain/service-vocabulary';
import { deskEn } from '../../../portals/ui/src/features/desk/texts.en';
import { deskId } from '../../../portals/ui/src/features/desk/texts.id';

describe('message channels', () => {
  it('has a label for every channel a message can carry, the staff portal included, in English and in Bahasa Indonesia', () => {
    for (const channel of MESSAGE_CHANNELS) {
      expect([channel, deskEn[`desk.ticketChannel.${channel}`]]).toEqual([channel, expect.any(String)]);
      expect([channel, deskId[`desk.ticketChannel.${channel}`]]).toEqual([channel, expect.any(String)]);
    }
    expect([deskEn['desk.ticketChannel.staff'], deskId['desk.ticketChannel.staff']]).toEqual(['Staff portal', 'Portal staf']);
    expect([deskEn['desk.ticketChannel.portal'], deskId['desk.ticketChannel.portal']]).toEqual(['Customer portal', 'Portal pelanggan']);
  });

  it('reads a staff or system message stored as from the customer portal as written in the staff portal, and leaves every other one as stored', () => {
    expect(messageChannel('staff', 'portal')).toBe('staff');
    expect(messageChannel('system', 'portal')).toBe('staff');
    expect(messageChannel('customer', 'portal')).toBe('portal');
    expect(messageChannel('staff', 'phone')).toBe('phone');
    expect(messageChannel('customer', 'email')).toBe('email');
    expect(messageChannel('staff', 'staff')).toBe('staff');
  });
});
