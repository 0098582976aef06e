/**
 * The few standard globals the engine may use: every place it runs (a page, an extension worker, Node 20+) has
 * them. Declared here, narrowly, because the engine compiles without the DOM and Node type libraries (see
 * tsconfig.json beside this file); anything not declared here is out of the engine's reach.
 */
interface URL {
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}
// eslint-disable-next-line no-var -- a global constructor is declared with var
declare var URL: { new (url: string, base?: string): URL };

/** WHATWG Encoding: UTF-8 in and out of pack metadata. */
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
// eslint-disable-next-line no-var -- a global constructor is declared with var
declare var TextEncoder: { new (): TextEncoder };
interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
// eslint-disable-next-line no-var -- a global constructor is declared with var
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean }): TextDecoder };
