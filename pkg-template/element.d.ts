/**
 * The `<cler-verifier>` element: verifies a record and shows the verdict, the
 * checks and what the record says. Importing the module registers the tag.
 *
 * ```html
 * <script type="module">import "cler-verifier/element";</script>
 * <cler-verifier src="/records/alex.json" trusted-issuers='["did:web:registrar.example.edu"]'></cler-verifier>
 * ```
 *
 * Attributes (each optional; a change verifies again):
 * - `src`: URL of a record to fetch and verify.
 * - `record`: the record itself, as JSON or compact JWT text.
 * - `offline`: boolean; when present nothing is fetched.
 * - `trusted-issuers`: JSON text of a {@link TrustedIssuers} list.
 * - `expected-recipient`: the holder you expect (email, URL, DID...).
 * - `lang`: `en`, `es` or `fr`; default: the nearest `lang` attribute, then the browser's language.
 * - `layout`: `full` (default) or `compact`.
 * - `now`: ISO 8601 date-time to check dates against (tests and audits).
 *
 * CSS custom properties: `--cler-font`, `--cler-accent`, `--cler-pass`,
 * `--cler-fail`, `--cler-unknown`, `--cler-radius`, `--cler-background`.
 * Parts for `::part()`: `verdict`, `headline`, `checks`, `check`, `record`.
 */
import type { Input, Report, TrustedIssuers, VerifyOptions } from "./index.js";

/** The `detail` of the `error` event. */
export interface CleVerifierErrorDetail {
  /** Why the record could not be verified at all (a failed fetch of `src`, misuse). */
  message: string;
}

/** Fired, bubbling and composed, each time a verification finishes; `detail` is the report. */
export type CleVerifierVerifiedEvent = CustomEvent<Report>;

/** Fired, bubbling and composed, when a verification could not run at all. */
export type CleVerifierErrorEvent = CustomEvent<CleVerifierErrorDetail>;

/** The element's events, for `addEventListener`. */
export interface CleVerifierElementEventMap extends Omit<HTMLElementEventMap, "error"> {
  /** A verification finished; `event.detail` is its report (any verdict). */
  verified: CleVerifierVerifiedEvent;
  /** A verification could not run; `event.detail.message` says why. */
  error: CleVerifierErrorEvent;
}

/** The class behind `<cler-verifier>`. */
export class CleVerifierElement extends HTMLElement {
  /** The report of the last verification, or `null` before the first one finishes. */
  readonly report: Report | null;
  /**
   * Options used for every verification of this element, merged with those
   * its attributes give (an attribute wins over the same key here).
   */
  options: VerifyOptions;
  /**
   * Verifies `input` (anything `verify` takes) with this element's options,
   * shows the result, fires `verified` and resolves to the report.
   */
  verify(input: Input): Promise<Report>;

  /** Listens to `verified`, `error` or any other event of an element. */
  addEventListener<K extends keyof CleVerifierElementEventMap>(
    type: K,
    listener: (this: CleVerifierElement, event: CleVerifierElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  /** Listens to any event by name. */
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  /** Stops listening to `verified`, `error` or any other event of an element. */
  removeEventListener<K extends keyof CleVerifierElementEventMap>(
    type: K,
    listener: (this: CleVerifierElement, event: CleVerifierElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  /** Stops listening to any event by name. */
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    /** The record verifier element. */
    "cler-verifier": CleVerifierElement;
  }
}
