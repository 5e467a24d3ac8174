package org.pruninglab.gradebook;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names students have on the leaderboard: drawn at random the first time one is needed and
 * kept, so they are stable and say nothing about who is behind them.
 */
@Component
class Pseudonyms {

  private static final List<String> ADJECTIVES =
      List.of(
          "Amber", "Brisk", "Calm", "Dapper", "Eager", "Frosty", "Gentle", "Hazel", "Ivory",
          "Jolly", "Keen", "Lucid", "Mellow", "Nimble", "Opal", "Plucky", "Quiet", "Rapid", "Sunny",
          "Tidy", "Umber", "Vivid", "Witty", "Zesty");
  private static final List<String> ANIMALS =
      List.of(
          "Otter", "Heron", "Lynx", "Badger", "Falcon", "Marten", "Puffin", "Gecko", "Ibex",
          "Koala", "Lemur", "Newt", "Ocelot", "Panda", "Quokka", "Raven", "Stoat", "Tapir", "Vole",
          "Walrus", "Yak", "Zebu", "Bison", "Crane");

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  Pseudonyms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Draws a pseudonym for every student who has a submission of the exercise and none yet, so that
   * the leaderboard's query finds one for each of its lines.
   */
  void drawMissing(String exerciseId) {
    jdbc.sql(
            "select a.id from account a where a.pseudonym is null and a.role = 'STUDENT' and"
                + " exists (select 1 from submission s where s.account_id = a.id and"
                + " s.exercise_id = ? and s.kind = 'submission')")
        .param(exerciseId)
        .query(Long.class)
        .list()
        .forEach(this::of);
  }

  private String of(long accountId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String existing =
          jdbc.sql("select pseudonym from account where id = ?")
              .param(accountId)
              .query(String.class)
              .optional()
              .orElse(null);
      if (existing != null) {
        return existing;
      }
      String name =
          String.format(
              Locale.ROOT,
              "%s %s %02d",
              ADJECTIVES.get(random.nextInt(ADJECTIVES.size())),
              ANIMALS.get(random.nextInt(ANIMALS.size())),
              random.nextInt(100));
      try {
        jdbc.sql("update account set pseudonym = ? where id = ? and pseudonym is null")
            .params(name, accountId)
            .update();
      } catch (DataIntegrityViolationException taken) {
        // another student has it; draw again
      }
    }
    throw new IllegalStateException("no free pseudonym for account " + accountId);
  }
}
