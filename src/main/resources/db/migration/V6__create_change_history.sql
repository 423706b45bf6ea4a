-- The trace of every change made through the API: who, when, and the record before and after.
-- Deliberately no foreign key to the changed record, so the trace outlives a delete.
create table change_history (
    id          bigint generated always as identity primary key,
    record_type varchar(40)  not null,
    record_id   bigint       not null,
    action      varchar(10)  not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    actor       varchar(200) not null,
    changed_at  timestamptz  not null default now(),
    before      jsonb,
    after       jsonb,
    check ((action = 'CREATE' and before is null and after is not null)
        or (action = 'UPDATE' and before is not null and after is not null)
        or (action = 'DELETE' and before is not null and after is null))
);
create index change_history_record_idx on change_history (record_type, record_id, id);
