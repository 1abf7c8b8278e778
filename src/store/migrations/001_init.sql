-- The reference platform's schema. It runs unchanged on PGlite (PostgreSQL 18) and on the server
-- (PostgreSQL 15): nothing newer than 15 (no uuidv7, no json_value).
--
-- users             A partner platform's users (role B): the standard's UserID, created at a user's
--                   first login (6.6.1.2) for the pair (PlatID, loginID).
-- access_tokens     AccessTokens issued at login, by SHA-256 only: a leaked table grants nothing.
-- devices           This platform's own devices with their current state.
-- bindings          Which user has bound which device (7.2.1), with the user's name for it.
-- trust             Owners of bound devices trusting other users, who may then bind them too (7.2.1).
-- outbox            Reports to send to partners' data gateways (7.2.8), at least once and in order.
-- received_reports  Reports partners sent to this platform's data gateway (role A), once each.
--
-- Lengths and enums repeat the OpenAPI description's limits, so a value the contract rejects
-- cannot enter by another path either; the contract stays the place where they are defined.

create table users (
  user_id     text primary key check (user_id <> ''),
  plat_id     text not null check (plat_id <> ''),
  login_id    text not null check (char_length(login_id) between 1 and 20),
  login_name  text check (char_length(login_name) between 3 and 15),
  email       text check (char_length(email) <= 256),
  mobile      text check (char_length(mobile) <= 32),
  -- 0 activated, 1 registered, 2 deleted, 3 completed (table 14). Deleted users stay, so a
  -- returning loginID maps to the same UserID.
  status      text not null check (status in ('0', '1', '2', '3')),
  profile     jsonb not null default '{}' check (jsonb_typeof(profile) = 'object'),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (plat_id, login_id),
  -- Target of access_tokens' foreign key, which pins a token to its user's platform.
  unique (user_id, plat_id)
);

create table access_tokens (
  -- Lower-case hex SHA-256 of the token; the token itself is never stored.
  token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id     text not null,
  -- Kept beside user_id so a request's PlatID header is checked without a join; the composite
  -- key guarantees it is the user's own platform.
  plat_id     text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  foreign key (user_id, plat_id) references users (user_id, plat_id) on delete cascade
);
-- Logout and unregister remove a user's tokens; it also serves the foreign key's cascade.
create index access_tokens_user_id_idx on access_tokens (user_id, plat_id);
-- Purging expired tokens.
create index access_tokens_expires_at_idx on access_tokens (expires_at);

create table devices (
  -- The vendor's own device code, e.g. 'C89346112DD5'.
  device_id     text primary key check (device_id <> ''),
  -- Universal id of clause 6.4, mapped to device_id by this platform (note to 7.2.1).
  udevice_id    text unique check (udevice_id <> ''),
  device_type   text not null,
  model         text,
  manufacturer  text,
  brand         text,
  access_way    text,
  -- Current state: attribute name → string value, as every DeviceAttr of the standard.
  attrs         jsonb not null default '{}'
                check (jsonb_typeof(attrs) = 'object'
                       -- silent: no error for a non-object, which the test above rejects
                       and not jsonb_path_exists(attrs, 'strict $.* ? (@.type() != "string")', '{}', true)),
  online        boolean not null default true,
  -- Bumped with every change of state; reports carry it so they can be ordered.
  version       bigint not null default 0 check (version >= 0),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- No index on device_type, model, manufacturer or brand: the device list filters on them only
-- among one user's bound devices, which bindings' primary key (user_id first) finds, a few rows
-- that are then filtered. An index on those columns would only serve scans of all devices.

create table bindings (
  user_id   text not null references users on delete cascade,
  device_id text not null references devices on delete cascade,
  -- The name the user gave the device (7.2.5); null until given.
  name      text,
  bound_at  timestamptz not null default now(),
  primary key (user_id, device_id)
);
-- Who has bound a device: the trust check of 7.2.1, choosing the partners a report goes to, and
-- the cascade when a device is deleted.
create index bindings_device_id_idx on bindings (device_id);

create table trust (
  owner_user_id   text not null references users on delete cascade,
  trusted_user_id text not null references users on delete cascade,
  created_at      timestamptz not null default now(),
  primary key (owner_user_id, trusted_user_id),
  check (owner_user_id <> trusted_user_id)
);
-- The cascade when a trusted user is deleted; lookups go by the primary key.
create index trust_trusted_user_id_idx on trust (trusted_user_id);

-- Delivery, with several platform processes on one PostgreSQL: a sender claims, in a short
-- transaction, the oldest pending row of each (plat_id, device_id) whose claim is absent or
-- expired and whose next_attempt_at has come, skipping rows with FOR UPDATE SKIP LOCKED, and
-- sets claimed_by/claimed_until. It sends after that transaction has committed, then sets
-- delivered_at, or bumps attempts and next_attempt_at and clears the claim. A row is claimable
-- only when no older pending row of its (plat_id, device_id) exists, so reports of one device
-- reach one partner in order; a sender that dies leaves a claim that expires, so the row is sent
-- again: at least once. On PGlite one process owns the data dir (lock file), so nothing competes.
create table outbox (
  id              bigserial primary key,
  -- Sent as the EventID header, the same on every retry, so the receiver drops duplicates.
  event_id        text not null unique check (event_id <> ''),
  -- The destination partner.
  plat_id         text not null,
  -- No foreign key: a report, an offline notice for instance, outlives the device row.
  device_id       text not null,
  data_type       text not null check (data_type in ('attr', 'alarm', 'onOffline')),
  -- The whole report body.
  payload         jsonb not null check (jsonb_typeof(payload) = 'object'),
  created_at      timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  attempts        integer not null default 0 check (attempts >= 0),
  last_error      text,
  delivered_at    timestamptz,
  claimed_by      text,
  claimed_until   timestamptz,
  check ((claimed_by is null) = (claimed_until is null))
);
-- The pending rows only, in delivery order per stream: finding each stream's oldest pending row,
-- and the claim's "no older pending row" test. Delivered rows never enter it.
create index outbox_pending_idx on outbox (plat_id, device_id, id) where delivered_at is null;

create table received_reports (
  -- The key is the sender and its EventID (or, when it sends none, an id derived from a hash of
  -- sender and body): EventIDs are unique per sender only, two partners may both use "1".
  from_plat_id text not null,
  event_id     text not null check (event_id <> ''),
  -- The sender's device id: not a row of devices.
  device_id    text not null,
  data_type    text not null check (data_type in ('attr', 'alarm', 'onOffline')),
  payload      jsonb not null check (jsonb_typeof(payload) = 'object'),
  -- The standard's TimeStamp as sent (milliseconds since the epoch, as a string).
  time_stamp   text not null,
  received_at  timestamptz not null default now(),
  primary key (from_plat_id, event_id)
);
-- A device's reports in the order they arrived.
create index received_reports_device_id_received_at_idx on received_reports (device_id, received_at);
