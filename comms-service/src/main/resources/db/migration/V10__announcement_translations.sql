-- An announcement can be the translation of another (translation_of: the original's id). The drafts written
-- from another workstream's event come in Italian and in English, the English one a translation of the
-- Italian one: one draft per source event and language instead of one per source event.
alter table announcement add column translation_of uuid references announcement (id);
alter table announcement drop constraint announcement_source_event_id_key;
create unique index announcement_source_event_language on announcement (source_event_id, language)
    where source_event_id is not null;
create index announcement_translations on announcement (translation_of) where translation_of is not null;
