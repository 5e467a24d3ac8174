package org.pruninglab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of this machine (127.0.0.1:5432, user postgres, trust auth, database test),
 * for the tests of the multi-node database ({@link Environment.Need#POSTGRES} says whether it
 * runs).
 */
public final class LocalPostgres {

  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private LocalPostgres() {}

  /** A connection as the superuser; the caller closes it. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "postgres", "");
  }
}
