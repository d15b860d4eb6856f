/**
 * One reading of an inbound message, made once in `inspectInbound` and handed to each step (issue #26): the text with
 * numbers as typed (`digitsAsTyped`: "سبعة سبعة" read out is "77"), and the guards' reading of it and of the text as
 * written (`GuardReading`), each made on first use. A step asks for the form its rules read; none reads the text again.
 */
import { digitsAsTyped } from '../../masking';
import { GuardReading } from './clauses';

export class MessageReading {
  #typed: GuardReading | undefined;
  #written: GuardReading | undefined;

  constructor(readonly text: string) {}

  /** The text as written (the handle step reads it so). */
  get written(): GuardReading {
    return (this.#written ??= this.#typed?.source === this.text ? this.#typed : new GuardReading(this.text));
  }

  /** The text with numbers as typed (the scam rules and the hand-over read it so). */
  get typed(): GuardReading {
    if (!this.#typed) {
      const typed = digitsAsTyped(this.text);
      this.#typed = typed === this.text && this.#written ? this.#written : new GuardReading(typed);
    }
    return this.#typed;
  }
}
