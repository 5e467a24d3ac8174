package org.pruninglab.gradebook;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code leaderboard_pseudonym}. */
@Repository
class PseudonymRepository {

  private final JdbcClient jdbc;

  PseudonymRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The pseudonyms these accounts have, by account id (those without one are left out). */
  Map<Long, String> of(Collection<Long> accountIds) {
    Map<Long, String> out = new HashMap<>();
    if (accountIds.isEmpty()) {
      return out;
    }
    jdbc.sql("select account_id, pseudonym from leaderboard_pseudonym where account_id in (:ids)")
        .param("ids", Set.copyOf(accountIds))
        .query(
            (ResultSet rs) -> {
              out.put(rs.getLong(1), rs.getString(2));
            });
    return out;
  }

  /**
   * Gives the account this pseudonym; throws {@link
   * org.springframework.dao.DataIntegrityViolationException} when the account has one already or
   * another has this one.
   */
  void insert(long accountId, String pseudonym) {
    jdbc.sql("insert into leaderboard_pseudonym (account_id, pseudonym) values (?, ?)")
        .params(accountId, pseudonym)
        .update();
  }
}
