// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.

/** Every RetCode of the document, by name (x-enum-varnames). */
export const RetCodes = {
  /** ok: the request succeeded (standard). */
  Ok: "200",
  /** The request breaks the contract: malformed JSON, a missing or unknown field, a wrong type or a value out of its stated limits. RetInfo names the field. */
  BadRequest: "400",
  /** The AccessToken header is required by this interface and is missing. */
  TokenMissing: "401",
  /** The AccessToken is unknown, forged, revoked by logout, or belongs to another user or platform. */
  TokenInvalid: "4011",
  /** The AccessToken has expired; log in again. */
  TokenExpired: "4012",
  /** The calling platform is not a configured partner, its AppID does not match, or its PlatID header disagrees with its client certificate. */
  PlatformForbidden: "403",
  /** The device exists but is not bound to this user. */
  DeviceNotBound: "4031",
  /** The partner platform's user verify interface (7.1.4) refused the user. */
  UserVerifyRefused: "4032",
  /** No interface exists at this path. */
  InterfaceNotFound: "404",
  /** No device with this deviceID exists on this platform. */
  UnknownDevice: "4041",
  /** No user with this UserID exists for the calling platform. */
  UnknownUser: "4042",
  /** The interface exists but only accepts POST (clause 6.2). */
  MethodNotAllowed: "405",
  /** The device is bound to another user who has not granted trust to this user (7.2.1). */
  Conflict: "409",
  /** The request body exceeds the size limit. */
  PayloadTooLarge: "413",
  /** The request body is not application/json (clause 6.2). */
  UnsupportedMediaType: "415",
  /** Too many requests from this platform; retry later. */
  RateLimited: "429",
  /** A business failure; RetInfo gives the reason (standard). Used for refused commands (unknown attribute, value out of range, device offline) and for batches in which some device failed (see FailedIDs; such a processed batch travels with HTTP 200). */
  BusinessFailure: "500",
  /** The partner platform could not be reached or did not answer in time (for example its user verify interface during login). */
  PartnerUnreachable: "502",
  /** The platform is temporarily unable to serve the request (starting, shutting down, store unavailable). */
  Unavailable: "503",
  /** An unexpected internal error; nothing was changed. The platform logs it with the request id. */
  InternalError: "5000",
} as const;
export type RetCode = (typeof RetCodes)[keyof typeof RetCodes];

/** The HTTP status each RetCode travels with (x-http-status). */
export const retCodeHttpStatus: Record<RetCode, number> = {
  "200": 200,
  "400": 400,
  "401": 401,
  "4011": 401,
  "4012": 401,
  "403": 403,
  "4031": 403,
  "4032": 403,
  "404": 404,
  "4041": 404,
  "4042": 404,
  "405": 405,
  "409": 409,
  "413": 413,
  "415": 415,
  "429": 429,
  "500": 422,
  "502": 502,
  "503": 503,
  "5000": 500,
};

/** What each RetCode means (x-enum-descriptions). */
export const retCodeDescriptions: Record<RetCode, string> = {
  "200": "ok: the request succeeded (standard).",
  "400": "The request breaks the contract: malformed JSON, a missing or unknown field, a wrong type or a value out of its stated limits. RetInfo names the field.",
  "401": "The AccessToken header is required by this interface and is missing.",
  "4011": "The AccessToken is unknown, forged, revoked by logout, or belongs to another user or platform.",
  "4012": "The AccessToken has expired; log in again.",
  "403": "The calling platform is not a configured partner, its AppID does not match, or its PlatID header disagrees with its client certificate.",
  "4031": "The device exists but is not bound to this user.",
  "4032": "The partner platform's user verify interface (7.1.4) refused the user.",
  "404": "No interface exists at this path.",
  "4041": "No device with this deviceID exists on this platform.",
  "4042": "No user with this UserID exists for the calling platform.",
  "405": "The interface exists but only accepts POST (clause 6.2).",
  "409": "The device is bound to another user who has not granted trust to this user (7.2.1).",
  "413": "The request body exceeds the size limit.",
  "415": "The request body is not application/json (clause 6.2).",
  "429": "Too many requests from this platform; retry later.",
  "500": "A business failure; RetInfo gives the reason (standard). Used for refused commands (unknown attribute, value out of range, device offline) and for batches in which some device failed (see FailedIDs; such a processed batch travels with HTTP 200).",
  "502": "The partner platform could not be reached or did not answer in time (for example its user verify interface during login).",
  "503": "The platform is temporarily unable to serve the request (starting, shutting down, store unavailable).",
  "5000": "An unexpected internal error; nothing was changed. The platform logs it with the request id.",
};
