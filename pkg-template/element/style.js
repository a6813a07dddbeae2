// The element's own styles, inside its shadow root. Pages restyle it through
// the custom properties below and ::part(verdict | headline | checks |
// check | record). Every state has words and a symbol, never colour alone.
export const STYLE = `
:host {
  display: block;
  font-family: var(--cler-font, system-ui, sans-serif);
  background: var(--cler-background, transparent);
  color: inherit;
  line-height: 1.45;
}
:host([hidden]) { display: none; }
.banner, .failure {
  border: 2px solid var(--cler-unknown, #8a6d00);
  border-left-width: 0.5rem;
  border-radius: var(--cler-radius, 0.5rem);
  padding: 0.5rem 0.9rem;
  margin: 0 0 0.75rem;
}
.banner.verified { border-color: var(--cler-pass, #1a7f37); }
.banner.invalid, .failure { border-color: var(--cler-fail, #c62828); }
.verdict { font-size: 1.25em; font-weight: 700; margin: 0; }
.headline { margin: 0.25rem 0 0; }
.caution { font-weight: 600; }
.record {
  border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
  border-radius: var(--cler-radius, 0.5rem);
  padding: 0.75rem 1rem;
  margin: 0.75rem 0;
}
.record-name { margin: 0 0 0.25rem; color: var(--cler-accent, inherit); }
.record-image { max-width: 8rem; max-height: 8rem; float: inline-end; margin: 0 0 0.5rem 0.75rem; }
.note { font-size: 0.9em; opacity: 0.8; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0.5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.checks { list-style: none; padding: 0; margin: 0.25rem 0; }
.check { padding: 0.2rem 0; border-bottom: 1px solid color-mix(in srgb, currentColor 12%, transparent); overflow-wrap: anywhere; }
.check .outcome { font-weight: 700; }
.check.pass .outcome { color: var(--cler-pass, #1a7f37); }
.check.fail .outcome { color: var(--cler-fail, #c62828); }
.check.unknown .outcome, .check.warn .outcome { color: var(--cler-unknown, #8a6d00); }
.entries { padding-inline-start: 1.25rem; }
.entry { margin: 0.5rem 0; }
.child-title { margin: 0; font-weight: 600; }
.badge { border: 1px solid currentColor; border-radius: var(--cler-radius, 0.5rem); padding: 0 0.4rem; margin-inline-end: 0.25rem; font-size: 0.9em; }
.child.verified .badge { color: var(--cler-pass, #1a7f37); }
.child.invalid .badge { color: var(--cler-fail, #c62828); }
.child.incomplete .badge { color: var(--cler-unknown, #8a6d00); }
.lookups .url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
button, summary { font: inherit; cursor: pointer; }
button {
  border: 1px solid var(--cler-accent, currentColor);
  border-radius: var(--cler-radius, 0.5rem);
  background: transparent;
  color: inherit;
  padding: 0.25rem 0.75rem;
}
:focus-visible { outline: 3px solid var(--cler-accent, #1f5fbf); outline-offset: 2px; }
.status progress { vertical-align: middle; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (forced-colors: active) {
  .banner, .failure, .record { border-color: CanvasText; }
}
`;
