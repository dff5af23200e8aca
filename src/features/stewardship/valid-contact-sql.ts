/**
 * The valid-contact rule of src/domain/contacts.ts as an SQL condition over a contacts row, built
 * from the same table (`CONTACT_VALIDITY`) and settings, so there is one rule: a channel's
 * validity kind decides its clause here exactly as it decides isValidContact's branch.
 * test/integration/stewardship-state.test.ts holds the two to the same answer on every channel,
 * connected flag and duration around the threshold.
 */
import { sql, type SQL } from 'drizzle-orm';
import { channelsValidBy, type ContactValidity } from '../../domain/contacts.js';
import type { Settings } from '../../domain/settings.js';

const channelIn = (k: SQL, validity: ContactValidity): SQL | null => {
  const channels = channelsValidBy(validity);
  if (!channels.length) return null;
  return sql`${k}.channel IN (${sql.join(
    channels.map((c) => sql`${c}::contact_channel`),
    sql`, `,
  )})`;
};

/** SQL boolean: the contacts row aliased `alias` is a valid contact. */
export function validContactSql(alias: string, s: Settings['contacts']): SQL {
  const k = sql.raw(alias);
  const clauses: SQL[] = [];
  const call = channelIn(k, 'call');
  if (call)
    clauses.push(
      sql`(${call} AND ${k}.connected IS TRUE AND coalesce(${k}.duration_seconds, 0) >= ${s.validCallSeconds}::int)`,
    );
  const always = channelIn(k, 'always');
  if (always) clauses.push(always);
  const attended = channelIn(k, 'attended');
  if (attended) clauses.push(sql`(${attended} AND ${k}.connected IS DISTINCT FROM FALSE)`);
  return clauses.length ? sql`(${sql.join(clauses, sql` OR `)})` : sql`FALSE`;
}
