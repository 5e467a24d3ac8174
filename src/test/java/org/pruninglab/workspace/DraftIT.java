package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.LabIntegrationTest;
import org.pruninglab.account.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** Drafts on the real database: versions, conflicts, size limit, reset with history. */
class DraftIT extends LabIntegrationTest {

  @Autowired DraftService drafts;

  @BeforeEach
  void student() {
    ensureAccount("draft-a", Role.STUDENT);
    ensureAccount("draft-b", Role.STUDENT);
  }

  @Test
  void a_new_student_starts_from_the_starter_and_each_save_is_a_new_version() {
    signInAs("draft-a", Role.STUDENT);
    Draft start = drafts.load("kthvalue");
    assertThat(start.version()).isZero();
    assertThat(start.source()).contains("kthSmallest is not written yet");

    Draft one = drafts.save("kthvalue", "// first", 0);
    Draft two = drafts.save("kthvalue", "// second", one.version());

    assertThat(one.version()).isEqualTo(1);
    assertThat(two.version()).isEqualTo(2);
    assertThat(drafts.load("kthvalue").source()).isEqualTo("// second");
    signInAs("draft-b", Role.STUDENT);
    assertThat(drafts.load("kthvalue").version()).isZero();
  }

  @Test
  void a_save_from_a_stale_tab_is_refused_with_what_is_stored() {
    signInAs("draft-b", Role.STUDENT);
    long base = drafts.save("mask-fine-tune", "// tab 1 loads this", 0).version();
    drafts.save("mask-fine-tune", "// tab 2 saved later", base);

    assertThatThrownBy(() -> drafts.save("mask-fine-tune", "// tab 1 types on", base))
        .isInstanceOf(DraftConflictException.class)
        .hasMessageContaining("was saved elsewhere (another tab or browser)")
        .satisfies(
            e ->
                assertThat(((DraftConflictException) e).current().source())
                    .isEqualTo("// tab 2 saved later"));
    assertThat(drafts.load("mask-fine-tune").source()).isEqualTo("// tab 2 saved later");
    // Two tabs starting from the starter: the second first save conflicts too.
    assertThatThrownBy(() -> drafts.save("mask-fine-tune", "// another first", 0))
        .isInstanceOf(DraftConflictException.class);
  }

  @Test
  void an_oversized_draft_is_refused_and_the_last_good_one_kept() {
    signInAs("draft-a", Role.STUDENT);
    Draft good = drafts.save("filter-pruning", "// good", 0);

    assertThatThrownBy(() -> drafts.save("filter-pruning", "x".repeat(300_000), good.version()))
        .isInstanceOf(DraftException.class)
        .hasMessage(
            "The draft is 300,000 bytes; drafts are limited to 262,144 bytes (256 KB)."
                + " Your last saved draft is kept.");
    assertThat(drafts.load("filter-pruning").source()).isEqualTo("// good");
    assertThatThrownBy(() -> drafts.load("nope")).hasMessage("There is no exercise called 'nope'.");
  }

  @Test
  void reset_to_starter_keeps_the_old_draft_in_the_history() {
    signInAs("draft-b", Role.STUDENT);
    Draft mine = drafts.save("kthvalue", "// my work", drafts.load("kthvalue").version());

    Draft reset = drafts.resetToStarter("kthvalue", mine.version());

    assertThat(reset.source()).contains("kthSmallest is not written yet");
    assertThat(reset.version()).isEqualTo(mine.version() + 1);
    assertThat(drafts.history("kthvalue"))
        .first()
        .satisfies(
            h -> {
              assertThat(h.source()).isEqualTo("// my work");
              assertThat(h.reason()).isEqualTo("reset to starter");
            });
  }

  @Test
  void restoring_earlier_code_keeps_the_draft_it_replaces_and_a_stale_restore_changes_nothing() {
    signInAs("draft-a", Role.STUDENT);
    Draft mine =
        drafts.save("mask-fine-tune", "// today's work", drafts.load("mask-fine-tune").version());

    Draft restored =
        drafts.restore(
            "mask-fine-tune", "// the code of run #7", mine.version(), "restored practice run #7");

    assertThat(restored.source()).isEqualTo("// the code of run #7");
    assertThat(drafts.history("mask-fine-tune"))
        .first()
        .satisfies(
            h -> {
              assertThat(h.source()).isEqualTo("// today's work");
              assertThat(h.reason()).isEqualTo("restored practice run #7");
            });
    int kept = drafts.history("mask-fine-tune").size();
    assertThatThrownBy(
            () ->
                drafts.restore("mask-fine-tune", "// from a stale tab", mine.version(), "restored"))
        .isInstanceOf(DraftConflictException.class);
    assertThat(drafts.history("mask-fine-tune")).hasSize(kept);
    assertThat(drafts.load("mask-fine-tune").source()).isEqualTo("// the code of run #7");
  }
}
