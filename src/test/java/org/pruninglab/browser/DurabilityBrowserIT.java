package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/**
 * Accounts outlive a restart, and a SIGKILL in the middle of an import leaves no half of it. The
 * tests start and stop apps of their own on one data directory; each begins with the app the one
 * before left running, or starts one.
 */
@Needs(Need.CHROMIUM)
@ExtendWith(LabServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityBrowserIT {

  private static final int BIG_ROSTER = 30_000;

  @TempDir static Path dataDir;
  @TempDir static Path files;

  private static Chromium chromium;
  private static LabServer running;

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  @Order(1)
  void restarting_on_the_same_data_directory_keeps_every_account() throws SQLException {
    LabServer first = running();
    Page page = Roster.openAsInstructor(chromium, first);
    Roster.addAccount(page, "dora", "Dora Durable");
    first.stop();
    assertThat(usernames()).containsExactly("alice", "bob", "chen", "dora", "instructor", "ta");

    LabServer second = start();
    Page after = Roster.openAsInstructor(chromium, second);
    Roster.filter(after, "dora");
    Roster.cell(after, "Dora Durable").waitFor();
    assertThat(second.log()).doesNotContain("Demo course created");
  }

  @Test
  @Order(2)
  void a_kill_during_an_import_leaves_the_database_usable_and_without_any_of_the_import()
      throws IOException, SQLException {
    LabServer server = running();
    Page page = Roster.openAsInstructor(chromium, server);
    page.locator("#roster-upload input[type=file]").setInputFiles(bigRoster());
    page.locator("#import-summary").waitFor(new Locator.WaitForOptions().setTimeout(120_000));

    page.locator("#apply-import").click();
    assertThat(server.awaitLog(Pattern.compile("Roster import: applying"), Duration.ofSeconds(60)))
        .isTrue();
    server.kill();
    assertThat(server.log())
        .as("the import must still have been running when the app was killed")
        .doesNotContain("Roster import committed");

    LabServer restarted = start();
    Page after = chromium.newPage();
    Chromium.signInAndWait(after, restarted, "alice", "demo-student");
    restarted.stop();

    assertThat(usernames())
        .contains("alice", "bob", "chen", "instructor", "ta")
        .noneMatch(name -> name.matches("s\\d+"));
  }

  /** The app that an earlier test left running, or a new one. */
  private static LabServer running() {
    return running != null && running.isAlive() ? running : start();
  }

  private static LabServer start() {
    running =
        LabServer.start(
            dataDir,
            "--lab.account.roster.max-rows=" + BIG_ROSTER,
            "--lab.account.roster.max-bytes=4000000");
    return running;
  }

  private static Path bigRoster() throws IOException {
    StringBuilder csv = new StringBuilder("username,display name,email,role\n");
    for (int i = 0; i < BIG_ROSTER; i++) {
      csv.append("s")
          .append(i)
          .append(",Student ")
          .append(i)
          .append(",s")
          .append(i)
          .append("@example.org,student\n");
    }
    return Files.writeString(files.resolve("big.csv"), csv, StandardCharsets.UTF_8);
  }

  /** Reads the database files directly, with the app stopped: what is really on disk. */
  private static List<String> usernames() throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/pruninglab");
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var rows =
            connection
                .createStatement()
                .executeQuery("select username from account order by username")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }
}
