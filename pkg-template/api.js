// The package's API over the generated bindings, shared by index.js
// (browsers and bundlers) and node.js. The module is started once, on first
// use or by an explicit init(); a failed start may be retried.
import startBindings, { verify as verifyBindings } from "./cler_verifier.js";

export function makeApi(defaultSource) {
  let ready;

  function init(source) {
    ready ??= startBindings({ module_or_path: source ?? defaultSource() }).then(
      () => undefined,
      (error) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  }

  async function verify(input, options) {
    await init();
    return verifyBindings(input, options);
  }

  return { init, verify };
}
