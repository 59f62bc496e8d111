-- The trace of the write that appended the event (W3C traceparent), sent with it in the Kafka record's
-- headers so that its consumers' handling joins the same trace; null when tracing is off.
alter table outbox_event add column trace_parent text;
