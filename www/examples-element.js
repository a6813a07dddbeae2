// The examples page, element cases: importing the element registers
// <cler-verifier>; the events case writes what its events carry.
import "./pkg/element/cler-verifier.js";

const verifiedOutput = document.querySelector('output[data-run="element-verified"]');
const errorOutput = document.querySelector('output[data-run="element-error"]');

document.getElementById("element-events").addEventListener("verified", (event) => {
  verifiedOutput.dataset.verdict = event.detail.verdict;
  verifiedOutput.className = event.detail.verdict;
  verifiedOutput.textContent = `verified event: ${event.detail.verdict}, ${event.detail.checks.length} checks`;
});

document.getElementById("element-missing").addEventListener("error", (event) => {
  errorOutput.dataset.verdict = "error";
  errorOutput.className = "failure";
  errorOutput.textContent = `error event: ${event.detail.message}`;
});
