-- Packs are inserted once (published) and most are updated once (decommissioned). With full
-- pages every update put the new row version on another page and a new entry in the primary
-- key's index; with half of each page kept free it stays on its page as a heap-only tuple
-- (HOT), and the index is not touched. Applies to pages written from now on.
ALTER TABLE packs SET (fillfactor = 50);
