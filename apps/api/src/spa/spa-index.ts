import { Inject, Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';

/** The built SPA's index.html, read once. */
@Injectable()
export class SpaIndex {
  private cached?: Promise<string | null>;

  constructor(@Inject(GROVE_CONFIG) private readonly config: GroveConfig) {}

  html(): Promise<string | null> {
    this.cached ??= readFile(path.join(this.config.webDir, 'index.html'), 'utf8').catch(() => null);
    return this.cached;
  }
}
