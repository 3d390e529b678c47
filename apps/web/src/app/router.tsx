import type { ReactNode } from 'react';
import { createBrowserRouter, RouteObject } from 'react-router';
import { RequireUser } from './require-user';
import { CreateRepositoryRoute } from './routes/admin/create-repository';
import { AdminPermissionsLayout, DefaultPermissionsTab, GlobalIpsTab } from './routes/admin/permissions';
import { AdminRepoGroupPathRoute } from './routes/admin/repo-group-admin';
import { AdminRepoGroupsRoute } from './routes/admin/repo-groups';
import { AdminReposRoute } from './routes/admin/repos';
import { AdminSettingsLayout, HooksTab, RepoScanTab, SiteSettingsTab } from './routes/admin/settings';
import {
  AdminUserAdvancedTab,
  AdminUserApiKeysTab,
  AdminUserEditLayout,
  AdminUserEmailsTab,
  AdminUserIpsTab,
  AdminUserPermissionsTab,
  AdminUserProfileTab,
  AdminUserSshKeysTab,
} from './routes/admin/user-edit';
import {
  AdminUserGroupEditLayout,
  AdminUserGroupNewRoute,
  AdminUserGroupsRoute,
  UserGroupAdvancedTab,
  UserGroupGlobalTab,
  UserGroupMembersTab,
  UserGroupPermissionsTab,
  UserGroupSettingsTab,
} from './routes/admin/user-groups';
import { AdminUserNewRoute } from './routes/admin/user-new';
import { AdminUsersRoute } from './routes/admin/users';
import { ContentRoute } from './routes/content';
import { HomeRoute } from './routes/home';
import { JournalRoute } from './routes/journal';
import { Layout } from './routes/layout';
import { LoginRoute } from './routes/login';
import {
  MyAccountLayout,
  MyApiKeysTab,
  MyEmailsTab,
  MyPasswordTab,
  MyPermissionsTab,
  MyProfileTab,
  MyRepositoriesTab,
  MySshKeysTab,
  MyWatchedTab,
} from './routes/my-account';
import { NotFoundRoute } from './routes/not-found';

/** Signed-in users only (anonymous → login and back). */
const user = (element: ReactNode) => <RequireUser>{element}</RequireUser>;
/** Super-admins only (others → 403 panel). */
const admin = (element: ReactNode) => <RequireUser admin>{element}</RequireUser>;

/** Kallithea's URL map: `/_admin/…` for the application, `/{group}` and `/{repo}` for content. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: '_admin/login', element: <LoginRoute /> },
      {
        path: '_admin/my_account',
        element: user(<MyAccountLayout />),
        children: [
          { index: true, element: <MyProfileTab /> },
          { path: 'password', element: <MyPasswordTab /> },
          { path: 'emails', element: <MyEmailsTab /> },
          { path: 'api_keys', element: <MyApiKeysTab /> },
          { path: 'ssh_keys', element: <MySshKeysTab /> },
          { path: 'repos', element: <MyRepositoriesTab /> },
          { path: 'watched', element: <MyWatchedTab /> },
          { path: 'perms', element: <MyPermissionsTab /> },
        ],
      },
      { path: '_admin/users', element: admin(<AdminUsersRoute />) },
      { path: '_admin/users/new', element: admin(<AdminUserNewRoute />) },
      {
        path: '_admin/users/:id/edit',
        element: admin(<AdminUserEditLayout />),
        children: [
          { index: true, element: <AdminUserProfileTab /> },
          { path: 'emails', element: <AdminUserEmailsTab /> },
          { path: 'ips', element: <AdminUserIpsTab /> },
          { path: 'api_keys', element: <AdminUserApiKeysTab /> },
          { path: 'ssh_keys', element: <AdminUserSshKeysTab /> },
          { path: 'permissions', element: <AdminUserPermissionsTab /> },
          { path: 'advanced', element: <AdminUserAdvancedTab /> },
        ],
      },
      { path: '_admin/user_groups', element: user(<AdminUserGroupsRoute />) },
      { path: '_admin/user_groups/new', element: user(<AdminUserGroupNewRoute />) },
      {
        path: '_admin/user_groups/:id/edit',
        element: user(<AdminUserGroupEditLayout />),
        children: [
          { index: true, element: <UserGroupSettingsTab /> },
          { path: 'members', element: <UserGroupMembersTab /> },
          { path: 'perms', element: <UserGroupPermissionsTab /> },
          { path: 'default_perms', element: <UserGroupGlobalTab /> },
          { path: 'advanced', element: <UserGroupAdvancedTab /> },
        ],
      },
      { path: '_admin/repo_groups', element: user(<AdminRepoGroupsRoute />) },
      // `new`, `{group}/edit[/{tab}]` and the group page: group names contain `/`
      { path: '_admin/repo_groups/*', element: <AdminRepoGroupPathRoute /> },
      { path: '_admin/repos', element: user(<AdminReposRoute />) },
      { path: '_admin/create_repository', element: user(<CreateRepositoryRoute />) },
      {
        path: '_admin/permissions',
        element: admin(<AdminPermissionsLayout />),
        children: [
          { index: true, element: <DefaultPermissionsTab /> },
          { path: 'ips', element: <GlobalIpsTab /> },
        ],
      },
      {
        path: '_admin/settings',
        element: admin(<AdminSettingsLayout />),
        children: [
          { index: true, element: <SiteSettingsTab /> },
          { path: 'mapping', element: <RepoScanTab /> },
          { path: 'hooks', element: <HooksTab /> },
        ],
      },
      { path: '_admin/journal', element: user(<JournalRoute kind="mine" />) },
      { path: '_admin/public_journal', element: <JournalRoute kind="public" /> },
      { path: '_admin', element: admin(<JournalRoute kind="admin" />) },
      { path: '_admin/*', element: <NotFoundRoute /> },
      { path: '*', element: <ContentRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
