import { createServer, type Server } from "node:net";

export type Received = { from: string; to: string[]; data: string };
export type SmtpServer = { server: Server; port: number; received: Received[]; refusedMail: () => number; close: () => Promise<void> };

/**
 * A minimal SMTP server on a local port (RFC 5321's happy path, no TLS, no auth): enough for
 * nodemailer's real SMTP transport to deliver to it, so tests go through SMTP_URL itself.
 * `rejectRecipient` gets a permanent 550; the first `failFirst` messages get a passing 451 at
 * MAIL FROM (a server that fails, then recovers).
 */
export function startSmtpServer(options: { rejectRecipient?: string; failFirst?: number } = {}): Promise<SmtpServer> {
  const received: Received[] = [];
  let refused = 0;
  const server = createServer((socket) => {
    let current: Received = { from: "", to: [], data: "" };
    let inData = false;
    let buffer = "";
    socket.write("220 test ESMTP\r\n");
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 OK queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        let reply = "250 OK";
        if (command === "EHLO" || command === "HELO") reply = "250 test";
        else if (command === "MAIL") {
          if (refused < (options.failFirst ?? 0)) {
            refused++;
            reply = "451 Local error, try again later";
          } else current.from = line;
        } else if (command === "RCPT") {
          if (options.rejectRecipient && line.includes(options.rejectRecipient)) reply = `550 No such user <${options.rejectRecipient}>`;
          else current.to.push(line);
        } else if (command === "DATA") {
          inData = true;
          reply = "354 End data with <CR><LF>.<CR><LF>";
        } else if (command === "RSET") current = { from: "", to: [], data: "" };
        if (command === "QUIT") socket.end("221 Bye\r\n");
        else socket.write(`${reply}\r\n`);
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        received,
        refusedMail: () => refused,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
