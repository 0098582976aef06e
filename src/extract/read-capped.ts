/**
 * A fetched page's body, read in chunks and given up (with `tooLarge`'s error) as soon as it passes `cap` bytes: a
 * server that sends more than it declared (or declares nothing) cannot make the reader hold more. Plain fetch
 * streams, so the CLI's fetcher and the extension's link checks and subscriptions share it.
 */
export async function readCapped(response: Response, cap: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
