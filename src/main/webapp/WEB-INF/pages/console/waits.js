// A queue's last hour of first dispatches as a small chart: each customer's EWT predicted when they
// were queued (orange, dashed) against the wait it was (blue), in seconds, on a scale that fits both.
"use strict";

function waitChart(samples) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 120 30");
  svg.setAttribute("class", "chart waits");
  svg.setAttribute("role", "img");
  const mean = (key) => samples.reduce((sum, s) => sum + s[key], 0) / (samples.length || 1);
  svg.setAttribute(
    "aria-label",
    samples.length
      ? `${samples.length} dispatches, EWT predicted ${mean("predictedSeconds").toFixed(0)} s` +
          ` against ${mean("actualSeconds").toFixed(0)} s waited, on average`
      : "no dispatch in the last hour"
  );
  const top = Math.max(1, ...samples.map((s) => Math.max(s.predictedSeconds, s.actualSeconds)));
  const start = Date.now() - 3600 * 1000;
  // each dispatch is a dot, joined to the next by a line, so that a single one shows too
  const draw = (key, className) => {
    const points = samples.map((s) => [
      Math.min(117, Math.max(3, ((Date.parse(s.at) - start) / (3600 * 1000)) * 120)),
      30 - (s[key] / top) * 26 - 2,
    ]);
    if (points.length > 1) {
      const polyline = document.createElementNS(ns, "polyline");
      polyline.setAttribute("class", className);
      polyline.setAttribute("points", points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
      svg.append(polyline);
    }
    points.forEach(([x, y]) => {
      const dot = document.createElementNS(ns, "circle");
      dot.setAttribute("class", className);
      dot.setAttribute("cx", x.toFixed(1));
      dot.setAttribute("cy", y.toFixed(1));
      dot.setAttribute("r", "1.6");
      svg.append(dot);
    });
  };
  draw("predictedSeconds", "predicted");
  draw("actualSeconds", "actual");
  const title = document.createElementNS(ns, "title");
  title.textContent = `${svg.getAttribute("aria-label")}; scale 0–${top} s`;
  svg.prepend(title);
  return svg;
}
