// The demo plays a mobile app against the Service API: it creates an instance, follows it through
// the instance's event stream, answers its dialogs, and places the call as an IVR would. It speaks
// only the public API, so it shows exactly what an app sees.
"use strict";

const SERVICE = "/genesys/1/service/";
const $ = (id) => document.getElementById(id);

let current = null; // the instance's id
let issued = {}; // the access number and code last handed out, for the IVR's match
let stream = null;

async function call(method, path, form) {
  const init = { method, headers: { Accept: "application/json" } };
  if (form) {
    init.body = new URLSearchParams(form);
  }
  const response = await fetch(SERVICE + path, init);
  const text = await response.text();
  let json = {};
  try {
    json = JSON.parse(text);
  } catch (e) {
    json = { text };
  }
  $("status").textContent = `${method} ${SERVICE}${path} → ${response.status}`;
  $("answer").textContent = JSON.stringify(json, null, 2);
  return { status: response.status, json };
}

function appData() {
  const form = {};
  for (const line of $("app-data").value.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) {
      form[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return form;
}

// An answer with _state describes the whole instance (what it lacks is gone); a dialog only adds.
function show(instance) {
  const whole = instance._state !== undefined;
  const fact = (id, value) => {
    if (value !== undefined || whole) {
      $(id).textContent = value === undefined ? "—" : value;
    }
  };
  fact("state", instance._state);
  fact("position", instance._position);
  fact("ewt", instance.ewt);
  fact("access-number", instance._access_number);
  fact("access-code", instance._access_code);
  fact("agent", instance._agent_id);
  if (instance._access_number) {
    issued = { number: instance._access_number, code: instance._access_code };
  }
  if (instance._access_number || whole) {
    $("place-call").disabled = !instance._access_number;
  }
  if (whole) {
    remember(instance._state);
    $("dialog").hidden = instance._state !== "WAITING_CONFIRM";
    if (instance._state === "WAITING_CONFIRM") {
      loadMenu();
    }
  }
}

function remember(state) {
  const history = $("history");
  if (history.lastElementChild && history.lastElementChild.dataset.state === state) {
    return; // a reconnected stream starts with the state it had already shown
  }
  const item = document.createElement("li");
  item.dataset.state = state;
  item.textContent = `${new Date().toLocaleTimeString()} ${state}`;
  history.append(item);
}

async function loadMenu() {
  const menu = await call("GET", `${current}/DisplayMenu`);
  if (menu.status === 200) {
    const group = (menu.json._content || [])[0] || {};
    $("dialog-text").textContent = `${menu.json._label}. ${group._group_name || ""}`;
  }
}

function follow(id) {
  if (stream) {
    stream.close();
  }
  stream = new EventSource(`${SERVICE}${encodeURIComponent(id)}/events`);
  stream.addEventListener("state", (event) => show(JSON.parse(event.data)));
  stream.addEventListener("push", (event) => {
    const push = JSON.parse(event.data);
    $("status").textContent = `push: ${push._action || event.data}`;
    refresh();
  });
}

async function refresh() {
  const read = await call("GET", encodeURIComponent(current));
  if (read.status === 200) {
    show(read.json);
  }
}

$("create").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = appData();
  if ($("phone").value.trim()) {
    form._phone_number = $("phone").value.trim();
  }
  const created = await call("POST", encodeURIComponent($("service").value.trim()), form);
  if (created.status !== 200) {
    return;
  }
  current = created.json._id;
  issued = {};
  $("history").replaceChildren();
  $("instance-id").textContent = current;
  $("instance").hidden = false;
  show(created.json);
  follow(current);
});

$("check").addEventListener("click", async () => {
  const position = await call("GET", `${current}/check-queue-position`);
  if (position.status === 200) {
    show(position.json);
  }
});

$("confirm").addEventListener("click", async () => {
  const confirmed = await call("POST", `${current}/confirm`, {});
  if (confirmed.status === 200) {
    $("dialog").hidden = true;
    show(confirmed.json);
  }
});

$("snooze").addEventListener("click", async () => {
  if ((await call("POST", `${current}/snooze`, {})).status === 200) {
    $("dialog").hidden = true;
  }
});

$("place-call").addEventListener("click", async () => {
  const form = { _access_number: issued.number, _return_user_data: "true" };
  if (issued.code) {
    form._access_code = issued.code;
  }
  if ($("phone").value.trim()) {
    form._phone_number = $("phone").value.trim();
  }
  const matched = await call("POST", "match-interaction", form);
  if (matched.status === 200 && matched.json._agent_id) {
    $("agent").textContent = matched.json._agent_id;
  }
});

$("cancel").addEventListener("click", () => call("DELETE", encodeURIComponent(current)));
