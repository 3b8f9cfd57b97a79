#pragma once

// Small scenarios for tests that must not depend on the built-in ones (which may change).

// moc reads this header too and does not understand raw string literals.
#ifndef Q_MOC_RUN
namespace testscenarios {

// The reference's figure 1: B waits for A's row lock; nothing kills it until the test does.
inline const char *const LockWait = R"({
  "version": 1,
  "id": "test-lock-wait",
  "title": { "en": "A row-lock wait", "zh_CN": "行锁等待" },
  "flavors": ["mysql-8.0", "mariadb-10.11", "mysql-5.7"],
  "sessions": [
    { "name": "A", "id": 11, "autocommit": false, "statements": [
      { "sql": "BEGIN", "kind": "begin" },
      { "sql": "UPDATE t SET v=100 WHERE id=1", "kind": "update",
        "steps": [ { "op": "mdl", "table": "t" },
                   { "op": "rows", "count": 1, "perRow": "20us", "modify": true, "lock": ["t:1"] } ] } ] },
    { "name": "B", "id": 12, "statements": [
      { "sql": "UPDATE t SET v=200 WHERE id=1", "kind": "update", "at": "1s",
        "steps": [ { "op": "mdl", "table": "t" },
                   { "op": "rows", "count": 1, "perRow": "20us", "modify": true, "lock": ["t:1"] } ] } ] }
  ],
  "until": "10s",
  "narration": [
    { "on": { "event": "lock_wait", "session": "B" },
      "en": "B waits for A's row lock.", "zh_CN": "B 在等待 A 持有的行锁。" }
  ]
})";

} // namespace testscenarios
#endif
