// Service instances: searched for by id or phone number (or the live ones), cancelled whoever
// created them, and one at a time opened on the states it went through, from the admin API. Uses
// the helpers of console.js.
"use strict";

const when = (at) => new Date(at).toLocaleString();

function actionButton(className, text, label, onClick) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `secondary ${className}`;
  button.textContent = text;
  button.setAttribute("aria-label", label);
  button.addEventListener("click", () => onClick(button));
  return button;
}

// Instances are read when searched for (and after a cancel), not on every beat: listing the live
// ones reads the whole table.
async function showInstances() {
  const query = $("instance-query").value.trim();
  const { instances } = await read(`/admin/console/instances?q=${encodeURIComponent(query)}`);
  $("instances").tBodies[0].replaceChildren(
    ...instances.map((i) => {
      const row = document.createElement("tr");
      row.dataset.instance = i.id;
      cell(row, i.id);
      cell(row, i.service);
      cell(row, i.state, "state");
      cell(row, i.phoneNumber);
      cell(row, when(i.createdAt));
      cell(row, when(i.changedAt));
      const actions = cell(
        row,
        actionButton("history", "History", `History of instance ${i.id}`, () =>
          showHistory(i.id).catch((e) => ($("status").textContent = `History: ${e.message}`))
        ),
        "actions"
      );
      if (i.live) {
        actions.append(
          actionButton("cancel", "Cancel", `Cancel instance ${i.id}`, async (button) => {
            button.disabled = true;
            const { ok, status, answer } = await send(
              "DELETE",
              `/admin/console/instances/${encodeURIComponent(i.id)}`
            );
            $("status").textContent = ok
              ? `Instance ${i.id} ${answer._state}`
              : `Instance ${i.id} not cancelled: ${answer.detail || status}`;
            await showInstances();
            if ($("history").dataset.instance === i.id) {
              await showHistory(i.id);
            }
          })
        );
      }
      return row;
    })
  );
  $("instances").dataset.query = query;
}

// The states one instance went through, first to last, with how long it stayed in each.
async function showHistory(id) {
  const { history } = await read(`/admin/console/instances/${encodeURIComponent(id)}/history`);
  const items = history.map((entered, index) => {
    const item = document.createElement("li");
    item.dataset.state = entered.state;
    const next = history[index + 1];
    const stayed = next ? ` for ${((Date.parse(next.at) - Date.parse(entered.at)) / 1000).toFixed(1)} s` : "";
    item.textContent = `${entered.state} at ${when(entered.at)}${stayed}`;
    return item;
  });
  $("history-title").textContent = `History of ${id}`;
  $("history-list").replaceChildren(...items);
  $("history-empty").hidden = history.length > 0;
  $("history").dataset.instance = id;
  $("history").hidden = false;
}

$("instance-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    await showInstances();
  } catch (e) {
    $("status").textContent = `Search failed: ${e.message}`;
  }
});
showInstances().catch((e) => ($("status").textContent = `Instances: ${e.message}`));
