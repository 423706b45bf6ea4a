-- POSTs made with an Idempotency-Key: the first answer is kept (24 hours) so that a retry gets it
-- again instead of creating a duplicate. Keys are scoped to the admin who sent them.
create table idempotency_keys (
    principal        varchar(200) not null,
    idempotency_key  varchar(200) not null,
    request_hash     char(64)     not null,
    state            varchar(12)  not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    response_status  integer,
    response_type    varchar(200),
    location         varchar(2000),
    etag             varchar(100),
    response_body    bytea,
    created_at       timestamptz  not null default now(),
    primary key (principal, idempotency_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
