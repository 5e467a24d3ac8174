package org.pruninglab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pruninglab.LabIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class RosterImportIT extends LabIntegrationTest {

  @Autowired RosterImportService roster;
  @Autowired JdbcClient jdbc;

  @Test
  void a_file_with_one_bad_line_imports_none_of_its_good_lines() {
    byte[] file =
        csv(
            "ri-good1,Good One,g1@example.org,student",
            "ri-good2,Good Two,g2@example.org,student",
            "ri-bad,Bad,bad-email,student");
    long before = count();

    RosterPlan preview = roster.preview(file);

    assertThat(preview.problems()).extracting(RosterProblem::line).containsExactly(3);
    assertThatThrownBy(() -> roster.apply(file))
        .isInstanceOfSatisfying(
            RosterImportException.class,
            e -> {
              assertThat(e.problems()).isEqualTo(preview.problems());
              assertThat(e.getMessage())
                  .isEqualTo("The roster file has 1 problem; nothing was imported.");
            });
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void importing_the_same_file_twice_changes_nothing_the_second_time() {
    byte[] file =
        csv("ri-twice1,Twice One,t1@example.org,student", "ri-twice2,Twice Two,t2@example.org,ta");

    RosterPlan first = roster.apply(file);
    String stamps = updatedAt("ri-twice%");
    RosterPlan second = roster.apply(file);

    assertThat(first.count(RosterChange.Kind.CREATE)).isEqualTo(2);
    assertThat(second.changes())
        .extracting(RosterChange::kind)
        .containsOnly(RosterChange.Kind.UNCHANGED);
    assertThat(updatedAt("ri-twice%")).isEqualTo(stamps);
    assertThat(
            jdbc.sql(
                    "select count(*) from account where username like 'ri-twice%' and password_hash is null and active")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void a_changed_line_updates_name_email_and_role_and_says_what_changed() {
    roster.apply(csv("ri-change,Old Name,old@example.org,student"));

    RosterPlan plan = roster.apply(csv("ri-change,New Name,new@example.org,ta"));

    assertThat(plan.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(RosterChange.Kind.UPDATE);
              assertThat(c.description())
                  .isEqualTo(
                      "name 'Old Name' → 'New Name'; email old@example.org → new@example.org;"
                          + " role STUDENT → TA");
            });
    assertThat(
            jdbc.sql(
                    "select display_name || '/' || email || '/' || role from account where username = 'ri-change'")
                .query(String.class)
                .single())
        .isEqualTo("New Name/new@example.org/TA");
  }

  @Test
  void an_instructor_cannot_change_their_own_role_by_import() {
    RosterPlan plan =
        roster.preview(
            csv("instructor,Course instructor,instructor@localhost.localdomain,student"));

    assertThat(plan.problems())
        .extracting(RosterProblem::toString)
        .containsExactly("line 1: you cannot change your own role ('instructor').");
    assertThat(plan.importable()).isFalse();
  }

  private long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  private String updatedAt(String pattern) {
    return jdbc.sql(
            "select listagg(cast(updated_at as varchar), ',') within group (order by username) from account where username like ?")
        .param(pattern)
        .query(String.class)
        .single();
  }

  private static byte[] csv(String... lines) {
    return (String.join("\n", List.of(lines)) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
