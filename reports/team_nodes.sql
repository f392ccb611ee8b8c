-- team: every node of the packet ?1, in document order, as json_tree walks
-- it: its id and its parent's (NULL for the document), its key (a member's
-- name, an element's index), JSON type and SQL value (NULL for objects and
-- arrays, whose text is never made).  team_packets.c reads the packet's
-- keys and its achievements from these rows in one pass: a walk of the
-- whole tree costs far less than a json_each per object.
SELECT id, parent, key, type, atom FROM json_tree(?1);
