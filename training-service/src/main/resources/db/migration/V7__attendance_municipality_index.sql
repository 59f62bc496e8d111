-- A municipality's training report sums its attendance: read through this index, not the whole table
-- (issue 20, part 8).
create index attendance_municipality on attendance (municipality);
