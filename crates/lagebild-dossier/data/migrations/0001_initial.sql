-- The first schema of a .lagebild dossier. Times are ISO 8601 in UTC
-- (`2024-11-21T09:30:00.000Z`); JSON columns hold the serde form of the
-- Rust types named beside them.

-- One row per article: what the analyst gave, and what the engine made of it.
CREATE TABLE article (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so corrections cannot move to another article
    name            TEXT NOT NULL,                     -- file name or a name the analyst gave
    source_kind     TEXT NOT NULL CHECK (source_kind IN ('text', 'bytes')),
    source          BLOB NOT NULL,                     -- the original, exactly as given
    source_sha256   TEXT NOT NULL,                     -- hex SHA-256 of `source`
    language        TEXT NOT NULL,                     -- ISO 639-1 code from the analysis
    imported_at     TEXT NOT NULL,
    analysed_at     TEXT NOT NULL,
    engine          TEXT NOT NULL,                     -- the engine version the analysis came from
    briefing        TEXT NOT NULL,                     -- lagebild_core::Briefing, spans in UTF-8 bytes
    briefing_sha256 TEXT NOT NULL,                     -- hex SHA-256 of `briefing`
    removed         INTEGER NOT NULL DEFAULT 0         -- 1: removed, kept only while the removal can be undone
);

-- The analyst's corrections, apart from the machine output, applied in `id` order.
CREATE TABLE correction (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER REFERENCES article (id),        -- NULL: the correction concerns the whole dossier
    body       TEXT NOT NULL,                          -- lagebild_dossier::Correction
    made_at    TEXT NOT NULL
);
CREATE INDEX correction_by_article ON correction (article_id);

-- Every change, as the analyst would describe it, with the state before and after.
CREATE TABLE audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    action TEXT NOT NULL,                              -- e.g. `rename_actor`, `undo`
    what   TEXT NOT NULL,                              -- one sentence
    before TEXT,                                       -- JSON, NULL when the thing did not exist
    after  TEXT                                        -- JSON, NULL when the thing is gone
);

-- The undo and redo stacks: each step holds the operation that reverses it.
CREATE TABLE history (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    stack    TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
    label    TEXT NOT NULL,                            -- what the step did, for "Undo …" menus
    op       TEXT NOT NULL,                            -- lagebild_dossier::history::Op
    audit_id INTEGER NOT NULL REFERENCES audit (id),   -- the audit entry of the step
    article  INTEGER REFERENCES article (id)           -- the article a removal or addition concerns
);
CREATE INDEX history_by_stack ON history (stack, id);
