// The DOM helpers are the element's (one copy for the page and the element).
export { clear, el } from "./pkg/element/dom.js";
