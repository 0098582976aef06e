/**
 * The few standard globals the engine may use: every place it runs (a page, an extension worker, Node 20+) has
 * them. Declared here, narrowly, because the engine compiles without the DOM and Node type libraries (see
 * tsconfig.json beside this file); anything not declared here is out of the engine's reach.
 */
interface URL {
  readonly hostname: string;
  readonly pathname: string;
}
// eslint-disable-next-line no-var -- a global constructor is declared with var
declare var URL: { new (url: string, base?: string): URL };
