import type { Atom } from './ast.js';
import { isToken, isWord } from './source.js';

/** A read position in a rule's atoms. */
export class Cursor {
  index = 0;
  constructor(readonly atoms: readonly Atom[]) {}

  done(): boolean {
    return this.index >= this.atoms.length;
  }
  peek(offset = 0): Atom | undefined {
    return this.atoms[this.index + offset];
  }
  /** The image of a word at `offset`, or undefined when it is not a word. */
  word(offset = 0): string | undefined {
    const atom = this.peek(offset);
    return isWord(atom) ? atom.image : undefined;
  }
  isType(typeName: string, offset = 0): boolean {
    return isToken(this.peek(offset), typeName);
  }
  next(): Atom {
    const atom = this.atoms[this.index];
    if (atom === undefined) throw new RangeError('cursor past the end');
    this.index++;
    return atom;
  }
  /** Consumes the word when it is one of `images`. */
  accept(...images: string[]): string | undefined {
    const w = this.word();
    if (w !== undefined && images.includes(w)) {
      this.index++;
      return w;
    }
    return undefined;
  }
  last(): Atom {
    return this.atoms[this.index - 1]!;
  }
}
