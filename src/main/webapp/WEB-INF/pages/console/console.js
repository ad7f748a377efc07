// The console reads the admin API and its own /admin/console stream: each snapshot on the stream
// (every two seconds) carries the pools' last hour and is the beat on which the other panels
// refresh. The browser sends the administrator's credentials; changes go through the admin API
// as JSON, which no page of another site can send.
"use strict";

const $ = (id) => document.getElementById(id);
// The origin, never the page's address: a page opened as https://user:password@host/ has its
// credentials in its address, and a request built from it is refused.
const at = (path) => location.origin + path;

async function read(path) {
  const response = await fetch(at(path), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

function cell(row, text, className) {
  const td = document.createElement("td");
  if (className) {
    td.className = className;
  }
  if (text instanceof Node) {
    td.append(text);
  } else {
    td.textContent = text === undefined || text === null ? "—" : String(text);
  }
  row.append(td);
  return td;
}

function bar(ratio, label) {
  const outer = document.createElement("div");
  outer.className = "bar";
  outer.setAttribute("role", "img");
  outer.setAttribute("aria-label", label);
  const inner = document.createElement("div");
  inner.style.width = `${Math.round(Math.min(1, ratio) * 100)}%`;
  inner.className = ratio >= 1 ? "full" : ratio >= 0.8 ? "high" : "";
  const text = document.createElement("span");
  text.textContent = label;
  outer.append(inner, text);
  return outer;
}

// The last hour's utilisation as a small line chart: x is time, y is 0–100 %.
function chart(samples) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 120 30");
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  const last = samples.length ? samples[samples.length - 1].utilisation : 0;
  svg.setAttribute("aria-label", `${samples.length} samples, last ${Math.round(last * 100)} %`);
  if (samples.length) {
    const start = Date.now() - 3600 * 1000;
    const points = samples.map((s) => {
      const x = Math.max(0, ((Date.parse(s.at) - start) / (3600 * 1000)) * 120);
      return `${x.toFixed(1)},${(30 - s.utilisation * 28 - 1).toFixed(1)}`;
    });
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.length === 1 ? `${points[0]} 120,${points[0].split(",")[1]}` : points.join(" "));
    svg.append(line);
  }
  return svg;
}

async function showPools(snapshot) {
  const live = new Map((await read("/admin/pools")).map((p) => [p.name, p.utilisation]));
  const body = $("pools").tBodies[0];
  const rows = snapshot.pools.map((pool) => {
    const row = document.createElement("tr");
    row.dataset.pool = pool.name;
    const now = live.get(pool.name) || { liveBookings: 0, numbers: 0, ratio: 0 };
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = pool.name;
    row.append(th);
    cell(row, pool.allocation);
    cell(row, bar(now.ratio, `${now.liveBookings} / ${now.numbers}`), "live");
    cell(row, chart(pool.samples));
    cell(row, pool.bookingsPerHour.toFixed(1), "rate");
    cell(row, pool.meanHoldSeconds.toFixed(1));
    cell(row, pool.erlangs.toFixed(3));
    cell(row, pool.numbersNeeded.onePercent, "needed-1");
    cell(row, pool.numbersNeeded.oneTenthPercent, "needed-01");
    const has = cell(row, now.numbers, "has");
    if (pool.numbersNeeded.oneTenthPercent > now.numbers) {
      has.classList.add("short");
      has.textContent = `${now.numbers} (too few)`;
    }
    cell(row, actionButton("edit", "Edit", `Edit pool ${pool.name}`, () => editPool(pool.name)));
    return row;
  });
  body.replaceChildren(...rows);
}

async function showQueues() {
  const names = (await read("/admin/queues")).map((q) => q.name);
  const queues = await Promise.all(names.map((n) => read(`/admin/queues/${encodeURIComponent(n)}`)));
  const waits = await Promise.all(
    names.map((n) => read(`/admin/queues/${encodeURIComponent(n)}/waits`))
  );
  $("queues").tBodies[0].replaceChildren(
    ...queues.map((q, index) => {
      const row = document.createElement("tr");
      row.dataset.queue = q.name;
      cell(row, q.name);
      cell(row, q.waiting);
      cell(row, q.reserved);
      cell(row, q.engaged);
      cell(row, `${q.agents.loggedIn} / ${q.agents.ready}`);
      cell(row, q.waits.samples ? q.waits.meanPredictedSeconds.toFixed(1) : null);
      cell(row, q.waits.samples ? q.waits.meanActualSeconds.toFixed(1) : null);
      cell(row, waitChart(waits[index].samples), "waits");
      return row;
    })
  );
}

async function showAgents() {
  const agents = await read("/admin/agents");
  $("agents").tBodies[0].replaceChildren(
    ...agents.map((a) => {
      const row = document.createElement("tr");
      row.dataset.agent = a.agentId;
      cell(row, a.agentId);
      cell(row, a.state, "state");
      cell(row, new Date(a.stateSince).toLocaleTimeString());
      cell(row, (a.queues || []).join(", "));
      return row;
    })
  );
}

// Writes go through the admin API as JSON: a page of another site cannot send that without the
// browser asking the server first, so it cannot act with the administrator's credentials.
async function send(method, path) {
  const response = await fetch(
    at(path),
    method === "DELETE"
      ? { method, headers: { Accept: "application/json" } }
      : {
          method,
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: "{}",
        }
  );
  const answer = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, answer };
}

async function showDeliveries() {
  const { deliveries } = await read("/admin/console/deliveries");
  $("deliveries").tBodies[0].replaceChildren(
    ...deliveries.map((d) => {
      const row = document.createElement("tr");
      row.dataset.service = d.serviceId || "";
      row.dataset.event = d.eventId;
      cell(row, new Date(d.at).toLocaleTimeString());
      cell(row, d.serviceId, "service");
      cell(row, d.type);
      cell(row, d.subscriberId);
      cell(row, d.attempts);
      cell(row, d.reason, "reason");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary retry";
      button.textContent = "Retry";
      button.disabled = !d.retryable;
      button.setAttribute("aria-label", `Retry the push to ${d.serviceId || d.subscriptionId}`);
      button.addEventListener("click", async () => {
        button.disabled = true;
        const path = `/admin/console/deliveries/${encodeURIComponent(d.eventId)}/${encodeURIComponent(d.subscriptionId)}/retry`;
        const { ok, status, answer } = await send("POST", path);
        $("status").textContent = ok
          ? `Push to ${d.serviceId} sent again`
          : `Push to ${d.serviceId} not sent again: ${answer.detail || status}`;
      });
      cell(row, button);
      return row;
    })
  );
}

async function showHealth() {
  const response = await fetch(at("/health/ready"), { headers: { Accept: "application/json" } });
  const health = await response.json();
  $("health").textContent = health.status;
  $("health-checks").textContent = (health.checks || [])
    .map((c) => `${c.name} ${c.status}`)
    .join(" · ");
}

// The broker as the readiness check sees it and the outbox backlog, from the snapshot itself.
function showMessaging(messaging) {
  if (!messaging) {
    return;
  }
  $("broker").textContent = messaging.broker;
  $("outbox").textContent =
    messaging.outboxBacklog < 0
      ? "backlog unknown (database unreachable)"
      : messaging.outboxBacklog === 0
        ? "0 waiting"
        : `${messaging.outboxBacklog} waiting, oldest ${messaging.oldestAgeSeconds ?? "?"} s`;
  $("broker-error").textContent = [messaging.error, messaging.relayError && `relay: ${messaging.relayError}`]
    .filter((e) => e)
    .join(" · ");
}

async function beat(snapshot) {
  try {
    showMessaging(snapshot.messaging);
    await Promise.all([showPools(snapshot), showQueues(), showAgents(), showHealth(), showDeliveries()]);
    $("beat").textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    $("beat").textContent = `update failed: ${e.message}`;
  }
}

const stream = new EventSource(at("/admin/console/events"));
stream.addEventListener("snapshot", (e) => beat(JSON.parse(e.data)));
stream.onerror = () => ($("beat").textContent = "reconnecting…");

// A pool opened for editing: what the form does not show (its location) is kept by its save, which
// replaces the whole pool.
let edited = null;

async function editPool(name) {
  const pool = await read(`/admin/pools/${encodeURIComponent(name)}`);
  edited = pool;
  $("pool-name").value = pool.name;
  $("pool-allocation").value = pool.allocation;
  $("pool-choice").value = pool.choice;
  $("pool-timeout").value = pool.bookingTimeoutSeconds;
  $("pool-numbers").value = pool.numbers.join("\n");
  $("pool-name").focus();
}

$("pool-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("pool-name").value.trim();
  const pool = {
    allocation: $("pool-allocation").value,
    choice: $("pool-choice").value,
    bookingTimeoutSeconds: Number($("pool-timeout").value),
    numbers: $("pool-numbers").value.split("\n").map((n) => n.trim()).filter((n) => n),
  };
  if (edited && edited.name === name && edited.location) {
    pool.location = edited.location;
  }
  const response = await fetch(at(`/admin/pools/${encodeURIComponent(name)}`), {
    method: "PUT",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(pool),
  });
  const answer = await response.json();
  $("status").textContent = response.ok
    ? `Pool ${name} saved`
    : `Pool ${name} refused: ${answer.detail || response.status}`;
});
