/** A pack that cannot be used, with a message fit to show a user (it names the reference and field at fault). */
export class PackError extends Error {
  override name = 'PackError';
}
