-- team: whose achievement ?1 is (person ?2), and its id ?3 in their log.
INSERT INTO claim (achievement_id, person_id, packet_id) VALUES (?1, ?2, ?3);
