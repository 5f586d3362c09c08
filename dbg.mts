import { Api } from "grammy";
const api = new Api("123456789:TEST-token-for-the-fake-bot-api", { apiRoot: "http://127.0.0.1:1" });
const t = Date.now();
setInterval(() => console.log("tick", Date.now() - t), 5000).unref();
try { await api.getMe(); } catch (e) { console.log("threw", (e as Error).constructor.name, Date.now() - t, (e as Error).message); }
