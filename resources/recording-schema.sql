-- KillScope recording, format 1: the one definition of the file a live session is recorded to.
-- RecordingWriter runs this script (embedded as :/recording/schema.sql) on a new file;
-- RecordingReader checks application_id, user_version and meta.format before reading anything.
--
-- The file is an ordinary SQLite 3 database in WAL mode (a crash of KillScope loses at most the
-- sample being written: every sample is committed on its own) with incremental auto-vacuum, so
-- trimming under the size cap gives the space back to the file system.
--
-- Times: *_us columns are microseconds of the recording's live clock (a monotonic clock; its
-- origin is meta.clock_origin_epoch_ms on the wall clock), epoch_ms columns wall-clock
-- milliseconds since 1970-01-01 UTC.
--
-- Secrets: no password is ever written. Statement texts (SQL in the processlist) are recorded as
-- the server shows them, so the file is created mode 0600, like the audit log.

PRAGMA application_id = 1263751755; -- 0x4B53524B, "KSRK"
PRAGMA user_version = 1;            -- the format version below

-- Key/value facts about the file as a whole. Keys written:
--   format               "killscope-recording"
--   format_version       "1"
--   killscope_version    the program that wrote it
--   created_epoch_ms     when recording began
--   clock_origin_epoch_ms wall-clock time of live clock 0 (taken_us + this / 1000 = wall time)
--   keyframe_every       a full snapshot every this many samples (the others are changes)
--   max_bytes            the size cap; the oldest samples are trimmed to stay under it
--   interval_ms          the sampling interval asked for
--   trimmed_before_us    set once trimming removed samples older than this
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The server's identity and KillScope's connection settings, one row each time the sampler
-- connected (a restart of the server adds a row; samples after it belong to the new life).
--   info: JSON object {product, version, versionComment, flavor, currentUser, uptimeS,
--         startedEpochS, startedExact, connections, threadHandling, performanceSchema,
--         innodbTrxReadable, lockWaitsReadable, hasTimeMs, tls: {mode, encrypted, version,
--         cipher, chainVerified, hostVerified}, settings: {host, port, socket, user, database,
--         tlsMode, connectTimeoutS, readOnly}} — never a password.
CREATE TABLE server (
    id       INTEGER PRIMARY KEY,
    at_us    INTEGER NOT NULL,
    epoch_ms INTEGER NOT NULL,
    endpoint TEXT NOT NULL, -- "user@host:port" or "user@localhost (socket …)"
    flavor   TEXT NOT NULL, -- "mariadb-10.11", "mysql-8.0", "mysql-5.7"
    version  TEXT NOT NULL, -- VERSION() verbatim
    info     TEXT NOT NULL
);

-- The samples, compactly: serial counts up by one with no gaps (trimming removes only the oldest).
-- keyframe = 1: payload is the whole sample; keyframe = 0: payload holds only what changed
-- against sample serial - 1 (rows that left are absent, an unchanged row costs its id and a zero
-- mask, a changed row only its changed fields). The first sample of the file, every
-- keyframe_every-th sample and the first sample after a server row are keyframes, so trimming
-- before a keyframe leaves a file that decodes from its first row.
-- payload: zlib (qCompress) of SampleCodec's bytes (model/samplecodec.h documents the layout).
CREATE TABLE samples (
    serial     INTEGER PRIMARY KEY,
    taken_us   INTEGER NOT NULL,
    started_us INTEGER NOT NULL,
    epoch_ms   INTEGER NOT NULL,
    keyframe   INTEGER NOT NULL CHECK (keyframe IN (0, 1)),
    row_count  INTEGER NOT NULL, -- rows in the decoded sample (for summaries without decoding)
    payload    BLOB NOT NULL
);
CREATE INDEX samples_keyframes ON samples (serial) WHERE keyframe = 1;
CREATE INDEX samples_time ON samples (taken_us);

-- KillScope's own actions and what became of them, oldest first.
--   kind 'kill':  a kill record each time it moved to a new phase; data is the JSON of the
--                 whole record at that moment (serial, statement, kind, target {id, user, host,
--                 firstSeenUs}, phase, requestedUs, sentUs, answeredUs, flagSeenUs, endedUs,
--                 serverError, serverMessage, rowsRemaining, rowsPerSecond, estimatedEndUs,
--                 why, reconnectedAsId, successorId, identityEvidence). The last row of a serial
--                 is its final state.
--   kind 'audit': the verdict written to the audit log for that kill (ok, refused, not-sent,
--                 read-only, own-connection, no-connection), data {verdict, auditLog}.
--   kind 'note':  things the user should read when replaying (connection lost, recording
--                 paused), data {text}.
CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
    at_us       INTEGER NOT NULL,
    epoch_ms    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('kill', 'audit', 'note')),
    kill_serial INTEGER,
    phase       TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX actions_time ON actions (at_us);
