package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts outlive a restart, and a SIGKILL in the middle of an import leaves no half of it. */
class DurabilityBrowserIT {

  private static final int BIG_ROSTER = 30_000;

  @TempDir Path dataDir;
  @TempDir Path files;

  private final List<LabServer> servers = new ArrayList<>();
  private Chromium chromium;

  @AfterEach
  void cleanUp() {
    if (chromium != null) {
      chromium.close();
    }
    servers.forEach(LabServer::close);
  }

  @Test
  void restarting_on_the_same_data_directory_keeps_every_account() throws SQLException {
    LabServer first = start();
    chromium = new Chromium();
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, first, "instructor", "demo-instructor");
    page.navigate(first.url("/roster"));
    page.locator("#add-account").click();
    page.locator("#new-username input").fill("dora");
    page.locator("#new-display-name input").fill("Dora Durable");
    page.locator("#new-email input").fill("dora@example.org");
    page.locator("#save-account").click();
    page.locator("#roster-grid").getByText("Dora Durable").waitFor();
    first.stop();

    LabServer second = start();
    Page after = chromium.newPage();
    Chromium.signInAndWait(after, second, "instructor", "demo-instructor");
    after.navigate(second.url("/roster"));
    after.locator("#roster-grid").getByText("Dora Durable").waitFor();
    assertThat(second.log()).doesNotContain("Demo course created");
    second.stop();

    assertThat(usernames()).containsExactly("alice", "bob", "chen", "dora", "instructor", "ta");
  }

  @Test
  void a_kill_during_an_import_leaves_the_database_usable_and_without_any_of_the_import()
      throws IOException, SQLException {
    LabServer server = start();
    chromium = new Chromium();
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");
    page.navigate(server.url("/roster"));
    page.locator("#roster-upload input[type=file]").setInputFiles(bigRoster());
    page.locator("#import-summary")
        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));

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

    assertThat(usernames()).containsExactly("alice", "bob", "chen", "instructor", "ta");
  }

  private LabServer start() {
    LabServer server =
        LabServer.start(
            dataDir,
            "--lab.account.roster.max-rows=" + BIG_ROSTER,
            "--lab.account.roster.max-bytes=4000000");
    servers.add(server);
    return server;
  }

  private Path bigRoster() throws IOException {
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
  private List<String> usernames() throws SQLException {
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
