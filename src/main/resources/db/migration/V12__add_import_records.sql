-- The record as a JSON import last wrote it. A re-import compares against it to count a record
-- unchanged (and write nothing), and the change history shows it as "before" of an update.
alter table organizations add column import_record jsonb;
alter table officials add column import_record jsonb;
alter table cooperation_areas add column import_record jsonb;
alter table meetings add column import_record jsonb;
