-- GB/T 43960-2024 cloud manufacturing open API (openapi/gbt43960/, NOTES.md).
-- gbt_apps:        registered applications; only a salted scrypt hash of the appSecret is kept (I-13).
-- gbt_tokens:      access_tokens issued to (userId, appId); only their SHA-256 is kept (I-14).
-- gbt_devices:     devices with their owner and the secret devSign is an HMAC under (I-03);
--                  the secret must be kept to recompute the HMAC.
-- gbt_identifiers: one identifier per device, unique ignoring ASCII case (I-11).
-- gbt_gateways:    edge gateways created through A.2.6 (I-07 … I-10).
-- gbt_interfaces:  interfaces registered by applications (I-15); seq keeps registration order.
create table gbt_apps (
  app_id       text primary key,
  user_id      text not null check (user_id ~ '^[0-9]{1,20}$'),
  secret_salt  text not null,
  secret_hash  text not null,
  created_at   timestamptz not null default now()
);
create table gbt_tokens (
  token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  app_id      text not null references gbt_apps on delete cascade,
  user_id     text not null,
  expires_at  timestamptz not null,
  created_at  timestamptz not null default now()
);
create index gbt_tokens_expires_at_idx on gbt_tokens (expires_at);
create table gbt_devices (
  dev_id     text primary key,
  user_id    text not null check (user_id ~ '^[0-9]{1,20}$'),
  secret     text not null check (secret <> ''),
  dev_name   text not null,
  dev_group  text not null default '',
  dev_add    text not null default ''
);
create index gbt_devices_user_id_idx on gbt_devices (user_id);
create table gbt_identifiers (
  dev_id            text primary key references gbt_devices on delete cascade,
  identifier        text not null,
  identifier_folded text not null unique
);
create table gbt_gateways (
  gatew_id    text primary key,
  user_id     text not null,
  app_id      text not null,
  gatew_name  text not null,
  comm_code   text not null,
  comm_url    text not null,
  iot_type    text not null,
  created_at  timestamptz not null default now()
);
create table gbt_interfaces (
  seq          bigserial primary key,
  api_id       text not null unique,
  app_id       text not null references gbt_apps on delete cascade,
  api_name     text not null,
  api_path     text not null,
  api_version  text not null,
  api_desc     text not null,
  registered_at timestamptz not null default now(),
  unique (app_id, api_path, api_version)
);
