/** The kernel's NFT_NAME_MAXLEN counts the terminating NUL: a name holds at most 255 bytes. */
const MAX_NAME_BYTES = 255;

/**
 * The kernel refuses a longer table, chain, set or object name with ERANGE, which nft prints as
 * below; a jump to such a name can never find its chain either. Undefined when the name fits.
 * `name` is unquoted.
 */
export function nameTooLong(name: string): string | undefined {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes <= MAX_NAME_BYTES) return undefined;
  const shown = `${name.slice(0, 16)}…`;
  return `Could not process rule: Numerical result out of range (the name "${shown}" is ${bytes} bytes long; nft names hold at most ${MAX_NAME_BYTES})`;
}
