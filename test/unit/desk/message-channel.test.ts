import { messageChannel } from '../../../shared/modules/desk/domain/message-channel';
import { MESSAGE_CHANNELS } from '../../../shared/modules/desk/domain/service-vocabulary';
import { serviceEn } from '../../../portals/ui/src/features/desk/texts/service-en';
import { serviceId } from '../../../portals/ui/src/features/desk/texts/service-id';

describe('message channels', () => {
  it('has a label for every channel a message can carry, the staff portal included, in English and in Bahasa Indonesia', () => {
    for (const channel of MESSAGE_CHANNELS) {
      expect([channel, serviceEn[`ticketChannel.${channel}`]]).toEqual([channel, expect.any(String)]);
      expect([channel, serviceId[`ticketChannel.${channel}`]]).toEqual([channel, expect.any(String)]);
    }
    expect([serviceEn['ticketChannel.staff'], serviceId['ticketChannel.staff']]).toEqual(['Staff portal', 'Portal staf']);
    expect([serviceEn['ticketChannel.portal'], serviceId['ticketChannel.portal']]).toEqual(['Customer portal', 'Portal pelanggan']);
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
