package org.pruninglab.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pruninglab.account.AccessLog.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code access_refusal}. */
@Repository
class AccessRefusalRepository {

  private final JdbcClient jdbc;

  AccessRefusalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long accountId, String what, Instant at) {
    jdbc.sql("insert into access_refusal (account_id, what, at) values (?, ?, ?)")
        .params(accountId, what, Timestamp.from(at))
        .update();
  }

  /** The latest refusals, newest first. */
  List<Refusal> recent(int limit) {
    return jdbc.sql(
            "select a.username, r.what, r.at from access_refusal r join account a on a.id ="
                + " r.account_id order by r.at desc, r.id desc fetch first ? rows only")
        .param(limit)
        .query(
            (rs, n) ->
                new Refusal(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }
}
