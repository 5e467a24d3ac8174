package org.pruninglab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.pruninglab.account.AccountDetails;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application context on a real H2 database in a fresh data directory, shared by every
 * integration test class (one context, started once). Tests use their own usernames.
 */
@SpringBootTest
public abstract class LabIntegrationTest {

  private static final Path DATA_DIR = newDataDir();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("lab.data-dir", DATA_DIR::toString);
    // One sandbox class path and engine cache for every test of the build.
    registry.add(
        "lab.grading.sandbox-dir",
        () -> Path.of("target", "grading", "sandbox").toAbsolutePath().toString());
  }

  @Autowired private AccountService accountsForSetUp;
  @Autowired private JdbcClient jdbcForSetUp;

  /** No test's signed-in person outlives it. */
  @AfterEach
  void signOutAfterEachTest() {
    SecurityContextHolder.clearContext();
  }

  /** Makes {@code username} the signed-in person for the service calls that follow. */
  protected static void signInAs(String username, Role role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
  }

  /**
   * Creates the account unless it exists (tests share one database). Leaves the bootstrap
   * instructor signed in.
   */
  protected void ensureAccount(String username, Role role) {
    signInAs("instructor", Role.INSTRUCTOR);
    boolean exists =
        jdbcForSetUp
                .sql("select count(*) from account where username = ?")
                .param(username)
                .query(Integer.class)
                .single()
            > 0;
    if (!exists) {
      accountsForSetUp.create(
          new AccountDetails(username, username, username + "@example.org", role));
    }
  }

  protected static Path dataDir() {
    return DATA_DIR;
  }

  private static Path newDataDir() {
    try {
      return Files.createTempDirectory("pruning-lab-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
