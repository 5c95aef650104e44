-- invariants.sql — what a database must satisfy after any number of
-- commands or imports, complete or killed: no half-done command. Prints
-- one line a violation; nothing when all hold. Used by tests/stress/run
-- and by the fuzz harnesses (tests/fuzz/fuzz_csv.c, fuzz_cli.c), which run
-- it statement by statement (each ends with ";" at the end of a line).

-- Every suggestion was registered once, with its event.
SELECT 'no single registered event: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM event e WHERE e.suggestion_id = s.id
       AND e.action = 'registered') <> 1;

-- The state is the one its latest event left.
SELECT 'status ' || s.status || ' but the latest event says '
       || coalesce(e.status, 'NULL') || ': ' || s.number
FROM suggestion s JOIN event e ON e.id =
     (SELECT max(id) FROM event WHERE suggestion_id = s.id)
WHERE e.status IS NOT s.status;

-- Every assignment, deadline, contact, reply and rating has its event,
-- and every event its row.
SELECT 'assignments and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM assignment WHERE suggestion_id = s.id
       AND role = 'lead')
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'assigned');
SELECT 'assign deadlines and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM deadline WHERE suggestion_id = s.id
       AND reason = 'assign')
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'assigned');
SELECT 'extensions and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM deadline WHERE suggestion_id = s.id
       AND reason = 'extend')
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'extended');
SELECT 'rehandling deadlines and unsatisfied ratings disagree: ' || number
FROM suggestion s
WHERE (SELECT count(*) FROM deadline WHERE suggestion_id = s.id
       AND reason = 'rehandling')
   <> (SELECT count(*) FROM rating WHERE suggestion_id = s.id
       AND rating = 'unsatisfied');
SELECT 'contacts and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM contact WHERE suggestion_id = s.id)
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'contact');
SELECT 'replies and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM reply WHERE suggestion_id = s.id)
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'replied');
SELECT 'ratings and events disagree: ' || number FROM suggestion s
WHERE (SELECT count(*) FROM rating WHERE suggestion_id = s.id)
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'rated');
SELECT 'returns and ended lead assignments disagree: ' || number
FROM suggestion s
WHERE (SELECT count(*) FROM assignment WHERE suggestion_id = s.id
       AND role = 'lead' AND ended_on IS NOT NULL)
   <> (SELECT count(*) FROM event WHERE suggestion_id = s.id
       AND action = 'returned' AND json_extract(detail, '$.role') = 'lead');

-- A routed suggestion has one live lead department, an assignment date
-- and the deadline in force; a registered one has none.
SELECT 'live lead assignments wrong for ' || status || ': ' || number
FROM suggestion s
WHERE (SELECT count(*) FROM assignment WHERE suggestion_id = s.id
       AND role = 'lead' AND ended_on IS NULL)
   <> CASE WHEN status IN ('assigned', 'replied', 'rehandling', 'closed')
           THEN 1 WHEN status = 'registered' THEN 0
           ELSE (SELECT count(*) FROM assignment WHERE suggestion_id = s.id
                 AND role = 'lead' AND ended_on IS NULL) END;
SELECT 'deadline in force is not the latest one set: ' || number
FROM suggestion s
WHERE status IN ('assigned', 'replied', 'rehandling', 'closed')
  AND (assigned_on IS NULL OR due_on IS NOT
       (SELECT due_on FROM deadline WHERE suggestion_id = s.id
        ORDER BY id DESC LIMIT 1));
SELECT 'registered but routed: ' || number FROM suggestion
WHERE status = 'registered'
  AND (assigned_on IS NOT NULL OR due_on IS NOT NULL);

-- Replies and ratings in the order the lifecycle allows.
SELECT 'replied without a reply after the last rating: ' || number
FROM suggestion s WHERE status = 'replied'
  AND (SELECT count(*) FROM reply WHERE suggestion_id = s.id)
   <= (SELECT count(*) FROM rating WHERE suggestion_id = s.id);
SELECT 'rehandling without an unsatisfied rating: ' || number
FROM suggestion s WHERE status = 'rehandling'
  AND coalesce((SELECT rating FROM rating WHERE suggestion_id = s.id
       ORDER BY id DESC LIMIT 1), '') <> 'unsatisfied';
