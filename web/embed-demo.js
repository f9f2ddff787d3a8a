// The host page's side of the iframe embed, as the Embed panel's snippet has it: size the
// frame to the height the calculator posts, and ignore every other message. The origin is
// compared with ===, and the source must be that frame's own window.
const frame = document.getElementById("customer-value-calculator");
const origin = new URL(frame.src, location.href).origin;
addEventListener("message", (event) => {
  if (event.origin !== origin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.type !== "customer-value:height" || typeof data.height !== "number" || !(data.height > 0)) return;
  frame.style.height = Math.min(Math.ceil(data.height), 20000) + "px";
});
