// A few golden hover renderings, in both languages: the exact markdown a user sees. Regenerate
// after a deliberate knowledge change with UPDATE_GOLDEN=1 and review the diff.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Locale } from '../../../server/src/service/types';
import { hoverText } from '../../helpers/service';

const DIR = 'test/fixtures/docker/hover/golden';

const CASES: { name: string; file: string; src: string; locale: Locale }[] = [
  { name: 'image.en', file: 'Dockerfile', src: 'FROM ghcr.io/acme/ap<|>i:1.4@sha256:0123abcd\n', locale: 'en' },
  { name: 'image.ru', file: 'Dockerfile', src: 'FROM ngi<|>nx\n', locale: 'ru' },
  { name: 'variable.en', file: 'Dockerfile', src: 'ARG V=1\nFROM a\nARG V\nENV P=/opt/v$V\nRUN echo $<|>P\n', locale: 'en' },
  { name: 'variable.ru', file: 'Dockerfile', src: 'ARG V=1\nFROM a\nARG V\nENV P=/opt/v$V\nRUN echo $<|>P\n', locale: 'ru' },
  { name: 'apt-install.en', file: 'Dockerfile', src: 'FROM debian:12\nRUN apt-get ins<|>tall -y curl\n', locale: 'en' },
  { name: 'apt-install.ru', file: 'Dockerfile', src: 'FROM debian:12\nRUN apt-get ins<|>tall -y curl\n', locale: 'ru' },
  { name: 'dockerignore.en', file: '.dockerignore', src: '*.l<|>og\n', locale: 'en' },
  { name: 'dockerignore.ru', file: '.dockerignore', src: '*.l<|>og\n', locale: 'ru' },
];

describe('golden hover renderings', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const actual = `${hoverText(c.file, c.src, { settings: { locale: c.locale } })}\n`;
      const path = join(DIR, `${c.name}.md`);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, actual);
      }
      assert.ok(existsSync(path), `missing golden ${path}: run with UPDATE_GOLDEN=1 and review it`);
      assert.equal(actual, readFileSync(path, 'utf8'));
    });
  }
});
