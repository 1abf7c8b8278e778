// The request body parser: express.json's contract (its types, limit and error shapes) narrowed to
// what the standards and the store accept. Clause 6.2 says UTF-8, so no other charset is decoded.
// U+0000 cannot be stored in PostgreSQL text, so it is refused here, naming the field, instead of
// failing in the store after a partner was already called. A key given twice is refused because
// JSON.parse keeps the last one silently, and another reader of the same bytes may keep the first.
import express, { type RequestHandler } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A refused body, shaped as body-parser's errors are: `status` and `type` say which refusal. */
class JsonBodyError extends Error {
  readonly status: 400 | 415;
  /** body-parser's types, and `entity.content.refused` for well-formed JSON this platform does not take. */
  readonly type: 'entity.parse.failed' | 'charset.unsupported' | 'entity.content.refused';

  constructor(status: JsonBodyError['status'], type: JsonBodyError['type'], message: string) {
    super(message);
    this.name = 'JsonBodyError';
    this.status = status;
    this.type = type;
  }
}

const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;
const UTF8 = /^utf-?8$/i;

/** express.json's replacement: UTF-8 JSON objects and arrays only, each string without U+0000, each key once. */
export function jsonBody(options: { limit: number }): RequestHandler {
  const read = express.raw({ limit: options.limit, type: JSON_TYPES });
  return (req, res, next) => {
    const charset = CHARSET.exec(req.headers['content-type'] ?? '');
    if (charset) {
      const name = charset[1] ?? charset[2]!;
      // Another type's charset is not this parser's business: the validator refuses the type.
      if (!UTF8.test(name) && req.is(JSON_TYPES)) {
        return next(new JsonBodyError(415, 'charset.unsupported', `unsupported charset "${name.toUpperCase()}"`));
      }
    }
    read(req, res, (err?: unknown) => {
      if (err !== undefined || !Buffer.isBuffer(req.body)) return next(err);
      const body = parseJson(req.body);
      if (body instanceof JsonBodyError) return next(body);
      req.body = body;
      next();
    });
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const U = 0x75;
const ZERO = 0x30;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The body's value, or why it is refused. */
function parseJson(bytes: Buffer): unknown {
  // A byte order mark is ignored, as body-parser does (RFC 8259 section 8.1 allows it).
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // body-parser's leniency, kept: an empty body is an empty object. Clients send `{}` so
  // (Redocly Respect does, for 7.1.2 logout), and refusing it would refuse them.
  if (bytes.length === start) return {};
  let first = start;
  while (isSpace(bytes[first])) first++;
  // body-parser's strict mode, kept: no interface takes a bare string, number or literal.
  if (bytes[first] !== 0x7b && bytes[first] !== 0x5b) return new JsonBodyError(400, 'entity.parse.failed', 'the body must be a JSON object or array');
  const text = bytes.toString('utf8', start);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return new JsonBodyError(400, 'entity.parse.failed', (err as SyntaxError).message);
  }
  const members = membersInText(bytes, start);
  return members !== -1 && members === membersIn(value) ? value : readCarefully(text);
}

/**
 * The members of all objects of a valid JSON text, counted as the colons outside strings: a key
 * given twice leaves fewer in the parsed value. -1 when the text needs the careful read: a string
 * escapes U+0000 (the only way to write it, JSON refuses a raw control character), or a key has
 * an escape, which V8 13.6 (Node 24) can misread once another key poisoned its cache
 * (nodejs/node#63785): `{"a":0,"\n":0}` parsed after `{"a":0,"\\":0}` has the key "\\".
 */
function membersInText(bytes: Buffer, start: number): number {
  let members = 0;
  let escaped = false;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === COLON) {
      // The last string before a colon is its key.
      if (escaped) return -1;
      members++;
    } else if (c === QUOTE) {
      escaped = false;
      for (i++; bytes[i] !== QUOTE; i++) {
        if (bytes[i] !== BACKSLASH) continue;
        escaped = true;
        i++;
        if (bytes[i] === U && bytes[i + 1] === ZERO && bytes[i + 2] === ZERO && bytes[i + 3] === ZERO && bytes[i + 4] === ZERO) return -1;
      }
    }
  }
  return members;
}

/** The members of all objects of a parsed value. */
function membersIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let members = 0;
  if (Array.isArray(value)) {
    for (const item of value) members += membersIn(item);
  } else {
    for (const key in value) members += 1 + membersIn((value as Record<string, unknown>)[key]);
  }
  return members;
}

type Path = (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `User[0].UserProfile.nickName`, the notation of the validator's messages; other keys quoted. */
function pathName(path: Path): string {
  let name = '';
  for (const step of path) {
    if (typeof step === 'number') name += `[${step}]`;
    else if (IDENTIFIER.test(step)) name += name === '' ? step : `.${step}`;
    else name += `[${JSON.stringify(step)}]`;
  }
  return name;
}

/**
 * Reads a valid JSON text in document order as JSON.parse would, but decoding each key as a
 * string of its own, and refuses the first string holding U+0000 or key given twice in its object.
 */
function readCarefully(text: string): unknown {
  const path: Path = [];
  let i = 0;
  const refused = (why: string) => new JsonBodyError(400, 'entity.content.refused', `${pathName(path)}: ${why}`);
  const skipSpace = () => {
    while (isSpace(text.charCodeAt(i))) i++;
  };
  const string = (): string => {
    const from = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(from, i)) as string;
  };
  const value = (): unknown => {
    skipSpace();
    switch (text[i]) {
      case '"': {
        const s = string();
        return s.includes('\0') ? refused('must not contain U+0000') : s;
      }
      case '{': {
        const object = {};
        i++;
        skipSpace();
        if (text[i] === '}') {
          i++;
          return object;
        }
        for (;;) {
          skipSpace();
          const key = string();
          path.push(key);
          if (key.includes('\0')) return refused('must not contain U+0000');
          if (Object.hasOwn(object, key)) return refused('duplicate key');
          skipSpace();
          i++;
          const member = value();
          if (member instanceof JsonBodyError) return member;
          // Defined, not assigned: a key "__proto__" is a member, as JSON.parse makes it.
          Object.defineProperty(object, key, { value: member, writable: true, enumerable: true, configurable: true });
          path.pop();
          skipSpace();
          if (text[i++] === '}') return object;
        }
      }
      case '[': {
        const array: unknown[] = [];
        i++;
        skipSpace();
        if (text[i] === ']') {
          i++;
          return array;
        }
        for (;;) {
          path.push(array.length);
          const item = value();
          if (item instanceof JsonBodyError) return item;
          array.push(item);
          path.pop();
          skipSpace();
          if (text[i++] === ']') return array;
        }
      }
      default: {
        const from = i;
        while (i < text.length && text[i] !== ',' && text[i] !== ']' && text[i] !== '}' && !isSpace(text.charCodeAt(i))) i++;
        return JSON.parse(text.slice(from, i));
      }
    }
  };
  return value();
}
