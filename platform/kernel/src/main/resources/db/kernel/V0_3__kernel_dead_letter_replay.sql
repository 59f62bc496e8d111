-- Dead letters an admin sent back to their topic (kernel DeadLetters): not listed, nor replayed, again.
create table dead_letter_replayed (
    dlq_topic   text        not null,
    partition   int         not null,
    dlq_offset  bigint      not null,
    replayed_at timestamptz not null,
    primary key (dlq_topic, partition, dlq_offset)
);
