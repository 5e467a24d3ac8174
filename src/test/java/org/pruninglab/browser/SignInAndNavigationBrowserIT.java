package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/**
 * Each role signs in to the real app in Chromium and sees what its role may see, and no more. The
 * app is the jar the build packaged, started with {@code java -jar} as a course runs it.
 */
@Needs(Need.CHROMIUM)
@LabServers.Shared(LabServers.DemoCourse.class)
class SignInAndNavigationBrowserIT {

  /** TAs and instructors see the same pages in the menu (what they may do there differs). */
  private static final String[] STAFF_MENU = {
    "Home",
    "Exercises",
    "My submissions",
    "Leaderboard",
    "Gradebook",
    "Deadlines",
    "Analytics",
    "Roster",
    "Exercise packs",
    "Grading backend",
    "Change password"
  };

  /** A lab room: this many students (student001 …) sign in from one address. */
  private static final int ROOM = LabServers.DemoCourse.LAB_ROOM;

  private static LabServer server;
  private static Chromium chromium;

  @Test
  void a_student_sees_only_the_pages_for_students() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");

    assertThat(navigation(page))
        .containsExactly("Home", "Exercises", "My submissions", "Leaderboard", "Change password");
    assertThat(page.locator("#welcome").textContent()).isEqualTo("Welcome, Alice Student");
    assertThat(page.locator("#signed-in-as").textContent()).isEqualTo("Alice Student · Student");
    Chromium.screenshot(page, "home-student");

    page.locator("#sign-out").click();
    page.getByLabel("Username").waitFor();
    page.navigate(server.url("/"));
    page.getByLabel("Username").waitFor();
    assertThat(page.url()).endsWith("/login");
  }

  @Test
  void the_packaged_jar_serves_the_exercise_page_as_users_see_it_without_development_tools() {
    assertThat(server.packaged())
        .as("the app is target/pruning-lab.jar of a production build (mvn package without -Ddev)")
        .isTrue();
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");

    page.navigate(server.url("/exercise/kthvalue"));
    page.locator("lab-code-editor .cm-content").waitFor();
    page.locator("lab-markdown[data-rendered] .katex").first().waitFor();

    assertThat(server.log()).contains("Vaadin is running in production mode");
    assertThat(page.locator("vaadin-dev-tools").count()).isZero();
    assertThat(page.locator("copilot-main").count()).isZero();
    assertThat(page.content()).doesNotContain("Development Mode");
    Chromium.screenshot(page, "exercise-packaged-jar");
  }

  @Test
  void a_teaching_assistant_also_sees_the_roster_but_cannot_change_it() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "ta", "demo-ta-pass");

    assertThat(navigation(page)).containsExactly(STAFF_MENU);
    page.navigate(server.url("/roster"));
    page.locator("#roster-grid").waitFor();
    assertThat(page.locator("#roster-grid").textContent()).contains("alice", "bob", "chen");
    assertThat(page.locator("#roster-upload").count()).isZero();
    assertThat(page.locator("#add-account").count()).isZero();
  }

  @Test
  void an_instructor_sees_the_roster_with_its_import() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");

    assertThat(navigation(page)).containsExactly(STAFF_MENU);
    page.locator("#main-nav").getByText("Roster").click();
    page.locator("#roster-upload").waitFor();
    assertThat(page.locator("#add-account").isVisible()).isTrue();
    page.locator("#roster-grid").getByText("Alice Student").waitFor();
    Chromium.screenshot(page, "roster-instructor");
  }

  @Test
  void a_student_who_types_a_staff_page_address_is_refused_and_the_refusal_is_logged() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "bob", "demo-student");

    page.navigate(server.url("/roster"));

    assertThat(page.locator("#access-denied").textContent()).isEqualTo("Access denied");
    assertThat(page.locator("#roster-grid").count()).isZero();
    assertThat(page.content()).doesNotContain("alice@demo.invalid");
    assertThat(
            server.awaitLog(
                Pattern.compile("Access denied: bob may not open /roster"), Duration.ofSeconds(5)))
        .isTrue();
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_generic_error() {
    Page wrongPassword = chromium.newPage();
    Chromium.signIn(wrongPassword, server, "chen", "not-the-password");
    String shownForWrongPassword = loginError(wrongPassword);

    Page unknownUser = chromium.newPage();
    Chromium.signIn(unknownUser, server, "nobody-by-this-name", "not-the-password");
    String shownForUnknownUser = loginError(unknownUser);

    assertThat(shownForWrongPassword).contains("Incorrect username or password.");
    assertThat(shownForUnknownUser).isEqualTo(shownForWrongPassword);
    Chromium.screenshot(unknownUser, "login-error");
    assertThat(wrongPassword.url()).contains("/login");
  }

  @Test
  void a_one_time_password_from_the_instructor_must_be_replaced_before_anything_else() {
    // An account of its own: the demo students' passwords stay what other classes expect.
    Page instructor = Roster.openAsInstructor(chromium, server);
    Roster.addAccount(instructor, "olga", "Olga Student");
    instructor.locator("#issue-password-olga").click();
    instructor.locator("#confirm-issue-password").click();
    String oneTime = instructor.locator("#issued-password").textContent();
    // waitFor, not isVisible: the dialog's heading may render a moment after its text field.
    instructor.getByText("One-time password for olga").waitFor();

    Page olga = chromium.newPage();
    Chromium.signIn(olga, server, "olga", oneTime);
    olga.locator("#must-change-notice").waitFor();
    olga.navigate(server.url("/"));
    olga.locator("#must-change-notice").waitFor();
    assertThat(olga.locator("#welcome").count()).isZero();

    olga.locator("#current-password input").fill(oneTime);
    olga.locator("#new-password input").fill("olgas-own-password");
    olga.locator("#repeat-password input").fill("olgas-own-password");
    olga.locator("#change-password").click();

    olga.locator("#welcome").waitFor();
    Page again = chromium.newPage();
    Chromium.signInAndWait(again, server, "olga", "olgas-own-password");
    assertThat(again.locator("#welcome").textContent()).isEqualTo("Welcome, Olga Student");
  }

  @Test
  void an_anonymous_visitor_is_sent_to_the_sign_in_page() {
    Page page = chromium.newPage();
    page.navigate(server.url("/roster"));
    page.getByLabel("Username").waitFor();
    assertThat(page.url()).endsWith("/login");
  }

  @Test
  void forty_students_behind_one_address_with_a_few_typos_each_do_not_lock_each_other_out()
      throws Exception {
    // Every request comes from 127.0.0.1, as a lab room's do from its NAT address.
    ExecutorService room = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> signedIn = new ArrayList<>();
      for (int i = 1; i <= ROOM; i++) {
        String student = String.format(Locale.ROOT, "student%03d", i);
        signedIn.add(
            room.submit(
                () -> {
                  for (int typo = 1; typo <= 3; typo++) {
                    assertThat(formSignIn(student, "demo-studnet" + typo)).isFalse();
                  }
                  return formSignIn(student, "demo-student");
                }));
      }
      for (Future<Boolean> s : signedIn) {
        assertThat(s.get(3, TimeUnit.MINUTES)).as("signed in after three typos").isTrue();
      }
    } finally {
      room.shutdownNow();
    }

    // One student who keeps guessing locks out only themselves.
    for (int typo = 1; typo <= 5; typo++) {
      assertThat(formSignIn("student001", "guess-" + typo)).isFalse();
    }
    assertThat(formSignIn("student001", "demo-student")).as("locked out").isFalse();
    assertThat(formSignIn("student002", "demo-student")).as("a neighbour").isTrue();

    // HTTP basic failures count for the account only: six of them (more than the five allowed for
    // one account from one address) leave its form sign-in alone; twenty lock the account.
    for (int typo = 1; typo <= 6; typo++) {
      assertThat(basicStatus("student003", "scraper-" + typo)).isEqualTo(401);
    }
    assertThat(formSignIn("student003", "demo-student")).isTrue();
    for (int typo = 1; typo <= 20; typo++) {
      assertThat(basicStatus("student004", "scraper-" + typo)).isEqualTo(401);
    }
    assertThat(formSignIn("student004", "demo-student")).as("account locked").isFalse();
    assertThat(formSignIn("student005", "demo-student")).isTrue();
  }

  /** Posts the sign-in form as the browser does; true if it signed in. */
  private static boolean formSignIn(String username, String password) throws Exception {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<Void> response = Http.postForm(server, "/login", form);
    assertThat(response.statusCode()).isEqualTo(302);
    return !response.headers().firstValue("Location").orElseThrow().contains("error");
  }

  private static int basicStatus(String username, String password) throws Exception {
    return Http.get(server, "/actuator/metrics", username + ":" + password).statusCode();
  }

  private static List<String> navigation(Page page) {
    return page.locator("#main-nav vaadin-side-nav-item").allTextContents().stream()
        .map(String::strip)
        .toList();
  }

  private static String loginError(Page page) {
    page.waitForURL(Pattern.compile(".*/login\\?error.*"));
    var error = page.locator("div[part='error-message']:visible");
    error.waitFor();
    return error.textContent().replaceAll("\\s+", " ").strip();
  }
}
