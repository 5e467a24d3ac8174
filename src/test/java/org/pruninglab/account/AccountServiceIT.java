package org.pruninglab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pruninglab.LabIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@ExtendWith(OutputCaptureExtension.class)
class AccountServiceIT extends LabIntegrationTest {

  // Field injection is how Spring's test framework hands beans to a test class.
  @Autowired AccountService accounts;
  @Autowired RosterImportService roster;
  @Autowired AuthenticationManager authentication;
  @Autowired InitialAccounts initialAccounts;
  @Autowired JdbcClient jdbc;

  private static final byte[] ONE_ROW =
      "zed,Zed,zed@example.org,student\n".getBytes(StandardCharsets.UTF_8);

  @Test
  @WithMockUser(username = "stu", roles = "STUDENT")
  void a_student_can_neither_see_nor_change_accounts_whatever_the_ui_shows() {
    assertThatThrownBy(() -> accounts.listAccounts()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.create(details("stu2", Role.STUDENT)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.resetPassword(1)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.deactivate(1)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> roster.preview(ONE_ROW)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> roster.apply(ONE_ROW)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.issuePasswords(List.of(1L)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "assistant", roles = "TA")
  void a_teaching_assistant_sees_the_roster_but_cannot_change_it() {
    assertThat(accounts.listAccounts()).extracting(Account::username).contains("instructor");
    assertThatThrownBy(() -> accounts.create(details("ta-made", Role.STUDENT)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> roster.apply(ONE_ROW)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.reactivate(1)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.issuePasswords(List.of(1L)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "instructor", roles = "INSTRUCTOR")
  void an_instructor_issues_one_time_passwords_to_a_whole_course_at_once() {
    StringBuilder csv = new StringBuilder("username,display name,email,role\n");
    for (int i = 0; i < 200; i++) {
      csv.append(String.format("course%03d,Student %d,course%03d@example.org,student%n", i, i, i));
    }
    roster.apply(csv.toString().getBytes(StandardCharsets.UTF_8));
    List<Long> newOnes =
        accounts.listAccounts().stream()
            .filter(a -> a.username().startsWith("course") && !a.hasPassword())
            .map(Account::id)
            .toList();
    assertThat(newOnes).hasSize(200);

    // One unknown account: refused, and nobody got a password.
    List<Long> withUnknown = new ArrayList<>(newOnes);
    withUnknown.add(-7L);
    assertThatThrownBy(() -> accounts.issuePasswords(withUnknown))
        .isInstanceOf(AccountException.class)
        .hasMessage("No account with id -7.");
    assertThat(accounts.listAccounts())
        .filteredOn(a -> a.username().startsWith("course"))
        .noneMatch(Account::hasPassword);

    List<IssuedPassword> issued = accounts.issuePasswords(newOnes);

    assertThat(issued)
        .hasSize(200)
        .isSortedAccordingTo(Comparator.comparing(IssuedPassword::username));
    assertThat(issued.get(7))
        .extracting(IssuedPassword::username, IssuedPassword::displayName)
        .containsExactly("course007", "Student 7");
    assertThat(issued)
        .extracting(IssuedPassword::password)
        .doesNotHaveDuplicates()
        .allMatch(p -> p.length() == 16);
    assertThat(accounts.listAccounts())
        .filteredOn(a -> a.username().startsWith("course"))
        .allMatch(a -> a.hasPassword() && a.mustChangePassword());
    assertThat(
            jdbc.sql("select password_hash from account where username = ?")
                .param(issued.get(0).username())
                .query(String.class)
                .single())
        .as("a cheap bcrypt: 93 random bits need no stretching; never the password in clear")
        .startsWith("{bcrypt}$2a$04$")
        .doesNotContain(issued.get(0).password());
    for (IssuedPassword p : List.of(issued.get(0), issued.get(199))) {
      assertThat(signIn(p.username(), p.password()).isAuthenticated()).isTrue();
    }
    assertThatThrownBy(() -> accounts.issuePasswords(List.of()))
        .isInstanceOf(AccountException.class)
        .hasMessage("Choose at least one account.");
  }

  @Test
  @WithMockUser(username = "instructor", roles = "INSTRUCTOR")
  void an_instructor_creates_an_account_that_can_sign_in_only_after_a_password_is_issued() {
    Account created = accounts.create(details("newbie", Role.STUDENT));
    assertThat(created.hasPassword()).isFalse();
    assertThatThrownBy(() -> signIn("newbie", "anything-at-all"))
        .isInstanceOf(BadCredentialsException.class);

    IssuedPassword issued = accounts.resetPassword(created.id());

    assertThat(issued.password()).hasSize(16);
    assertThat(issued.toString()).doesNotContain(issued.password());
    assertThat(signIn("newbie", issued.password()).isAuthenticated()).isTrue();
    assertThat(accounts.listAccounts())
        .filteredOn(a -> a.username().equals("newbie"))
        .singleElement()
        .satisfies(a -> assertThat(a.mustChangePassword()).isTrue());
    assertThatThrownBy(() -> accounts.create(details("NewBie", Role.TA)))
        .isInstanceOf(AccountException.class)
        .hasMessage("An account named 'newbie' already exists.");
  }

  @Test
  @WithMockUser(username = "instructor", roles = "INSTRUCTOR")
  void a_deactivated_account_is_refused_with_the_same_error_as_a_wrong_password() {
    Account quitter =
        accounts.createWithPassword(details("quitter", Role.STUDENT), "long-enough-pw", false);
    assertThat(signIn("quitter", "long-enough-pw").isAuthenticated()).isTrue();

    accounts.deactivate(quitter.id());

    assertThatThrownBy(() -> signIn("quitter", "long-enough-pw"))
        .isInstanceOf(BadCredentialsException.class)
        .hasMessage("Bad credentials");
    accounts.reactivate(quitter.id());
    assertThat(signIn("quitter", "long-enough-pw").isAuthenticated()).isTrue();
  }

  @Test
  @WithMockUser(username = "instructor", roles = "INSTRUCTOR")
  void instructors_cannot_lock_themselves_or_the_course_out() {
    long me = accounts.currentAccount().orElseThrow().id();
    assertThatThrownBy(() -> accounts.deactivate(me))
        .isInstanceOf(AccountException.class)
        .hasMessage("You cannot deactivate your own account.");
  }

  @Test
  @WithMockUser(username = "other-instructor", roles = "INSTRUCTOR")
  void the_last_active_instructor_cannot_be_deactivated() {
    long instructor =
        accounts.listAccounts().stream()
            .filter(a -> a.username().equals("instructor"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThatThrownBy(() -> accounts.deactivate(instructor))
        .isInstanceOf(AccountException.class)
        .hasMessage("The last active instructor cannot be deactivated.");
  }

  @Test
  @WithMockUser(username = "carla", roles = "STUDENT")
  void a_student_changes_her_own_password_after_proving_the_current_one() {
    accounts.createWithPassword(details("carla", Role.STUDENT), "first-password", true);

    assertThatThrownBy(() -> accounts.changeOwnPassword("wrong-password", "second-password"))
        .hasMessage("The current password is not correct.");
    assertThatThrownBy(() -> accounts.changeOwnPassword("first-password", "short"))
        .hasMessage("The new password must have at least 10 characters.");
    assertThatThrownBy(() -> accounts.changeOwnPassword("first-password", "CARLA"))
        .isInstanceOf(AccountException.class);
    assertThatThrownBy(() -> accounts.changeOwnPassword("first-password", "x".repeat(73)))
        .hasMessage("The new password is too long (at most 72 bytes).");
    assertThatThrownBy(() -> accounts.changeOwnPassword("first-password", "first-password"))
        .hasMessage("The new password must differ from the current one.");

    accounts.changeOwnPassword("first-password", "second-password");

    assertThat(accounts.currentAccount().orElseThrow().mustChangePassword()).isFalse();
    assertThat(signIn("carla", "second-password").isAuthenticated()).isTrue();
    assertThatThrownBy(() -> signIn("carla", "first-password"))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void repeated_failures_throttle_even_the_right_password_for_that_username_only() {
    accounts.createWithPassword(details("target", Role.STUDENT), "right-password", false);
    accounts.createWithPassword(details("bystander", Role.STUDENT), "right-password", false);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> signIn("target", "wrong-password"))
          .isInstanceOf(BadCredentialsException.class);
    }

    assertThatThrownBy(() -> signIn("target", "right-password"))
        .isInstanceOf(SignInThrottledException.class);
    assertThat(signIn("bystander", "right-password").isAuthenticated()).isTrue();
  }

  @Test
  void stored_passwords_are_bcrypt_hashes() {
    accounts.createWithPassword(details("hashed", Role.STUDENT), "some-password", false);

    String stored =
        jdbc.sql("select password_hash from account where username = 'hashed'")
            .query(String.class)
            .single();

    assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain("some-password");
  }

  @Test
  void on_an_empty_database_the_instructor_gets_a_one_time_password_printed_once(
      CapturedOutput output) {
    String saved = "create table account_backup as select * from account";
    jdbc.sql(saved).update();
    try {
      jdbc.sql("delete from account").update();

      initialAccounts.run(null);

      Matcher m =
          Pattern.compile("instructor account 'instructor' with one-time password (\\S+)")
              .matcher(output.getAll());
      String password = null;
      while (m.find()) {
        password = m.group(1); // the newest: the context's own start may have printed one too
      }
      assertThat(password).isNotNull();
      assertThat(signIn("instructor", password).isAuthenticated()).isTrue();
      assertThat(
              jdbc.sql("select must_change_password from account where username='instructor'")
                  .query(Boolean.class)
                  .single())
          .isTrue();

      initialAccounts.run(null);
      assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
    } finally {
      jdbc.sql("delete from account").update();
      jdbc.sql("insert into account select * from account_backup").update();
      jdbc.sql("drop table account_backup").update();
    }
  }

  /** Signs in as the sign-in form does, from one client address. */
  private Authentication signIn(String username, String password) {
    var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    token.setDetails(new WebAuthenticationDetails("192.0.2.10", null));
    return authentication.authenticate(token);
  }

  private static AccountDetails details(String username, Role role) {
    return new AccountDetails(username, "Name of " + username, username + "@example.org", role);
  }
}
