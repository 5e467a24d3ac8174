package org.pruninglab.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code account} table. */
@Repository
class AccountRepository {

  private static final String COLUMNS =
      "id, username, display_name, email, role, active, password_hash is not null as has_password,"
          + " must_change_password, created_at";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  List<Account> findAll() {
    return jdbc.sql("select " + COLUMNS + " from account order by username")
        .query(AccountRepository::toAccount)
        .list();
  }

  /** Every account with the student role, active or not, by username. */
  List<Account> findStudents() {
    return jdbc.sql("select " + COLUMNS + " from account where role = 'STUDENT' order by username")
        .query(AccountRepository::toAccount)
        .list();
  }

  /** Which of these accounts have the student role. */
  Set<Long> studentIdsAmong(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select id from account where role = 'STUDENT' and id in (:ids)")
            .param("ids", Set.copyOf(ids))
            .query(Long.class)
            .list());
  }

  /** The usernames of these accounts, by id (unknown ids are left out). */
  Map<Long, String> usernames(Collection<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select id, username from account where id in (:ids)")
        .param("ids", Set.copyOf(ids))
        .query(
            (ResultSet rs) -> {
              out.put(rs.getLong(1), rs.getString(2));
            });
    return out;
  }

  Optional<Account> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from account where id = ?")
        .param(id)
        .query(AccountRepository::toAccount)
        .optional();
  }

  Optional<Account> findByUsername(String username) {
    return jdbc.sql("select " + COLUMNS + " from account where username = ?")
        .param(username)
        .query(AccountRepository::toAccount)
        .optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from account where username = ?")
        .param(username)
        .query(String.class)
        .optional();
  }

  long insert(AccountDetails details, String passwordHash, boolean mustChange, Instant now) {
    jdbc.sql(
            "insert into account (username, display_name, email, role, password_hash,"
                + " must_change_password, active, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, true, ?, ?)")
        .params(
            details.username(),
            details.displayName(),
            details.email(),
            details.role().name(),
            passwordHash,
            mustChange,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
    return findByUsername(details.username()).orElseThrow().id();
  }

  void updateDetails(long id, AccountDetails details, Instant now) {
    jdbc.sql(
            "update account set display_name = ?, email = ?, role = ?, updated_at = ? where id = ?")
        .params(
            details.displayName(), details.email(), details.role().name(), Timestamp.from(now), id)
        .update();
  }

  void setPassword(long id, String passwordHash, boolean mustChange, Instant now) {
    jdbc.sql(
            "update account set password_hash = ?, must_change_password = ?, updated_at = ?"
                + " where id = ?")
        .params(passwordHash, mustChange, Timestamp.from(now), id)
        .update();
  }

  void setActive(long id, boolean active, Instant now) {
    jdbc.sql("update account set active = ?, updated_at = ? where id = ?")
        .params(active, Timestamp.from(now), id)
        .update();
  }

  long countActiveInstructors() {
    return jdbc.sql("select count(*) from account where role = 'INSTRUCTOR' and active")
        .query(Long.class)
        .single();
  }

  private static Account toAccount(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        rs.getBoolean("active"),
        rs.getBoolean("has_password"),
        rs.getBoolean("must_change_password"),
        rs.getTimestamp("created_at").toInstant());
  }
}
