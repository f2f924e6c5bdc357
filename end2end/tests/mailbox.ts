// Reads the mail the shop wrote with its default file transport
// (<MERCATO_DATA_DIR>/mail/*.eml) and computes TOTP codes, so the account
// journey can follow links and pass 2FA like a person with an inbox and an
// authenticator app.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.env.MERCATO_DATA_DIR ?? '../data';

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export type Mail = { to: string; subject: string; body: string; mtime: number };

function readMail(): Mail[] {
  const dir = join(dataDir, 'mail');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    const header = (name: string) => raw.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1]?.trim() ?? '';
    return { to: header('To'), subject: header('Subject'), body: decodeQuotedPrintable(raw), mtime: statSync(join(dir, f)).mtimeMs };
  });
}

/** The newest mail to `to` whose subject contains `subject`, waiting for it. */
export async function mailTo(to: string, subject: string): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const found = readMail()
      .filter((m) => m.to.includes(to) && m.subject.includes(subject))
      .sort((a, b) => b.mtime - a.mtime)[0];
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} about ${subject} in ${dataDir}/mail`);
}

/** The newest link to `path` in a mail to `to`, waiting for it to arrive. */
export async function linkFromMail(to: string, path: string, after = 0, token = true): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = readMail()
      .filter((m) => m.to.includes(to) && m.mtime >= after)
      .sort((a, b) => b.mtime - a.mtime)
      .map((m) => m.body.match(new RegExp(`https?://[^\\s"<>]*${path}${token ? '\\?token=[A-Za-z0-9_-]+' : '[^\\s"<>]*'}`))?.[0])
      .find(Boolean);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} with a ${path} link in ${dataDir}/mail`);
}

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

function codeFor(secret: string, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', base32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

let lastCounter = 0;

/**
 * An RFC 6238 code (SHA-1, 6 digits, 30 s) the server will accept: a time
 * step is accepted once, so each call uses a later step than the last one,
 * within the server's ±1 step of skew (waiting for the clock if needed).
 */
export async function totp(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const counter = Math.max(now, lastCounter + 1);
    if (counter <= now + 1) {
      lastCounter = counter;
      return codeFor(secret, counter);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
