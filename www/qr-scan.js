// QR codes: from the camera (live preview, a few frames a second) and from
// pictures. The decoder is its own wasm module (pkg/qr/), imported only when
// a scan starts, so a visitor who never scans never downloads it. The texts
// found go to verify() unchanged: the core says what they are.
import { say } from "./page-words.js";

/** Frames decoded per second while the camera is on. */
const FRAMES_PER_SECOND = 4;

/** The longest side, in pixels, of a camera frame or picture handed to the decoder. */
const MAX_SIDE = 1280;

let reader;
/** How many times the decoder module was started (a new instance after a trap). */
let starts = 0;

/** The decoder's `decodeQr(pixels, width, height)`, loaded on first use. */
function loadReader() {
  reader ??= import(`./pkg/qr/cler_verifier_qr.js?instance=${starts}`).then(async (module) => {
    await module.default();
    return module.decodeQr;
  });
  reader.catch(() => (reader = undefined));
  return reader;
}

/**
 * The texts in one picture's pixels. A picture that makes the decoder trap
 * gives no text, and the next call starts a fresh instance of the module,
 * since a trapped instance cannot be trusted with later pictures.
 */
async function decode(pixels, width, height) {
  const decodeQr = await loadReader();
  try {
    return decodeQr(pixels, width, height);
  } catch {
    reader = undefined;
    starts += 1;
    return [];
  }
}

/**
 * The texts of the QR codes in a picture (a File or Blob the browser can
 * show: PNG, JPEG, WebP, GIF, BMP); an empty list when there is none or
 * the picture cannot be read.
 */
export async function qrTextsIn(picture) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(picture);
  } catch {
    return [];
  }
  const pixels = pixelsOf(bitmap, bitmap.width, bitmap.height);
  bitmap.close();
  return decode(...pixels);
}

/** Whether a file is a picture that may hold a QR code (SVG is read as a badge only). */
export function isPicture(file) {
  return /^image\/(png|jpeg|webp|gif|bmp)$/.test(file.type) || /\.(png|jpe?g|webp|gif|bmp)$/i.test(file.name);
}

/**
 * Wires the "Scan QR code" button: `onText(text)` receives the first text
 * read from the camera. Returns nothing; the camera stops on success, on
 * cancel and when the page is hidden.
 */
export function startQrScanner({ onText }) {
  const parts = {
    scan: document.getElementById("scan"),
    cancel: document.getElementById("scan-cancel"),
    camera: document.getElementById("camera"),
    video: document.getElementById("camera-video"),
    message: document.getElementById("scan-message"),
  };
  let session;

  const stop = (key) => {
    session?.stop();
    session = undefined;
    parts.camera.hidden = true;
    parts.scan.disabled = false;
    if (key !== undefined) say(parts.message, key);
  };

  parts.scan.addEventListener("click", async () => {
    parts.scan.disabled = true;
    say(parts.message, "page.scan.starting");
    try {
      session = await scanCamera(parts.video, (text) => {
        stop("page.scan.read");
        onText(text);
      });
      parts.camera.hidden = false;
      say(parts.message, "page.scan.point");
      parts.cancel.focus();
    } catch (error) {
      stop(cameraProblem(error));
    }
  });
  parts.cancel.addEventListener("click", () => stop("page.scan.cancelled"));
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && session) stop("page.scan.hidden");
  });
}

/**
 * Opens the camera (the rear one when there is a choice) into `video` and
 * decodes frames until one holds a QR code; resolves to `{ stop }`.
 */
async function scanCamera(video, found) {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("no camera API");
  const [, stream] = await Promise.all([
    loadReader(),
    navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" } } }),
  ]);
  video.srcObject = stream;
  await video.play().catch(() => {});

  let busy = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (busy || video.readyState < video.HAVE_CURRENT_DATA || !video.videoWidth) return;
    busy = true;
    const [text] = await decode(...pixelsOf(video, video.videoWidth, video.videoHeight));
    busy = false;
    if (text !== undefined && !stopped) found(text);
  }, 1000 / FRAMES_PER_SECOND);

  const stop = () => {
    stopped = true;
    clearInterval(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  return { stop };
}

/** RGBA pixels of an image or video frame, scaled down to MAX_SIDE: [pixels, width, height]. */
function pixelsOf(source, width, height) {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const [w, h] = [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  context.drawImage(source, 0, 0, w, h);
  return [context.getImageData(0, 0, w, h).data, w, h];
}

/** The key of the plain words for why the camera could not start. */
function cameraProblem(error) {
  switch (error?.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "page.scan.notAllowed";
    case "NotFoundError":
    case "OverconstrainedError":
      return "page.scan.noCamera";
    case "NotReadableError":
    case "AbortError":
      return "page.scan.busy";
    default:
      return navigator.mediaDevices?.getUserMedia ? "page.scan.noReader" : "page.scan.noApi";
  }
}
