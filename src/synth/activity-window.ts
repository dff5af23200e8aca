/**
 * Contacts, transactions and complaints of one customer over the 30-day blocks that cover a
 * window ending at asOf.
 */
import type { Bank } from './bank.js';
import type { BuiltCustomer } from './book.js';
import { complaintsFor, transactionsFor, type Complaint, type Txn } from './activity.js';
import { BLOCK_DAYS, contactsFor, type Contact } from './contacts.js';

export interface Activity {
  contacts: Contact[];
  transactions: Txn[];
  complaints: Complaint[];
}

/** blocks needed to cover `days` days ending at asOf */
export const activityBlocks = (days: number) => Math.max(1, Math.ceil(days / BLOCK_DAYS));

export function activityOf(bank: Bank, b: BuiltCustomer, blocks: number): Activity {
  const { profile: c, now, rel } = b;
  return {
    contacts: contactsFor(bank, c, now.tier, now.band, rel, blocks),
    transactions: transactionsFor(bank, c, now.tier, b.walk.aumFen, b.positions, blocks),
    complaints: complaintsFor(bank, c, now.tier, rel, blocks),
  };
}
