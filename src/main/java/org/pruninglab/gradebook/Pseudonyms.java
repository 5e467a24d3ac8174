package org.pruninglab.gradebook;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
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

  private final PseudonymRepository repository;
  private final SecureRandom random = new SecureRandom();

  Pseudonyms(PseudonymRepository repository) {
    this.repository = repository;
  }

  /** The pseudonyms of these students, drawing one for each who has none yet. */
  Map<Long, String> of(Collection<Long> accountIds) {
    Map<Long, String> out = new HashMap<>(repository.of(accountIds));
    for (long id : accountIds) {
      if (!out.containsKey(id)) {
        out.put(id, draw(id));
      }
    }
    return out;
  }

  private String draw(long accountId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String existing = repository.of(List.of(accountId)).get(accountId);
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
        repository.insert(accountId, name);
      } catch (DataIntegrityViolationException taken) {
        // another student has it (draw again), or this one got one meanwhile (read it next)
      }
    }
    throw new IllegalStateException("no free pseudonym for account " + accountId);
  }
}
