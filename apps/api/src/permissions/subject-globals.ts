import { SubjectGlobalPermissions } from '@grove/shared';
import type { EntityManager } from 'typeorm';
import { PermissionGrantsService, PermissionSubjectRef } from './permission-grants.service';

/** The three toggles of a subject's "global permissions" tab, read from its stored entries. */
export function toSubjectGlobals(entries: readonly string[]): SubjectGlobalPermissions {
  return {
    createRepository: entries.includes('hg.create.repository'),
    createUserGroup: entries.includes('hg.usergroup.create.true'),
    fork: entries.includes('hg.fork.repository'),
  };
}

export async function setSubjectGlobals(grants: PermissionGrantsService, m: EntityManager, subject: PermissionSubjectRef, values: SubjectGlobalPermissions) {
  await grants.setGlobal(m, subject, values.createRepository ? 'hg.create.repository' : 'hg.create.none');
  await grants.setGlobal(m, subject, values.createUserGroup ? 'hg.usergroup.create.true' : 'hg.usergroup.create.false');
  await grants.setGlobal(m, subject, values.fork ? 'hg.fork.repository' : 'hg.fork.none');
}
