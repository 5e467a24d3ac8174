package org.pruninglab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of this machine (127.0.0.1:5432, user postgres, trust auth, database test),
 * for the tests of the multi-node database.
 */
public final class LocalPostgres {

  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private LocalPostgres() {}

  /**
   * Skips the test without a server, unless {@code LAB_REQUIRE_POSTGRES} is set (CI sets it after
   * making sure one runs): then a missing server fails the test instead of hiding it.
   */
  public static void assume() {
    boolean reachable = reachable();
    if (System.getenv("LAB_REQUIRE_POSTGRES") != null) {
      assertThat(reachable).as("PostgreSQL on 127.0.0.1:5432 (LAB_REQUIRE_POSTGRES)").isTrue();
    }
    assumeTrue(reachable, "no PostgreSQL on 127.0.0.1:5432 (database test, trust auth)");
  }

  /** A connection as the superuser; the caller closes it. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "postgres", "");
  }

  private static boolean reachable() {
    try (Connection c = connect()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
