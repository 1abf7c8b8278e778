-- Claims are short leases that each worker renews while it delivers, and releases at shutdown:
-- both find a worker's claimed rows, which are few, in a table that keeps every delivered report.
create index outbox_claimed_idx on outbox (claimed_by) where claimed_by is not null;
