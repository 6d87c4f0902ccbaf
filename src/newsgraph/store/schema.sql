-- newsgraph store schema (SQLite, WAL mode). One ingest batch is one transaction:
-- readers see all of a batch or none of it, a killed writer leaves nothing half-written.
-- Every statement is idempotent (IF NOT EXISTS): opening a store applies it, so tables added
-- in a later version appear in older stores. docs/storage.md describes each table.
-- "Actor key" below is the code an analyst counts by: the actor's code (RUS, NATO, USA)
-- or, when it has none (a company, a rebel group, a private person), its canonical name.

CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,          -- stable hash of the normalised text
    ref          TEXT,
    title        TEXT,
    url          TEXT,
    published    TEXT,                      -- YYYY-MM-DD or NULL
    source       TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    duplicate_of TEXT,                      -- near-duplicate (same wire story): id of the first copy
    minhash      BLOB,                      -- MinHash signature for near-duplicate detection
    ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);

-- Canonical actors across the corpus.
CREATE TABLE IF NOT EXISTS actors (
    key          TEXT PRIMARY KEY,          -- states/IGOs: code; persons: "person:<name>" ("@<article>" if unnamed); others: "<kind>:<name>"
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    code         TEXT,
    sector       TEXT,
    role         TEXT,
    country      TEXT,
    first_seen   TEXT,
    last_seen    TEXT,
    article_count INTEGER NOT NULL DEFAULT 0  -- articles whose extraction found this actor
);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);
CREATE INDEX IF NOT EXISTS actors_article_count ON actors(article_count);

-- Which actors each article's extraction found, whether or not a mention span was recorded:
-- maps the extraction's local ids (a1, a2, ...) to actor keys.
CREATE TABLE IF NOT EXISTS article_actors (
    article_id   TEXT NOT NULL,
    local_id     TEXT NOT NULL,
    actor_key    TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_key);

-- Where each actor is mentioned (character offsets into articles.text).
CREATE TABLE IF NOT EXISTS mentions (
    article_id   TEXT NOT NULL,
    local_id     TEXT NOT NULL,             -- the actor id within the article's extraction (a1, a2, ...)
    actor_key    TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT,
    PRIMARY KEY (article_id, local_id, start)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_key);

-- n is the rowid the full-text index points at; declared so that VACUUM cannot renumber it.
CREATE TABLE IF NOT EXISTS quotes (
    n             INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,     -- "<article_id>:q<n>", n counting from 1 in the article"
    article_id    TEXT NOT NULL,
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    direct        INTEGER NOT NULL,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    speaker_key   TEXT,                     -- actors.key or NULL
    speaker_name  TEXT,
    speaker_code  TEXT,
    speaker_text  TEXT,                     -- the speaker as written ("He", "the minister")
    speaker_start INTEGER,
    speaker_end   INTEGER,
    published     TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
CREATE INDEX IF NOT EXISTS quotes_code ON quotes(speaker_code);
CREATE INDEX IF NOT EXISTS quotes_published ON quotes(published);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, speaker_name, content='quotes', content_rowid='n', tokenize='unicode61 remove_diacritics 2'
);
-- The index follows the table whatever writes it (the store, a migration, a user's script).
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.n, new.text, new.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.n, old.text, old.speaker_name);
END;

-- One row per distinct event. The same event reported by several articles (same type,
-- actors, factuality and date) is one row here and one row per report in event_mentions.
CREATE TABLE IF NOT EXISTS events (
    id              TEXT PRIMARY KEY,       -- hash of (type, sources, targets, factuality, date or article)
    type            TEXT NOT NULL,          -- PLOVER type
    mode            TEXT,
    cameo           TEXT,
    quad            INTEGER,                -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    intensity       REAL,                   -- PLOVER intensity score (negative = conflict)
    factuality      TEXT NOT NULL,
    date            TEXT,                   -- YYYY-MM-DD
    date_resolution TEXT,
    location        TEXT,
    sources         TEXT NOT NULL,          -- JSON list of actor keys
    targets         TEXT NOT NULL,          -- JSON list of actor keys
    first_article   TEXT NOT NULL,
    mention_count   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_first_article ON events(first_article);
-- Events reported more than once: report counts of an aggregate are its event count plus what
-- these add, so a network or dyad query never joins every event it counts.
CREATE INDEX IF NOT EXISTS events_reported ON events(date, id, mention_count) WHERE mention_count > 1;

CREATE TABLE IF NOT EXISTS event_mentions (
    event_id        TEXT NOT NULL,
    article_id      TEXT NOT NULL,
    seq             INTEGER NOT NULL,       -- index of the event within the article's extraction
    claimed_by      TEXT,                   -- actors.key of the speaker whose quote asserts it
    quote_id        TEXT,                   -- quotes.id the event sits in, if any
    evidence        TEXT NOT NULL,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    trigger         TEXT,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    confidence      REAL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event_id);
CREATE INDEX IF NOT EXISTS event_mentions_claimed_by ON event_mentions(claimed_by);

-- Which actors (by key) are sources and targets of each event: what actor filters look up.
CREATE TABLE IF NOT EXISTS event_actors (
    event_id    TEXT NOT NULL,
    role        TEXT NOT NULL,              -- 'source' or 'target'
    actor_key   TEXT NOT NULL,
    PRIMARY KEY (event_id, role, actor_key)
);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_key, role);

-- Events exploded into (source, target) pairs: what dyad, network and timeline queries scan.
CREATE TABLE IF NOT EXISTS event_dyads (
    event_id    TEXT NOT NULL,
    source      TEXT NOT NULL,              -- dyad code: the actor's code, or its name when it has none
    target      TEXT NOT NULL,              -- dyad code (as source)
    type        TEXT NOT NULL,
    quad        INTEGER,
    intensity   REAL,
    factuality  TEXT NOT NULL,
    date        TEXT,                       -- the event's date (YYYY-MM-DD) or NULL
    PRIMARY KEY (event_id, source, target)
);
-- Covering indexes for an actor's and a dyad's events (actor page, timeline, dyads): one index
-- range read per side, no table row fetched. They replace the narrower (source, target, date)
-- and (target, date) indexes of earlier stores.
DROP INDEX IF EXISTS event_dyads_pair;
DROP INDEX IF EXISTS event_dyads_target;
CREATE INDEX IF NOT EXISTS event_dyads_by_source
    ON event_dyads(source, target, date, event_id, quad, intensity, type, factuality);
CREATE INDEX IF NOT EXISTS event_dyads_by_target
    ON event_dyads(target, source, date, event_id, quad, intensity, type, factuality);
-- Covering index for window scans (network, blocs, changes): a month is one index range read.
CREATE INDEX IF NOT EXISTS event_dyads_window
    ON event_dyads(date, source, target, event_id, quad, intensity, type, factuality);

-- Aggregates of event_dyads kept by the trigger below, so that a cold network or actor page
-- reads thousands of summary rows instead of a hundred thousand dyads. The trigger fires
-- only for a dyad row actually inserted (INSERT OR IGNORE skips a re-reported event), so
-- re-ingesting or reporting an event again never counts it twice. Rows with source = target
-- are left out, as the network and the actor page leave them out. '' stands for no date and
-- quad 0 for no quad (SQLite's NULLs would never conflict, so an upsert could not add up).
-- Node activity of the network: ties (dyad rows) per actor, month (YYYY-MM) and factuality.
CREATE TABLE IF NOT EXISTS agg_ties_month (
    month       TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    ties        INTEGER NOT NULL,
    net         REAL NOT NULL,
    PRIMARY KEY (month, factuality, actor)
);
-- Distinct events per actor (either side, self-pairs aside) per day: an actor's timeline.
CREATE TABLE IF NOT EXISTS agg_actor_day (
    actor       TEXT NOT NULL,
    day         TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    quad        INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    net         REAL NOT NULL,
    PRIMARY KEY (actor, day, factuality, quad)
);
-- Distinct events per actor, type and quad over all time: an actor's counts.
CREATE TABLE IF NOT EXISTS agg_actor_type (
    actor       TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    type        TEXT NOT NULL,
    quad        INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    cooperation REAL NOT NULL,
    conflict    REAL NOT NULL,
    PRIMARY KEY (actor, factuality, type, quad)
);
-- Distinct events per ordered pair (both orders stored) over all time: an actor's partners.
CREATE TABLE IF NOT EXISTS agg_partner (
    actor       TEXT NOT NULL,
    other       TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    events      INTEGER NOT NULL,
    net         REAL NOT NULL,
    PRIMARY KEY (actor, other, factuality)
);
CREATE TRIGGER IF NOT EXISTS event_dyads_aggregates AFTER INSERT ON event_dyads
WHEN new.source <> new.target BEGIN
    INSERT INTO agg_ties_month VALUES
        (coalesce(substr(new.date, 1, 7), ''), new.factuality, new.source, 1, coalesce(new.intensity, 0))
        ON CONFLICT DO UPDATE SET ties = ties + 1, net = net + excluded.net;
    INSERT INTO agg_ties_month VALUES
        (coalesce(substr(new.date, 1, 7), ''), new.factuality, new.target, 1, coalesce(new.intensity, 0))
        ON CONFLICT DO UPDATE SET ties = ties + 1, net = net + excluded.net;
    -- a mirrored row of the same event (older stores) is the same tie
    INSERT INTO agg_partner
        SELECT new.source, new.target, new.factuality, 1, coalesce(new.intensity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id
                          AND d.source = new.target AND d.target = new.source)
        ON CONFLICT DO UPDATE SET events = events + 1, net = net + excluded.net;
    INSERT INTO agg_partner
        SELECT new.target, new.source, new.factuality, 1, coalesce(new.intensity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id
                          AND d.source = new.target AND d.target = new.source)
        ON CONFLICT DO UPDATE SET events = events + 1, net = net + excluded.net;
    -- an event counts once for an actor however many partners it has in it
    INSERT INTO agg_actor_day
        SELECT new.source, coalesce(new.date, ''), new.factuality, coalesce(new.quad, 0), 1,
               coalesce(new.intensity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id AND d.rowid <> new.rowid
                          AND d.source <> d.target AND (d.source = new.source OR d.target = new.source))
        ON CONFLICT DO UPDATE SET events = events + 1, net = net + excluded.net;
    INSERT INTO agg_actor_type
        SELECT new.source, new.factuality, new.type, coalesce(new.quad, 0), 1,
               max(coalesce(new.intensity, 0), 0), -min(coalesce(new.intensity, 0), 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id AND d.rowid <> new.rowid
                          AND d.source <> d.target AND (d.source = new.source OR d.target = new.source))
        ON CONFLICT DO UPDATE SET events = events + 1, cooperation = cooperation + excluded.cooperation,
                                  conflict = conflict + excluded.conflict;
    INSERT INTO agg_actor_day
        SELECT new.target, coalesce(new.date, ''), new.factuality, coalesce(new.quad, 0), 1,
               coalesce(new.intensity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id AND d.rowid <> new.rowid
                          AND d.source <> d.target AND (d.source = new.target OR d.target = new.target))
        ON CONFLICT DO UPDATE SET events = events + 1, net = net + excluded.net;
    INSERT INTO agg_actor_type
        SELECT new.target, new.factuality, new.type, coalesce(new.quad, 0), 1,
               max(coalesce(new.intensity, 0), 0), -min(coalesce(new.intensity, 0), 0)
        WHERE NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = new.event_id AND d.rowid <> new.rowid
                          AND d.source <> d.target AND (d.source = new.target OR d.target = new.target))
        ON CONFLICT DO UPDATE SET events = events + 1, cooperation = cooperation + excluded.cooperation,
                                  conflict = conflict + excluded.conflict;
END;

-- The network's edges: events per unordered pair (a < b), month and factuality, with the sums an
-- edge reports, kept by the trigger below like the aggregates above (self-pairs left out, a
-- mirrored row of older stores counted as a row, as the network's scan of event_dyads counts it).
-- A month's edges among the kept actors then read one row per pair instead of every dyad.
CREATE TABLE IF NOT EXISTS agg_pair_month (
    month       TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    a           TEXT NOT NULL,              -- dyad codes, a < b
    b           TEXT NOT NULL,
    events      INTEGER NOT NULL,
    cooperation REAL NOT NULL,              -- sum of positive intensities
    conflict    REAL NOT NULL,              -- minus the sum of negative intensities
    quad1       INTEGER NOT NULL,
    quad2       INTEGER NOT NULL,
    quad3       INTEGER NOT NULL,
    quad4       INTEGER NOT NULL,
    PRIMARY KEY (month, factuality, a, b)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS event_dyads_pair_month AFTER INSERT ON event_dyads
WHEN new.source <> new.target BEGIN
    INSERT INTO agg_pair_month VALUES
        (coalesce(substr(new.date, 1, 7), ''), new.factuality, min(new.source, new.target),
         max(new.source, new.target), 1, max(coalesce(new.intensity, 0), 0), -min(coalesce(new.intensity, 0), 0),
         new.quad IS 1, new.quad IS 2, new.quad IS 3, new.quad IS 4)
        ON CONFLICT DO UPDATE SET events = events + 1, cooperation = cooperation + excluded.cooperation,
            conflict = conflict + excluded.conflict, quad1 = quad1 + excluded.quad1,
            quad2 = quad2 + excluded.quad2, quad3 = quad3 + excluded.quad3, quad4 = quad4 + excluded.quad4;
END;

-- What articles taught us about people ("Jens Stoltenberg, Secretary General of NATO"),
-- reused when later articles mention them by surname only.
CREATE TABLE IF NOT EXISTS person_facts (
    name        TEXT PRIMARY KEY,
    role        TEXT,
    code        TEXT,
    country     TEXT,
    seen        TEXT
);
