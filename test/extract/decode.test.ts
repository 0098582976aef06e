import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodePage, EncodingError, pageEncoding } from '../../src/extract/decode';
import { hasShared, sharedPath } from '../eval/data';
import { windows1252 } from '../fixtures/story';

const hex = (h: string): Buffer => Buffer.from(h, 'hex');
const page = (charset: string, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`<!doctype html><html><head><meta charset="${charset}"></head><body><p>`), body]);

describe('a page is read in the encoding it was written in', () => {
  test('windows-1252: curly quotes, dashes and accents come back as written (Node’s own decoder reads Latin-1)', () => {
    const text = 'The council’s “final” vote — Café Tejéda, €48';
    expect(decodePage(page('windows-1252', windows1252(text)))).toContain(text);
    // With no declaration at all, bytes that are not UTF-8 are windows-1252, as browsers read them.
    expect(decodePage(windows1252(text))).toBe(text);
    expect(pageEncoding(windows1252(text))).toBe('windows-1252');
  });

  test('Shift_JIS, GBK and KOI8-R pages by their <meta charset>', () => {
    expect(decodePage(page('shift_jis', hex('938c8b9e82cc93568b4382cd90b082ea82c582b78142')))).toContain(
      '東京の天気は晴れです。',
    );
    expect(decodePage(page('gb2312', hex('b1b1bea9bdf1ccecccecc6f8c7e7c0caa1a3')))).toContain('北京今天天气晴朗。');
    expect(decodePage(page('koi8-r', hex('f0d2c9d7c5d42c20cdc9d2')))).toContain('Привет, мир');
  });

  test('the server’s charset overrides the page’s declaration; a byte-order mark overrides both', () => {
    const koi = page('windows-1252', hex('f0d2c9d7c5d42c20cdc9d2'));
    expect(decodePage(koi, 'text/html; charset=KOI8-R')).toContain('Привет, мир');
    expect(decodePage(koi, 'text/html; charset="koi8-r"')).toContain('Привет, мир');
    const utf16 = Buffer.concat([hex('fffe'), Buffer.from('<p>Café — “yes”</p>', 'utf16le')]);
    expect(decodePage(utf16, 'text/html; charset=windows-1252')).toBe('<p>Café — “yes”</p>');
    const utf8Bom = Buffer.concat([hex('efbbbf'), Buffer.from('Café', 'utf8')]);
    expect(decodePage(utf8Bom)).toBe('Café'); // the mark itself is not text
  });

  test('UTF-8 text stays UTF-8 whatever the page or the server declares', () => {
    const text = '<meta charset="gb2312"><p>The council’s “final” vote — Café</p>';
    expect(decodePage(Buffer.from(text, 'utf8'), 'text/html; charset=iso-8859-1')).toBe(text);
  });

  test.skipIf(!hasShared())(
    'the qq.com page of the real test pages declares gb2312 and is read as the UTF-8 it is',
    () => {
      const bytes = readFileSync(sharedPath('data/readability-pages/test/test-pages/qq/source.html'));
      expect(bytes.subarray(0, 2048).toString('latin1')).toMatch(/charset=["']?gb2312/i);
      expect(pageEncoding(bytes)).toBe('utf-8');
      expect(decodePage(bytes)).toBe(bytes.toString('utf8'));
    },
  );

  test('an encoding the standard refuses to decode is one clear error', () => {
    expect(() => decodePage(page('iso-2022-kr', hex('a1a2a3')))).toThrow(EncodingError);
    expect(() => decodePage(page('iso-2022-kr', hex('a1a2a3')))).toThrow(/cannot be read here \(replacement\)/);
  });
});
