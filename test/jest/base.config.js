// @ts-check
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');

/**
 * Packages published as ES modules only (NestJS 12, nodemailer, smtp-server, mailparser, …). Jest
 * runs CommonJS and cannot `require` them on Node 20, so they are compiled to CommonJS like our own
 * sources; every other package is loaded as it is.
 */
function esmPackages(dir = join(ROOT, 'node_modules')) {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (name.startsWith('@')) return esmPackages(join(dir, name)).map((pkg) => `${name}/${pkg}`);
    try {
      return JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).type === 'module'
        ? [name]
        : [];
    } catch {
      return [];
    }
  });
}

const escapeRegExp = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: ROOT,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { swcrc: true }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map(escapeRegExp).join('|')})/)`],
  moduleNameMapper: {
    '^@app/(core|catalog|notifications|parties|requests|audit)(|/.*)$': '<rootDir>/libs/$1/src$2',
  },
};
