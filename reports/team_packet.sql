-- team: what the packet ?1 (valid JSON) is, before its nodes are read:
-- the document's JSON type, and its impactlog_packet key's type ('' when
-- there is none) and value: the version decides how the rest reads.
SELECT json_type(?1),
       coalesce(json_type(?1, '$.impactlog_packet'), ''),
       json_extract(?1, '$.impactlog_packet');
