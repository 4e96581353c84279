import type { MigrationInterface } from 'typeorm';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, oldest first. Listed explicitly so a bundled build finds them all. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [InitialSchema1764000000000];
