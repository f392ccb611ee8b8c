-- import --from bragfile|jrnl: what the document ?1 is, before its
-- entries are read (il_json_check_text has found it valid JSON): its type,
-- how many entries it holds (an array's items, or an object's 'entries'),
-- and the type of an object's 'entries'.
SELECT json_type(?1),
       CASE json_type(?1)
            WHEN 'array' THEN json_array_length(?1)
            WHEN 'object' THEN json_array_length(?1, '$.entries')
       END,
       CASE WHEN json_type(?1) = 'object' THEN json_type(?1, '$.entries') END;
