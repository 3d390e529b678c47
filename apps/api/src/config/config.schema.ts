import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);

const durationSeconds = z.coerce.number({ message: 'must be a number of seconds' }).int().positive();

/**
 * Every environment variable Grove reads, with its default and documentation. `grove config-create`
 * writes this list into a documented .env file, so keep `description` user-facing.
 */
export const CONFIG_VARIABLES = {
  GROVE_DATA_DIR: {
    schema: z.string().min(1),
    default: './data',
    description: 'Directory for the SQLite database, the session secret, the SSH host key and (by default) the repositories.',
  },
  GROVE_HOST: { schema: z.string().min(1), default: '127.0.0.1', description: 'Address the HTTP server listens on.' },
  GROVE_PORT: { schema: port, default: '5000', description: 'Port of the HTTP server (web UI, APIs, git and hg over HTTP).' },
  GROVE_SSH_ENABLED: {
    schema: booleanString,
    default: 'true',
    description: 'Run the built-in SSH server for git and hg (false: no SSH at all, and no ssh:// clone URLs are shown).',
  },
  GROVE_SSH_HOST: { schema: z.string().min(1).optional(), default: undefined, description: 'Address the SSH server listens on. Defaults to GROVE_HOST.' },
  GROVE_SSH_PORT: { schema: port, default: '2222', description: 'Port of the built-in SSH server.' },
  GROVE_SSH_PUBLIC_PORT: {
    schema: port.optional(),
    default: undefined,
    description: 'SSH port shown in clone URLs when it differs from GROVE_SSH_PORT (e.g. behind port forwarding; 22 gives ssh://user@host/repo).',
  },
  GROVE_SSH_AUTHORIZED_KEYS_FILE: {
    schema: z.string().min(1).optional(),
    default: undefined,
    description:
      'For sites that use the system sshd: authorized_keys file the server rewrites whenever SSH keys or users change (as `grove ssh-update-authorized-keys` does; never a file Grove did not write). Unset: not maintained.',
  },
  GROVE_SSH_AUTHORIZED_KEYS_COMMAND: {
    schema: z
      .string()
      .min(1)
      .regex(/^[^"\n\r]+$/, { message: 'must not contain quotes or line breaks' })
      .optional(),
    default: undefined,
    description: 'How sshd starts the grove command line in authorized_keys entries. Defaults to this node and the script that started Grove.',
  },
  GROVE_BASE_URL: {
    schema: z.url({ message: 'must be an absolute URL such as https://code.example.com' }).optional(),
    default: undefined,
    description: 'Public URL of the site, used in e-mails and clone URLs. Defaults to the address of each request.',
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL (leave it unset for the embedded SQLite database)' })
      .optional(),
    default: undefined,
    description: 'PostgreSQL connection URL (postgres://user:pass@host:5432/db). Unset: SQLite file in the data directory.',
  },
  REDIS_URL: {
    schema: z.string().regex(/^rediss?:\/\//, { message: 'must be a redis:// URL' }).optional(),
    default: undefined,
    description: 'Redis URL for task queues, shared login throttling and cache invalidation across processes. Unset: in-process.',
  },
  GROVE_SESSION_SECRET: {
    schema: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    default: undefined,
    description:
      'Secret that signs session cookies. Unset: generated once into the data directory. Set the same value on every process of one site.',
  },
  GROVE_SESSION_TTL: {
    schema: durationSeconds,
    default: '43200',
    description: 'Lifetime of a browser session in seconds (default 12 hours).',
  },
  GROVE_SESSION_REMEMBER_TTL: {
    schema: durationSeconds,
    default: '2592000',
    description: 'Lifetime of a session when "stay logged in" is ticked (default 30 days).',
  },
  GROVE_SECURE_COOKIES: {
    schema: booleanString,
    default: 'false',
    description: 'Mark cookies Secure (set to true when the site is served over HTTPS).',
  },
  GROVE_TRUSTED_PROXIES: {
    schema: z.string(),
    default: '',
    description:
      'Comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-For / X-Real-IP headers are trusted for the client address.',
  },
  GROVE_LOGIN_MAX_FAILURES: {
    schema: z.coerce.number({ message: 'must be a number' }).int().min(1),
    default: '5',
    description: 'Failed logins allowed per account within the throttle window.',
  },
  GROVE_LOGIN_MAX_FAILURES_PER_IP: {
    schema: z.coerce.number({ message: 'must be a number' }).int().min(1),
    default: '30',
    description: 'Failed logins allowed per client address within the throttle window (higher: many users may share an address).',
  },
  GROVE_LOGIN_THROTTLE_WINDOW: {
    schema: durationSeconds,
    default: '900',
    description: 'Throttle window in seconds; after too many failures, logins are refused until it passes.',
  },
  GROVE_LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
    default: 'info',
    description: 'Log level of the structured (JSON) log on standard output.',
  },
  GROVE_WEB_DIR: {
    schema: z.string().optional(),
    default: undefined,
    description: 'Directory of the built web UI. Defaults to apps/web/dist of this installation.',
  },
} as const;

export type ConfigVariableName = keyof typeof CONFIG_VARIABLES;
