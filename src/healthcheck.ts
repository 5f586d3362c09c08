// Docker's HEALTHCHECK (Dockerfile). In webhook mode the bot serves GET /healthz, 200 while its database answers;
// in polling mode it opens no port, and a bot that cannot work ends its process (the container's restart policy
// takes over), so a running process is a healthy one.
if ((process.env.BOT_MODE ?? "polling").trim() !== "webhook") process.exit(0);
try {
  const res = await fetch(`http://127.0.0.1:${process.env.PORT || 8080}/healthz`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
