-- Every change of a row the read cache holds (src/store/read-cache.ts) is announced on channel
-- read_cache once its transaction commits, to every platform instance listening: 'u:<user_id>',
-- 't:<token_hash>', 'd:<device_id>' (its state, its info or its bindings), 'a:<udevice_id>'. The
-- transaction-local setting tells the writer that it changed something held, so it waits for its
-- own announcements only then. Row triggers fire for cascaded deletes too (unregister).
create function read_cache_announce() returns trigger language plpgsql as $$
begin
  perform set_config('cloud_interop.read_cache', 'changed', true);
  if tg_table_name = 'users' then
    perform pg_notify('read_cache', 'u:' || old.user_id);
  elsif tg_table_name = 'access_tokens' then
    perform pg_notify('read_cache', 't:' || old.token_hash);
  elsif tg_table_name = 'devices' then
    perform pg_notify('read_cache', 'd:' || old.device_id);
    if old.udevice_id is not null and (tg_op = 'DELETE' or new.udevice_id is distinct from old.udevice_id) then
      perform pg_notify('read_cache', 'a:' || old.udevice_id);
    end if;
  elsif tg_op = 'INSERT' then
    perform pg_notify('read_cache', 'd:' || new.device_id);
  else
    perform pg_notify('read_cache', 'd:' || old.device_id);
    if tg_op = 'UPDATE' and new.device_id <> old.device_id then
      perform pg_notify('read_cache', 'd:' || new.device_id);
    end if;
  end if;
  return null;
end $$;

create trigger users_read_cache after update or delete on users
  for each row execute function read_cache_announce();
create trigger access_tokens_read_cache after update or delete on access_tokens
  for each row execute function read_cache_announce();
create trigger devices_read_cache after update or delete on devices
  for each row execute function read_cache_announce();
create trigger bindings_read_cache after insert or update or delete on bindings
  for each row execute function read_cache_announce();
