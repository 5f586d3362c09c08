// The demo's chat page: one Telegram-like private chat per demo person, fed by the Bot API stand-in's event stream.

const $ = (id) => document.getElementById(id);
const chatEl = $("chat");
let state;
let current;
let commands = [];
const unread = new Map();
let typingTimer;

const COLORS = ["#e17076", "#7bc862", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb", "#faa774"];
const initials = (name) =>
  name
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0] ?? "")
    .join("")
    .toUpperCase();

async function api(path, options) {
  const res = await fetch(path, options);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

// Telegram's HTML: only these tags survive; anything else is shown as its text.
const KEPT = new Set([
  "B",
  "STRONG",
  "I",
  "EM",
  "U",
  "INS",
  "S",
  "STRIKE",
  "DEL",
  "CODE",
  "PRE",
  "BLOCKQUOTE",
]);
function sanitize(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return cleanChildren(doc.body);
}
function cleanChildren(node) {
  const out = document.createDocumentFragment();
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out.append(child.textContent);
    else if (child.nodeType === Node.ELEMENT_NODE) out.append(cleanElement(child));
  }
  return out;
}
function cleanElement(el) {
  const tag = el.tagName;
  let made;
  if (KEPT.has(tag)) made = document.createElement(tag.toLowerCase());
  else if (tag === "A") {
    made = document.createElement("a");
    const href = el.getAttribute("href") ?? "";
    if (/^(https?:|tg:|mailto:)/i.test(href)) {
      made.href = href;
      made.target = "_blank";
      made.rel = "noopener noreferrer";
    }
  } else if (tag === "TG-SPOILER" || (tag === "SPAN" && el.classList.contains("tg-spoiler"))) {
    made = document.createElement("span");
    made.className = "spoiler";
    made.title = "Bấm để xem";
    made.addEventListener("click", () => made.classList.add("shown"));
  } else return cleanChildren(el);
  made.append(cleanChildren(el));
  return made;
}

const timeOf = (seconds) =>
  new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: state.timezone }).format(
    new Date(seconds * 1000),
  );
const dayOf = (seconds) =>
  new Intl.DateTimeFormat("vi-VN", { day: "numeric", month: "long", timeZone: state.timezone }).format(
    new Date(seconds * 1000),
  );
const sizeOf = (bytes) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

function renderMessage(m) {
  const row = document.createElement("div");
  row.className = `row ${m.from}`;
  row.dataset.messageId = m.messageId;
  row.dataset.date = m.date;
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (m.photo) {
    const img = document.createElement("img");
    img.className = "photo";
    img.src = `/demo/files/${m.photo.fileId}`;
    img.alt = "Ảnh";
    // A picture arriving at the bottom keeps the chat scrolled to the end once it has its height.
    img.addEventListener("load", () => {
      if (chatEl.scrollHeight - chatEl.scrollTop - chatEl.clientHeight < img.height + 80)
        chatEl.scrollTop = chatEl.scrollHeight;
    });
    bubble.append(img);
  }
  if (m.document) {
    const a = document.createElement("a");
    a.className = "document";
    a.href = `/demo/files/${m.document.fileId}`;
    a.download = m.document.name;
    a.innerHTML =
      '<span class="file-icon">⬇</span><span><div class="file-name"></div><div class="file-size"></div></span>';
    a.querySelector(".file-name").textContent = m.document.name;
    a.querySelector(".file-size").textContent = sizeOf(m.document.size);
    bubble.append(a);
  }
  if (m.html) {
    const text = document.createElement("span");
    text.className = "text";
    text.append(sanitize(m.html));
    bubble.append(text);
  }
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = `${m.edited ? "đã sửa " : ""}${timeOf(m.date)}${m.from === "user" ? " ✓✓" : ""}`;
  bubble.append(meta);
  row.append(bubble);
  const rows = m.replyMarkup?.inline_keyboard;
  if (Array.isArray(rows) && rows.length > 0) {
    const kb = document.createElement("div");
    kb.className = "inline-keyboard";
    for (const buttons of rows) {
      const line = document.createElement("div");
      line.className = "kb-row";
      for (const b of buttons) {
        let el;
        if (b.url) {
          el = document.createElement("a");
          el.href = b.url;
          el.target = "_blank";
          el.rel = "noopener noreferrer";
        } else {
          el = document.createElement("button");
          el.type = "button";
          if (b.callback_data !== undefined) {
            el.dataset.callback = b.callback_data;
            el.addEventListener("click", () => press(m.messageId, b.callback_data, el));
          }
        }
        el.textContent = b.text;
        line.append(el);
      }
      kb.append(line);
    }
    row.append(kb);
  }
  return row;
}

function dayMarker(seconds) {
  const el = document.createElement("div");
  el.className = "day";
  el.textContent = dayOf(seconds);
  return el;
}

function upsert(m) {
  const old = chatEl.querySelector(`.row[data-message-id="${m.messageId}"]`);
  const fresh = renderMessage(m);
  if (old) old.replaceWith(fresh);
  else {
    chatEl.querySelector(".empty")?.remove();
    const rows = chatEl.querySelectorAll(".row");
    const last = rows[rows.length - 1];
    if (!last || dayOf(Number(last.dataset.date)) !== dayOf(m.date)) chatEl.append(dayMarker(m.date));
    chatEl.append(fresh);
    chatEl.scrollTop = chatEl.scrollHeight;
  }
  // A reply keyboard stays under the input until a later message replaces or removes it, as in Telegram.
  if (m.from === "bot" && (m.replyMarkup?.keyboard || m.replyMarkup?.remove_keyboard))
    lastReplyMarkup = m.replyMarkup;
  renderReplyKeyboard();
}

let lastReplyMarkup;
function renderReplyKeyboard() {
  const box = $("reply-keyboard");
  box.replaceChildren();
  const rows = lastReplyMarkup?.keyboard;
  box.hidden = !Array.isArray(rows);
  if (!Array.isArray(rows)) return;
  for (const buttons of rows) {
    const line = document.createElement("div");
    line.className = "kb-row";
    for (const b of buttons) {
      const el = document.createElement("button");
      const text = typeof b === "string" ? b : b.text;
      el.textContent = text;
      el.addEventListener("click", () => {
        if (lastReplyMarkup?.one_time_keyboard) lastReplyMarkup = undefined;
        void sendText(text);
      });
      line.append(el);
    }
    box.append(line);
  }
}

function renderEmpty() {
  const box = document.createElement("div");
  box.className = "empty";
  box.innerHTML =
    "<div><b>Thi đua – Khen thưởng</b></div><div>Bot hỗ trợ nộp sáng kiến, đề cử và xét duyệt thi đua – khen thưởng.</div>";
  const start = document.createElement("button");
  start.textContent = "BẮT ĐẦU";
  start.className = "soft-button";
  start.id = "start-button";
  start.addEventListener("click", () => void sendText("/start"));
  box.append(start);
  chatEl.append(box);
}

async function openChat(id) {
  current = state.people.find((p) => p.id === id) ?? state.people[0];
  chatEl.dataset.chat = "";
  history.replaceState(null, "", `#${current.id}`);
  unread.delete(current.id);
  renderPeople();
  const data = await api(`/demo/chats/${current.id}/history`);
  chatEl.replaceChildren();
  lastReplyMarkup = undefined;
  if (data.messages.length === 0) renderEmpty();
  for (const m of data.messages) upsert(m);
  commands = data.commands;
  renderCommands();
  chatEl.scrollTop = chatEl.scrollHeight;
  chatEl.dataset.chat = current.id;
  $("input").focus();
}

function renderPeople() {
  const nav = $("people");
  nav.replaceChildren();
  state.people.forEach((p, n) => {
    const b = document.createElement("button");
    b.className = `person${p.id === current?.id ? " active" : ""}`;
    b.dataset.person = p.id;
    b.dataset.role = p.role;
    b.innerHTML =
      '<span class="avatar"></span><span class="who"><span class="pname"></span><span class="role"></span></span>';
    b.querySelector(".avatar").textContent = initials(p.name);
    b.querySelector(".avatar").style.background = COLORS[n % COLORS.length];
    b.querySelector(".pname").textContent = p.name;
    b.querySelector(".role").textContent = p.roleLabel;
    const count = unread.get(p.id);
    if (count) {
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = count;
      b.append(badge);
    }
    b.addEventListener("click", () => void openChat(p.id));
    nav.append(b);
    if (p.id === current?.id) b.scrollIntoView({ inline: "nearest", block: "nearest" });
  });
}

function renderCommands() {
  $("menu-button").hidden = commands.length === 0;
  const list = $("command-list");
  list.replaceChildren();
  for (const c of commands) {
    const li = document.createElement("li");
    li.innerHTML = '<span class="cmd"></span><span class="desc"></span>';
    li.querySelector(".cmd").textContent = `/${c.command}`;
    li.querySelector(".desc").textContent = c.description;
    li.dataset.command = c.command;
    li.addEventListener("click", () => {
      $("menu-sheet").hidden = true;
      void sendText(`/${c.command}`);
    });
    list.append(li);
  }
}

async function sendText(text) {
  if (!text.trim()) return;
  const m = await api(`/demo/chats/${current.id}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  upsert(m);
}

async function press(messageId, data, el) {
  el.disabled = true;
  setTimeout(() => {
    el.disabled = false;
  }, 800);
  await api(`/demo/chats/${current.id}/presses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messageId, data }),
  });
}

async function sendFile(file) {
  const m = await api(`/demo/chats/${current.id}/files?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "content-type": file.type || "application/octet-stream" },
    body: file,
  });
  upsert(m);
}

function toast(text, alert) {
  const el = $("toast");
  el.textContent = text;
  el.className = `toast${alert ? " alert" : ""}`;
  el.hidden = false;
  clearTimeout(el.timer);
  el.timer = setTimeout(
    () => {
      el.hidden = true;
    },
    alert ? 4000 : 2200,
  );
}

function onEvent(event) {
  if (event.type === "commands") {
    if (current)
      void api(`/demo/chats/${current.id}/history`).then((d) => {
        commands = d.commands;
        renderCommands();
      });
    return;
  }
  if (event.chatId !== current?.id) {
    if (event.type === "message" && event.message.from === "bot" && !event.message.edited) {
      unread.set(event.chatId, (unread.get(event.chatId) ?? 0) + 1);
      renderPeople();
    }
    return;
  }
  if (event.type === "message") upsert(event.message);
  else if (event.type === "delete")
    chatEl.querySelector(`.row[data-message-id="${event.messageId}"]`)?.remove();
  else if (event.type === "toast") toast(event.text, event.alert);
  else if (event.type === "typing") {
    const status = $("bot-status");
    status.textContent = "đang soạn tin…";
    status.classList.add("typing");
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      status.textContent = "bot";
      status.classList.remove("typing");
    }, 2000);
  }
}

function localInputValue(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: state.timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function runClock(value) {
  $("clock-result").textContent = "Đang chạy…";
  const r = await api("/demo/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ at: value }),
  });
  $("clock-result").textContent = r.done;
}

function setUpClock() {
  $("clock-at").value = localInputValue(new Date().toISOString());
  const box = $("milestones");
  for (const m of state.milestones) {
    const b = document.createElement("button");
    b.className = "soft-button";
    const value = localInputValue(m.at);
    b.textContent = `${m.label} — ${value.slice(8, 10)}/${value.slice(5, 7)} ${value.slice(11)}`;
    b.addEventListener("click", () => {
      $("clock-at").value = value;
      void runClock(value);
    });
    box.append(b);
  }
  $("clock-run").addEventListener("click", () => void runClock($("clock-at").value));
  $("clock-button").addEventListener("click", () => {
    $("clock-sheet").hidden = !$("clock-sheet").hidden;
  });
}

async function main() {
  state = await api("/demo/state");
  $("bot-name").textContent = state.bot.name;
  document.title = `${state.bot.name} · bản chạy thử`;
  setUpClock();
  const input = $("input");
  const submit = () => {
    const text = input.value;
    input.value = "";
    input.style.height = "";
    void sendText(text);
  };
  $("send-button").addEventListener("click", submit);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener("input", () => {
    input.style.height = "";
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  });
  $("file-input").addEventListener("change", (e) => {
    const file = e.target.files[0];
    e.target.value = "";
    if (file) void sendFile(file);
  });
  $("menu-button").addEventListener("click", () => {
    $("menu-sheet").hidden = !$("menu-sheet").hidden;
  });
  chatEl.addEventListener("click", () => {
    $("menu-sheet").hidden = true;
    $("clock-sheet").hidden = true;
  });
  const events = new EventSource("/demo/events");
  events.onmessage = (e) => onEvent(JSON.parse(e.data));
  const fromHash = Number(location.hash.slice(1));
  await openChat(state.people.some((p) => p.id === fromHash) ? fromHash : state.people[0].id);
  document.body.dataset.ready = "true";
}

void main();
