// Configured services: listed from the admin API, and created or edited through PUT
// /admin/services/{name} as JSON, which no page of another site can send. Uses the helpers of
// console.js; read when the page opens and after each save, not on every beat.
"use strict";

async function showServices() {
  const services = await read("/admin/services");
  $("services").tBodies[0].replaceChildren(
    ...services.map((s) => {
      const row = document.createElement("tr");
      row.dataset.service = s.name;
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = s.name;
      row.append(th);
      cell(row, s.flow, "flow");
      cell(row, Object.entries(s.options).map(([k, v]) => `${k}=${v}`).join(", "), "options");
      cell(row, s.warnings.map((w) => `${w.name}: ${w.reason}`).join("; "), "warnings");
      cell(
        row,
        actionButton("edit", "Edit", `Edit service ${s.name}`, () => {
          $("service-name").value = s.name;
          $("service-flow").value = s.flow;
          $("service-options").value = JSON.stringify(s.options, null, 2);
          $("service-name").focus();
        })
      );
      return row;
    })
  );
}

$("service-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("service-name").value.trim();
  let options;
  try {
    options = JSON.parse($("service-options").value.trim() || "{}");
  } catch (e) {
    $("status").textContent = `Service ${name} not saved: the options are not JSON (${e.message})`;
    return;
  }
  const response = await fetch(at(`/admin/services/${encodeURIComponent(name)}`), {
    method: "PUT",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ flow: $("service-flow").value, options }),
  });
  const answer = await response.json().catch(() => ({}));
  const problems = (answer.invalid_params || [])
    .map((p) => `${p.name}: ${p.reason}`)
    .join("; ");
  $("status").textContent = response.ok
    ? `Service ${name} saved`
    : `Service ${name} refused: ${problems || answer.detail || response.status}`;
  await showServices();
});
showServices().catch((e) => ($("status").textContent = `Services: ${e.message}`));
