-- Delivered reports are kept for a while (delivery.retentionHours) and then deleted in small
-- batches: the sweep finds the oldest among them without reading the pending ones, or the whole table.
create index outbox_delivered_idx on outbox (delivered_at) where delivered_at is not null;
