-- A send claims its newsletter (status SENDING, since when) in a short transaction of its own and
-- delivers outside any long one; a delivery row says SENDING before its mail leaves and SENT or FAILED
-- after, so that a send resumed after a failure or a crash mails nobody twice.
alter table newsletter add column sending_since timestamptz;
