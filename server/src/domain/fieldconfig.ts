/**
 * Field configurations (GET /api/v2/fieldconfig?type=...): the sections and fields of the profile of a
 * person, a group, the organization or an external contact, in the shape Genesys Cloud returns.
 */
import { invalidValue } from '../contract/errors.js';

const FIELD_CONFIG_TYPES = ['person', 'group', 'org', 'externalContact'] as const;
export type FieldConfigType = (typeof FIELD_CONFIG_TYPES)[number];

export interface FieldList {
  customLabels: boolean;
  instructionText: string;
  key: string;
  labelKeys: string[];
  params: Record<string, unknown>;
  repeatable: boolean;
  state: string;
  type: string;
  required: boolean;
  gdpr: boolean;
}

export interface Section {
  fieldList: FieldList[];
  instructionText: string;
  key: string;
  state: string;
}

export interface FieldConfig {
  id: string;
  name: string;
  entityType: FieldConfigType;
  state: string;
  sections: Section[];
  version: string;
  schemaVersion: string;
  selfUri: string;
}

type FieldSpec = [key: string, type: string, opts?: Partial<Omit<FieldList, 'key' | 'type'>>];

const field = ([key, type, opts = {}]: FieldSpec): FieldList => ({
  customLabels: false,
  instructionText: '',
  key,
  labelKeys: [],
  params: {},
  repeatable: false,
  state: 'active',
  type,
  required: false,
  gdpr: false,
  ...opts,
});

const section = (key: string, fields: FieldSpec[], instructionText = ''): Section => ({
  fieldList: fields.map(field),
  instructionText,
  key,
  state: 'active',
});

const phoneLabels = { labelKeys: ['work', 'mobile', 'other'], customLabels: true, repeatable: true };

const SECTIONS: Record<FieldConfigType, Section[]> = {
  group: [
    section('general', [
      ['name', 'text', { required: true, params: { maxLength: 256 } }],
      ['description', 'longtext', { params: { maxLength: 4000 } }],
      ['type', 'enum', { required: true, params: { values: ['official', 'social'] } }],
      ['visibility', 'enum', { required: true, params: { values: ['public', 'members', 'owners'] } }],
      ['images', 'image', { repeatable: true }],
    ]),
    section(
      'contactInfo',
      [
        ['groupEmail', 'email', { params: { maxLength: 320 } }],
        ['groupPhone', 'phone', { labelKeys: ['main'], params: { mediaType: 'PHONE', addressType: 'GROUPPHONE' } }],
        ['groupRing', 'phone', { labelKeys: ['ring'], params: { mediaType: 'PHONE', addressType: 'GROUPRING' } }],
      ],
      'How people reach the group.',
    ),
    section('membership', [
      ['owners', 'person', { repeatable: true, params: { maxItems: 100 } }],
      ['rulesVisible', 'boolean'],
      ['includeOwners', 'boolean'],
      ['rolesEnabled', 'boolean'],
      ['callsEnabled', 'boolean'],
    ]),
  ],
  person: [
    section('contactInfo', [
      ['email_work', 'email', { required: true, gdpr: true }],
      ['phone_work', 'phone', { ...phoneLabels, gdpr: true }],
      ['address_work', 'address', { repeatable: true, gdpr: true }],
    ]),
    section('relationships', [
      ['manager', 'person'],
      ['directReports', 'person', { repeatable: true }],
    ]),
    section('agentInfo', [
      ['skills', 'skill', { repeatable: true }],
      ['languages', 'language', { repeatable: true }],
      ['certifications', 'certification', { repeatable: true }],
    ]),
    section('general', [
      ['name', 'text', { required: true, gdpr: true }],
      ['title', 'text'],
      ['department', 'text'],
      ['preferredName', 'text', { gdpr: true }],
      ['biography', 'longtext', { gdpr: true }],
      ['hireDate', 'date', { gdpr: true }],
    ]),
    section('hr', [
      ['employeeId', 'text', { gdpr: true }],
      ['employeeType', 'enum', { params: { values: ['Full-time', 'Part-time', 'Contractor'] } }],
    ]),
  ],
  org: [
    section('general', [
      ['name', 'text', { required: true }],
      ['description', 'longtext'],
      ['domain', 'text'],
    ]),
    section('contactInfo', [
      ['email_main', 'email'],
      ['phone_main', 'phone', { labelKeys: ['main', 'fax'], customLabels: true, repeatable: true }],
      ['address_main', 'address'],
    ]),
  ],
  externalContact: [
    section('general', [
      ['firstName', 'text', { required: true, gdpr: true }],
      ['lastName', 'text', { gdpr: true }],
      ['title', 'text'],
      ['externalOrganization', 'organization'],
    ]),
    section('contactInfo', [
      ['email_work', 'email', { gdpr: true }],
      ['email_personal', 'email', { gdpr: true }],
      ['phone_work', 'phone', { ...phoneLabels, gdpr: true }],
      ['address', 'address', { gdpr: true }],
    ]),
  ],
};

const NAMES: Record<FieldConfigType, string> = {
  person: 'Person',
  group: 'Group',
  org: 'Organization',
  externalContact: 'External Contact',
};
const IDS: Record<FieldConfigType, string> = {
  person: '8d2f3c1a-0001-4e00-9f00-0000000fc001',
  group: '8d2f3c1a-0002-4e00-9f00-0000000fc002',
  org: '8d2f3c1a-0003-4e00-9f00-0000000fc003',
  externalContact: '8d2f3c1a-0004-4e00-9f00-0000000fc004',
};

export function getFieldConfig(type: unknown): FieldConfig {
  if (typeof type !== 'string' || !(FIELD_CONFIG_TYPES as readonly string[]).includes(type)) {
    throw invalidValue(`type must be one of ${FIELD_CONFIG_TYPES.join(', ')}.`, 'type');
  }
  const t = type as FieldConfigType;
  return {
    id: IDS[t],
    name: NAMES[t],
    entityType: t,
    state: 'active',
    sections: structuredClone(SECTIONS[t]),
    version: '3',
    schemaVersion: '1.0',
    selfUri: `/api/v2/fieldconfig?type=${t}`,
  };
}
