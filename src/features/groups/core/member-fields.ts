import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { User } from '@/api/generated/model/user';
import type { UserExpand } from '@/api/generated/model/userExpand';

/**
 * The member expand options the column chooser offers, each with a label and a plain-text value
 * (used by the table cells that have no richer rendering and by the CSV export).
 */
export interface MemberField {
  /** The `expand` value sent to the API. */
  expand: UserExpand;
  /** The column's name, a message: shown with `i18n._(field.label)`, or memberFieldLabel(expand). */
  label: MessageDescriptor;
  text: (user: User) => string;
}

const join = (values: ReadonlyArray<string | undefined | null>) =>
  values.filter((v): v is string => typeof v === 'string' && v.length > 0).join('; ');

const dateText = (value: string | undefined) => value ?? '';

const activeSummary = (user: User): string => {
  const summary = user.conversationSummary as Record<string, unknown> | undefined;
  if (!summary) return '';
  const parts: string[] = [];
  for (const [media, value] of Object.entries(summary)) {
    if (!value || typeof value !== 'object' || media === 'userId') continue;
    const v = value as {
      contactCenter?: { active?: number; acw?: number };
      enterprise?: { active?: number; acw?: number };
    };
    const active = (v.contactCenter?.active ?? 0) + (v.enterprise?.active ?? 0);
    const acw = (v.contactCenter?.acw ?? 0) + (v.enterprise?.acw ?? 0);
    if (active || acw) parts.push(acw ? t`${media}: ${active} active, ${acw} ACW` : t`${media}: ${active} active`);
  }
  return parts.length ? parts.join('; ') : t`No active conversations`;
};

const outUntil = (endDate: string | undefined): string => {
  const day = endDate?.slice(0, 10);
  return day
    ? t({ message: `Out until ${day}`, comment: 'out of office until a day (YYYY-MM-DD)' })
    : t({ message: 'Out', comment: 'out of office' });
};

export const presenceOf = (user: User): string => user.presence?.presenceDefinition?.systemPresence ?? '';
export const routingStatusOf = (user: User): string => user.routingStatus?.status ?? '';

export const MEMBER_FIELDS: readonly MemberField[] = [
  { expand: 'presence', label: msg`Presence`, text: presenceOf },
  { expand: 'routingStatus', label: msg`Routing status`, text: routingStatusOf },
  {
    expand: 'integrationPresence',
    label: msg`Integration presence`,
    text: (u) => join([u.integrationPresence?.presenceDefinition?.systemPresence, u.integrationPresence?.source]),
  },
  {
    expand: 'station',
    label: msg`Station`,
    text: (u) => u.station?.effectiveStation?.name ?? u.station?.associatedStation?.name ?? '',
  },
  {
    expand: 'outOfOffice',
    label: msg`Out of office`,
    text: (u) => (!u.outOfOffice ? '' : u.outOfOffice.active ? outUntil(u.outOfOffice.endDate) : t`In office`),
  },
  { expand: 'conversationSummary', label: msg`Conversations`, text: activeSummary },
  {
    expand: 'geolocation',
    label: msg`Geolocation`,
    text: (u) => join([u.geolocation?.city, u.geolocation?.region, u.geolocation?.country]),
  },
  {
    expand: 'skills',
    label: msg`Skills`,
    text: (u) => join((u.skills ?? []).map((s) => (s.name ? `${s.name} (${s.proficiency ?? '?'})` : undefined))),
  },
  {
    expand: 'languages',
    label: msg`Languages`,
    text: (u) => join((u.languages ?? []).map((l) => (l.name ? `${l.name} (${l.proficiency ?? '?'})` : undefined))),
  },
  {
    expand: 'locations',
    label: msg`Locations`,
    text: (u) => join((u.locations ?? []).map((l) => l.locationDefinition?.name)),
  },
  { expand: 'certifications', label: msg`Certifications`, text: (u) => join(u.certifications ?? []) },
  { expand: 'profileSkills', label: msg`Profile skills`, text: (u) => join(u.profileSkills ?? []) },
  { expand: 'team', label: msg`Team`, text: (u) => u.team?.name ?? '' },
  { expand: 'groups', label: msg`Groups`, text: (u) => join((u.groups ?? []).map((g) => g.name)) },
  { expand: 'biography', label: msg`Biography`, text: (u) => u.biography?.biography ?? '' },
  {
    expand: 'employerInfo',
    label: msg`Employer info`,
    text: (u) => join([u.employerInfo?.employeeId, u.employerInfo?.employeeType, u.employerInfo?.dateHire]),
  },
  { expand: 'languagePreference', label: msg`Language preference`, text: (u) => u.languagePreference ?? '' },
  { expand: 'dateLastLogin', label: msg`Last login`, text: (u) => dateText(u.dateLastLogin) },
  { expand: 'dateWelcomeSent', label: msg`Welcome sent`, text: (u) => dateText(u.dateWelcomeSent) },
  { expand: 'lasttokenissued', label: msg`Last token issued`, text: (u) => dateText(u.lastTokenIssued?.dateIssued) },
  {
    expand: 'authorization',
    label: msg`Roles`,
    text: (u) => join((u.authorization?.roles ?? []).map((r) => r.name)),
  },
  {
    expand: 'workPlanBidRanks',
    label: msg`Work plan bid rank`,
    text: (u) =>
      u.workPlanBidRanks?.workPlanBiddingPerformance !== undefined
        ? String(u.workPlanBidRanks.workPlanBiddingPerformance)
        : '',
  },
  {
    expand: 'customAttributes',
    label: msg`Custom attributes`,
    text: (u) => {
      const attrs = (u as { customAttributes?: { attributes?: Record<string, unknown> } }).customAttributes?.attributes;
      return attrs ? join(Object.entries(attrs).map(([k, v]) => `${k}: ${String(v)}`)) : '';
    },
  },
];

const BY_EXPAND = new Map(MEMBER_FIELDS.map((f) => [f.expand as string, f]));

export const memberFieldFor = (expand: string): MemberField | undefined => BY_EXPAND.get(expand);

/** The column name of an expand value in the page's language; the value itself when unknown. */
export const memberFieldLabel = (expand: string): string => {
  const field = BY_EXPAND.get(expand);
  return field ? i18n._(field.label) : expand;
};

/** Keeps known expand values, in the chooser's order, without duplicates. */
export const normaliseExpand = (values: readonly string[]): UserExpand[] =>
  MEMBER_FIELDS.filter((f) => values.includes(f.expand)).map((f) => f.expand);
