// The desktop page: an agent's desktop in the browser. The server speaks the JMS desktop contract
// for the signed-in agent; the page only sends JSON to /api/desktop and listens to its event
// stream, so it never holds broker credentials and can only act as its own agent.
"use strict";

const API = "/api/desktop/";
const $ = (id) => document.getElementById(id);
const ENDING = new Set(["NO_ANSWER", "BUSY", "FAILED", "COMPLETED"]);

let token = null; // echoed on every change: a cross-site page cannot read it
let stream = null;
let call = null; // { serviceId, attempt } of the customer the agent is held for

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (token) {
    headers["X-CSRF-Token"] = token;
  }
  const response = await fetch(API + path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  $("status").textContent = response.ok ? "" : `${method} ${path}: ${json.detail || response.status}`;
  return { status: response.status, ok: response.ok, json };
}

function enter(signedIn) {
  token = signedIn.csrfToken;
  $("signed-agent").textContent = signedIn.agentId;
  $("sign-in").hidden = true;
  $("desk").hidden = false;
  if (stream) {
    stream.close();
  }
  stream = new EventSource(API + "events");
  stream.addEventListener("agent", (e) => showAgent(JSON.parse(e.data)));
  stream.addEventListener("AgentStateChanged", (e) => showAgent(JSON.parse(e.data)));
  stream.addEventListener("Reserved", (e) => reserved(JSON.parse(e.data)));
  stream.addEventListener("Offer", (e) => offered(JSON.parse(e.data)));
  stream.addEventListener("Revoked", (e) => revoked(JSON.parse(e.data)));
}

function showAgent(agent) {
  $("agent-state").textContent = agent.state;
  if (agent.queues) {
    $("agent-queues").textContent = agent.queues.join(", ") || "—";
  }
}

function note(type, text, className) {
  const item = document.createElement("li");
  item.dataset.type = type;
  if (className) {
    item.className = className;
  }
  item.textContent = `${new Date().toLocaleTimeString()} ${type}: ${text}`;
  $("messages").prepend(item);
}

function showCall(serviceId, status, customer, dial, data, attempt) {
  call = { serviceId, attempt };
  $("call").hidden = false;
  $("call-service").textContent = serviceId;
  $("call-status").textContent = status;
  $("call-customer").textContent = customer || "—";
  $("call-dial").textContent = dial || "—";
  $("call-data").textContent = JSON.stringify(data || {}, null, 2);
}

function reserved(message) {
  note("Reserved", `held for ${message.serviceId} until ${message.expiresAt}`);
  const customer = message.customer || {};
  showCall(message.serviceId, "Reserved", customer.phone, null, customer.data);
}

function offered(message) {
  note("Offer", `${message.direction} call for ${message.serviceId}`);
  const status = message.dial ? `Offer: dial ${message.dial}` : `Offer: ${message.direction}`;
  const phone = call && call.serviceId === message.serviceId ? $("call-customer").textContent : null;
  showCall(message.serviceId, status, phone, message.dial, message.data, message.attempt);
}

function revoked(message) {
  note("Revoked", `${message.serviceId}: ${message.reason}`, "revoked");
  if (call && call.serviceId === message.serviceId) {
    $("call-status").textContent = `Revoked: ${message.reason}`;
    call = null;
  }
}

function state(value) {
  return api("POST", "messages/AgentState", { state: value });
}

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await api("POST", "session", {
    agentId: $("agent-id").value.trim(),
    password: $("password").value,
  });
  $("password").value = "";
  if (answer.ok) {
    $("sign-in-error").textContent = "";
    enter(answer.json);
  } else {
    $("sign-in-error").textContent = answer.json.detail || "Sign-in refused";
  }
});

$("log-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const queues = $("queues").value.split(",").map((q) => q.trim()).filter((q) => q);
  api("POST", "messages/AgentLogin", { queues, extension: $("extension").value.trim() });
});

$("ready").addEventListener("click", () => state("READY"));
$("not-ready").addEventListener("click", () => state("NOT_READY"));
$("wrap-up").addEventListener("click", () => state("WRAP_UP"));
$("log-out").addEventListener("click", () => state("LOGOUT"));

$("sign-out").addEventListener("click", async () => {
  await api("DELETE", "session");
  token = null;
  if (stream) {
    stream.close();
  }
  $("desk").hidden = true;
  $("sign-in").hidden = false;
});

for (const button of document.querySelectorAll("[data-result]")) {
  button.addEventListener("click", async () => {
    if (!call) {
      return;
    }
    const result = button.dataset.result;
    const report = { serviceId: call.serviceId, result };
    if (call.attempt) {
      report.attempt = call.attempt;
    }
    const answer = await api("POST", "messages/CallResult", report);
    if (answer.ok) {
      note("CallResult", `${result} reported for ${call.serviceId}`);
      $("call-status").textContent = `Reported ${result}`;
      if (ENDING.has(result)) {
        call = null;
      }
    }
  });
}

(async () => {
  const session = await api("GET", "session");
  if (session.ok) {
    enter(session.json);
  } else {
    $("status").textContent = "";
  }
})();
