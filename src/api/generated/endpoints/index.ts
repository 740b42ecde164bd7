export * from './audits/audits';
export * from './authorization/authorization';
export * from './fieldconfig/fieldconfig';
export * from './groups/groups';
export * from './organization/organization';
export * from './presence/presence';
export * from './tokens/tokens';
export * from './users/users';
