import type { MigrationInterface } from 'typeorm';

/** Every migration, oldest first. Listed explicitly so a bundled build finds them all. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [];
