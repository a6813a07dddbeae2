// <cler-verifier>: verifies a record and shows it the way a person reads it.
// Attributes, properties, events, parts and custom properties are described
// in the package README ("The element"). Importing this module registers
// the element once.
import { el } from "./dom.js";
import { browserLanguages, pickLanguage, translator } from "./i18n.js";
import { rendered } from "./batches.js";
import { announcement, renderFailure, renderReport } from "./report-view.js";
import { STYLE } from "./style.js";
import { verifyOffThread } from "./verifier.js";

/** Attributes that change what is verified (a change verifies again). */
const INPUTS = ["src", "record", "offline", "trusted-issuers", "expected-recipient", "now"];
/** Attributes that change only how the last report is shown. */
const LOOKS = ["lang", "layout"];

export class ClerVerifier extends HTMLElement {
  static observedAttributes = [...INPUTS, ...LOOKS];

  #report;
  #options = {};
  #shown;
  #status;
  #live;
  #runs = 0;
  #pending = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    this.#status = el("p", { class: "status" });
    this.#live = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this.#shown = el("div", { class: "shown" });
    root.append(...styled(root), this.#status, this.#shown, this.#live);
  }

  /** The last report (read-only); undefined before the first one. */
  get report() {
    return this.#report;
  }

  /** Extra options for verify() (`fetch`, `contexts`, `limits`, ...); attributes take precedence. */
  get options() {
    return this.#options;
  }

  set options(value) {
    this.#options = value && typeof value === "object" ? value : {};
    this.#schedule();
  }

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (INPUTS.includes(name)) this.#schedule();
    else this.#rerender();
  }

  /**
   * Verifies `input` (text, bytes, a Blob or an object) with the element's
   * options, shows the result and resolves to the report. Fires `verified`
   * or `error`; a newer call supersedes an older one still running.
   */
  async verify(input) {
    this.#runs += 1;
    const run = this.#runs;
    const t = this.#translator();
    this.setAttribute("aria-busy", "true");
    this.#status.replaceChildren(t("ui.checking"));
    try {
      const report = await verifyOffThread(input, this.#chosenOptions(run));
      if (run === this.#runs) await this.#show(report);
      return report;
    } catch (error) {
      const message = error?.message ?? String(error);
      if (run === this.#runs) this.#fail(message);
      throw error;
    }
  }

  /** Verifies again soon (once, however many attributes change together). */
  #schedule() {
    if (this.#pending || !this.isConnected) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#verifyAttributes().catch(() => {});
    });
  }

  async #verifyAttributes() {
    const record = this.getAttribute("record");
    const src = this.getAttribute("src");
    if (record !== null) return this.verify(record);
    if (src !== null) return this.verify(await this.#fetchSource(src));
    return undefined;
  }

  /** The bytes at `src`, fetched here (through `options.fetch` when given). */
  async #fetchSource(src) {
    const fetchFn = this.#options.fetch ?? globalThis.fetch;
    try {
      const response = await fetchFn.call(globalThis, new URL(src, document.baseURI).href);
      if (!response?.ok) throw new Error(`the record at ${src} could not be fetched (status ${response?.status})`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      this.#runs += 1;
      this.#fail(error?.message ?? String(error));
      throw error;
    }
  }

  #chosenOptions(run) {
    const chosen = { ...this.#options };
    const userProgress = chosen.onProgress;
    chosen.onProgress = (progress) => {
      if (run === this.#runs) this.#progress(progress);
      userProgress?.(progress);
    };
    if (this.hasAttribute("offline")) chosen.offline = true;
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    if (attribute("trusted-issuers")) chosen.trustedIssuers = attribute("trusted-issuers");
    if (attribute("expected-recipient")) chosen.expectedRecipient = attribute("expected-recipient");
    if (attribute("now")) chosen.now = attribute("now");
    return chosen;
  }

  #progress({ done, total }) {
    const t = this.#translator();
    const words = t("ui.progress", { done, total });
    this.#status.replaceChildren(el("progress", { max: total, value: done, "aria-label": words }), ` ${words}`);
  }

  /** Shows a report; announces it and fires `verified` once all of it is in place. */
  async #show(report) {
    this.#report = report;
    await rendered(this.#rerender());
    const t = this.#translator();
    this.#live.textContent = announcement(report, t);
    this.dispatchEvent(new CustomEvent("verified", { detail: report, bubbles: true, composed: true }));
  }

  #fail(message) {
    this.#report = undefined;
    this.removeAttribute("aria-busy");
    this.#status.replaceChildren();
    const t = this.#translator();
    this.#shown.replaceChildren(renderFailure(message, t));
    this.#live.textContent = `${t("ui.couldNotRun")} ${message}`;
    this.dispatchEvent(new CustomEvent("error", { detail: { message }, bubbles: true, composed: true }));
  }

  /** Shows the last report again, in the current language and layout; returns the view. */
  #rerender() {
    if (!this.#report) return undefined;
    const t = this.#translator();
    this.removeAttribute("aria-busy");
    this.#status.replaceChildren();
    this.#shown.setAttribute("lang", t.language);
    const view = renderReport(this.#report, t, { layout: this.getAttribute("layout") ?? "full" });
    this.#shown.replaceChildren(view);
    return view;
  }

  /** Words in the `lang` attribute's language, else the nearest `lang` around, else the browser's. */
  #translator() {
    const nearest = this.closest("[lang]")?.getAttribute("lang");
    return translator(pickLanguage([nearest, ...browserLanguages()].filter(Boolean)));
  }
}

/** One constructed style sheet shared by every element, made on first use. */
let sheet;

/**
 * Styles a shadow root: with a constructed style sheet where the browser
 * has them (a page's Content-Security-Policy `style-src` does not block
 * those), else with a <style> element, returned to be appended.
 */
function styled(root) {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
    return [];
  }
  return [el("style", { text: STYLE })];
}

if (!customElements.get("cler-verifier")) customElements.define("cler-verifier", ClerVerifier);
