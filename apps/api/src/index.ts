import 'reflect-metadata';
// What the `grove` command line and the tests use from the server package.
export { createGroveApp } from './bootstrap';
export { ConfigError, loadConfig, prepareDataDir, readDotenv } from './config/config';
export type { DatabaseConfig, GroveConfig } from './config/config';
export { CONFIG_VARIABLES } from './config/config.schema';
export { createLogger } from './common/logging/logger';
export { openDataSource } from './database/data-source';
export { dropEverything, inspectDatabase, install } from './setup/installer';
export type { DatabaseState, InstallOptions, InstallResult } from './setup/installer';
export { GROVE_VERSION } from './version';
export { SetupRefused, installationState, setupInstallation } from './setup/setup-installation';
export type { SetupOptions } from './setup/setup-installation';
export { listDeleted, purgeDeleted, scanRepositories } from './maintenance/maintenance';
export type { DeletedEntry } from '@grove/vcs';
export { AUTHORIZED_KEYS_HEADER, sshServe, updateAuthorizedKeys } from './vcs-gateway/ssh-cli';
