// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.

/** Every Status of the document, by name (x-enum-varnames). */
export const Statuses = {
  /** Success (standard); msg is "success". */
  Success: 200,
  /** Failure (standard). The platform sends it only when no more specific code below applies; msg says why. */
  Error: 100100,
  /** The access_token is unknown, revoked, or was not issued to this userId. */
  TokenInvalid: 100101,
  /** The access_token has expired; request a new one (/token). */
  TokenExpired: 100102,
  /** The request is not a well-formed packet of this interface: not JSON, not an object, a missing or unknown member, a wrong type, a value outside its stated length, pattern or code list, or data members that contradict each other (iotType of another commCode, commUrl of another scheme). msg names the member, e.g. "request/body/data/devSign must NOT have fewer than 64 characters". */
  MalformedPacket: 100103,
  /** No device with this devId belongs to userId (a device of another user is reported the same way). */
  UnknownDevice: 100104,
  /** devSign is well formed but is not the HMAC-SHA256 of devId under the device's secret. */
  SignatureMismatch: 100105,
  /** The thing to save already exists: the identifier is saved for another device, the device already has another identifier, or the application already registered an interface with this apiPath and apiVersion. msg says which. */
  Duplicate: 100106,
  /** No interface at this path. */
  UnknownInterface: 100107,
  /** Token issuance refused: the appId is unknown, not registered to userId, or the appSecret is wrong (msg does not say which). */
  AppAuthFailed: 100108,
  /** No identifier is saved for this devId, or no device has this devIdentifier. */
  UnknownIdentifier: 100109,
  /** The interface exists but accepts only POST. */
  MethodNotAllowed: 100110,
  /** The request body exceeds the size limit. */
  PayloadTooLarge: 100111,
  /** The request body is not UTF-8 application/json. */
  UnsupportedMediaType: 100112,
  /** Too many requests; retry later. */
  TooManyRequests: 100113,
  /** The platform is temporarily unable to serve the request (starting, stopping, store unavailable); nothing was changed. */
  Unavailable: 100114,
  /** An unexpected internal error; nothing was changed. The platform logs it with the request id, which msg repeats. */
  InternalError: 100115,
} as const;
export type Status = (typeof Statuses)[keyof typeof Statuses];

/** The HTTP status each Status travels with (x-http-status). */
export const statusHttpStatus: Record<Status, number> = {
  "200": 200,
  "100100": 200,
  "100101": 200,
  "100102": 200,
  "100103": 400,
  "100104": 200,
  "100105": 200,
  "100106": 200,
  "100107": 404,
  "100108": 200,
  "100109": 200,
  "100110": 405,
  "100111": 413,
  "100112": 415,
  "100113": 429,
  "100114": 503,
  "100115": 500,
};

/** What each Status means (x-enum-descriptions). */
export const statusDescriptions: Record<Status, string> = {
  "200": "Success (standard); msg is \"success\".",
  "100100": "Failure (standard). The platform sends it only when no more specific code below applies; msg says why.",
  "100101": "The access_token is unknown, revoked, or was not issued to this userId.",
  "100102": "The access_token has expired; request a new one (/token).",
  "100103": "The request is not a well-formed packet of this interface: not JSON, not an object, a missing or unknown member, a wrong type, a value outside its stated length, pattern or code list, or data members that contradict each other (iotType of another commCode, commUrl of another scheme). msg names the member, e.g. \"request/body/data/devSign must NOT have fewer than 64 characters\".",
  "100104": "No device with this devId belongs to userId (a device of another user is reported the same way).",
  "100105": "devSign is well formed but is not the HMAC-SHA256 of devId under the device's secret.",
  "100106": "The thing to save already exists: the identifier is saved for another device, the device already has another identifier, or the application already registered an interface with this apiPath and apiVersion. msg says which.",
  "100107": "No interface at this path.",
  "100108": "Token issuance refused: the appId is unknown, not registered to userId, or the appSecret is wrong (msg does not say which).",
  "100109": "No identifier is saved for this devId, or no device has this devIdentifier.",
  "100110": "The interface exists but accepts only POST.",
  "100111": "The request body exceeds the size limit.",
  "100112": "The request body is not UTF-8 application/json.",
  "100113": "Too many requests; retry later.",
  "100114": "The platform is temporarily unable to serve the request (starting, stopping, store unavailable); nothing was changed.",
  "100115": "An unexpected internal error; nothing was changed. The platform logs it with the request id, which msg repeats.",
};
