-- The hourly housekeeping deletes delivery-log entries older than 30 days by their time.
CREATE INDEX ix_webhook_deliveries_at ON webhook_deliveries (at);
