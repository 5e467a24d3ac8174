package org.pruninglab.account;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts written straight into a test database that has no application around it. */
public final class TestAccounts {

  private TestAccounts() {}

  /** Inserts a student account and returns its id. */
  public static long insertStudent(JdbcClient jdbc, String username) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "insert into account (username, display_name, email, role, created_at, updated_at)"
                + " values (?, ?, ?, 'STUDENT', ?, ?)")
        .params(username, username, username + "@example.org", now, now)
        .update();
    return jdbc.sql("select id from account where username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }
}
